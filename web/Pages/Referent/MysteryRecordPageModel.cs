using Microsoft.AspNetCore.Mvc;
using VoixUsager.Calendar;
using VoixUsager.Mystery;
using VoixUsager.Web.Pages.Shared;
using VoixUsager.Web.Staff;

namespace VoixUsager.Web.Pages.Referent;

/// <summary>The grid form of one scenario, shared by calls and emails.</summary>
public abstract class MysteryRecordPageModel(MysteryRecordService records, StaffUser staff, MysteryChannel channel) : StaffPageModel
{
    public MysteryRecordService.ScenarioContext Context { get; private set; } = null!;

    public MysteryChannel Channel => channel;

    /// <summary>The values shown in the form: what was just posted, else what is stored.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public string? SavedMessage { get; private set; }

    public bool ReadOnly => !Context.Campaign.IsOpen;

    public async Task<IActionResult> OnGetAsync(int scenarioId, [FromQuery] string? enregistre, CancellationToken cancellationToken)
    {
        var context = await records.LoadForReferentAsync(scenarioId, staff.Id, channel, cancellationToken);
        if (context is null)
        {
            return await NotYoursAsync(scenarioId, cancellationToken);
        }

        Context = context;
        FillFromRecord();
        SavedMessage = enregistre switch
        {
            "brouillon" => "Brouillon enregistré. Vous pourrez le compléter puis le soumettre.",
            "soumis" => "Fiche soumise. Vous pouvez encore la corriger jusqu’à la clôture de la campagne.",
            _ => null,
        };
        ViewData["Title"] = Title;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int scenarioId, CancellationToken cancellationToken)
    {
        var form = await Request.ReadFormAsync(cancellationToken);
        foreach (var (key, value) in form)
        {
            Values[key] = value.ToString();
        }

        var input = new MysteryRecordInput
        {
            Submit = form["action"] == "soumettre",
            At = form["At"],
            Target = form["Target"],
            Outcome = form["Outcome"],
            WaitingSeconds = form["WaitingSeconds"],
            AcknowledgedAt = form["AcknowledgedAt"],
            RepliedAt = form["RepliedAt"],
            ReminderSentAt = form["ReminderSentAt"],
            Comment = form["Comment"],
            Criteria = form.Keys.Where(k => k.Length > 1 && k[0] == 'c' && char.IsAsciiDigit(k[1])).ToDictionary(k => k, k => (string?)form[k].ToString()),
        };
        var result = await records.SaveAsync(scenarioId, channel, input, new AuditActor(staff.Id, staff.Email), cancellationToken);
        switch (result)
        {
            case MysterySaveResult.Saved saved:
                return RedirectToPage(channel == MysteryChannel.Appel ? "/Referent/Appel" : "/Referent/Courriel", new { scenarioId, enregistre = saved.Status == RecordStatus.Soumis ? "soumis" : "brouillon" });
            case MysterySaveResult.NotAssigned:
                return await NotYoursAsync(scenarioId, cancellationToken);
        }

        Context = (await records.LoadForReferentAsync(scenarioId, staff.Id, channel, cancellationToken))!;
        ViewData["Title"] = Title;
        if (result is MysterySaveResult.CampaignClosed)
        {
            Errors[""] = "La campagne est close : les fiches ne peuvent plus être saisies ni corrigées. Rien n’a été enregistré.";
            return Invalid(StatusCodes.Status409Conflict);
        }

        foreach (var (field, message) in ((MysterySaveResult.Invalid)result).Errors)
        {
            Errors[field] = message;
        }

        return Invalid(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>403 for another référent's scenario, 404 for one that does not exist.</summary>
    private async Task<IActionResult> NotYoursAsync(int scenarioId, CancellationToken cancellationToken) =>
        await records.ScenarioExistsAsync(scenarioId, channel, cancellationToken) ? Forbid() : NotFound();

    private string Title => channel == MysteryChannel.Appel ? $"Appel mystère n° {Context.Scenario.Id}" : $"Courriel mystère n° {Context.Scenario.Id}";

    public string? Value(string field) => Values.GetValueOrDefault(field);

    private void FillFromRecord()
    {
        switch (Context.Record)
        {
            case MysteryCallRecord call:
                Values["At"] = Local(call.CalledAtUtc);
                Values["Target"] = call.NumberDialled;
                Values["Outcome"] = call.Outcome.ToString();
                Values["WaitingSeconds"] = call.WaitingSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case MysteryEmailRecord email:
                Values["At"] = Local(email.SentAtUtc);
                Values["Target"] = email.Address;
                Values["AcknowledgedAt"] = Local(email.AcknowledgedAtUtc);
                Values["RepliedAt"] = Local(email.RepliedAtUtc);
                Values["ReminderSentAt"] = Local(email.ReminderSentAtUtc);
                break;
            default:
                Values["Target"] = Context.Scenario.Target;
                return;
        }

        Values["Comment"] = Context.Record.Comment;
        foreach (var answer in Context.Record.Answers)
        {
            Values[$"c{answer.CriterionId}"] = answer.Choice switch
            {
                CriterionChoice.Oui => "oui",
                CriterionChoice.Non => "non",
                CriterionChoice.SansObjet => "so",
                _ => (answer.Scale ?? answer.Number)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
    }

    private static string? Local(DateTime? utc) =>
        utc is { } value ? FrenchTimeZones.UtcToParis(value).ToString(MysteryRecordService.DateFormat, System.Globalization.CultureInfo.InvariantCulture) : null;
}
