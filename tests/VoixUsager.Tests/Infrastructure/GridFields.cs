using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Mystery;

namespace VoixUsager.Tests.Infrastructure;

/// <summary>Form fields of a complete call or email grid, as a référent would post them.</summary>
public static class GridFields
{
    public static string Local(DateTime utcOrLocal) => utcOrLocal.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static List<KeyValuePair<string, string>> ValidCall(VoixUsagerAppFactory app, int scenarioId, bool submit)
    {
        var criteria = Criteria(app, DefaultGrids.CallKey);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("At", Local(VoixUsager.Calendar.FrenchTimeZones.UtcToParis(DateTime.UtcNow.AddHours(-2)))),
            new("Target", "04 71 46 23 00"),
            new("Outcome", "Abouti"),
            new("WaitingSeconds", "45"),
            new("Comment", "Accueil aimable."),
            new("action", submit ? "soumettre" : "brouillon"),
        };
        fields.AddRange(criteria.Select(c => new KeyValuePair<string, string>($"c{c.Id}", c.Kind switch
        {
            CriterionKind.Nombre => "4",
            CriterionKind.Echelle4 => "3",
            _ => "oui",
        })));
        return fields;
    }

    public static List<KeyValuePair<string, string>> ValidEmail(VoixUsagerAppFactory app, DateTime sentLocal, DateTime? replyLocal, bool submit)
    {
        var criteria = Criteria(app, DefaultGrids.EmailKey);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("At", Local(sentLocal)),
            new("Target", "pref@cantal.test"),
            new("AcknowledgedAt", Local(sentLocal.AddMinutes(1))),
            new("RepliedAt", replyLocal is { } reply ? Local(reply) : ""),
            new("ReminderSentAt", ""),
            new("Comment", ""),
            new("action", submit ? "soumettre" : "brouillon"),
        };
        fields.AddRange(criteria.Select(c => new KeyValuePair<string, string>($"c{c.Id}", c.Kind == CriterionKind.Echelle4 ? "4" : "oui")));
        return fields;
    }

    public static List<GridCriterion> Criteria(VoixUsagerAppFactory app, string key) =>
        app.WithDbAsync(db => db.GridCriteria.Where(c => c.GridVersion.Key == key).OrderBy(c => c.Order).ToListAsync()).GetAwaiter().GetResult();
}
