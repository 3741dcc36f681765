using VoixUsager.Reporting;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Register;

/// <summary>The bilan of suggestions and complaints as one workbook sheet, for the results workbook and the bilan's own download.</summary>
public static class RegisterWorkbook
{
    public const string SheetName = "Suggestions et réclamations";

    public static void AddSheet(XlsxWorkbook workbook, RegisterFigures figures)
    {
        var (low, high) = figures.AnsweredWithinDeadline.Total == 0 ? (double.NaN, double.NaN) : figures.AnsweredWithinDeadline.WilsonInterval();
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "Période", $"du {figures.From:dd/MM/yyyy} au {figures.To:dd/MM/yyyy}", null },
            new object?[] { "Total reçu", figures.Total, null },
            new object?[] { $"Répondues dans le délai ({figures.DeadlineWorkingDays} jours ouvrés)", figures.AnsweredWithinDeadline.Total == 0 ? null : new Percent(figures.AnsweredWithinDeadline.Rate), $"n = {figures.AnsweredWithinDeadline.Total}" },
            new object?[] { "IC 95 % bas", double.IsNaN(low) ? null : new Percent(low), null },
            new object?[] { "IC 95 % haut", double.IsNaN(high) ? null : new Percent(high), null },
            new object?[] { "Indicatif", figures.AnsweredWithinDeadline.IsIndicative, null },
            new object?[] { "Délai médian (jours ouvrés)", figures.MedianDelayWorkingDays, null },
            new object?[] { "En cours", figures.Open, null },
            new object?[] { "En retard", figures.Overdue, null },
            new object?[] { "Closes sans réponse", figures.ClosedWithoutAnswer, null },
        };
        void Section(string name, IReadOnlyList<CountRow> counts) => rows.AddRange(counts.Select(c => (IReadOnlyList<object?>)[name, c.Label, c.Count]));
        Section("Par mois", figures.PerMonth);
        Section("Par nature", figures.PerKind);
        Section("Par sujet", figures.PerSubject);
        Section("Par site", figures.PerSite);
        Section("Par canal", figures.PerChannel);
        workbook.AddSheet(SheetName, ["Rubrique", "Valeur", "Nombre"], rows);
    }
}
