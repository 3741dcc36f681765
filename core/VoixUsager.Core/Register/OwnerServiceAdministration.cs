using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Mystery;
using VoixUsager.Prefectures;

namespace VoixUsager.Register;

/// <summary>A service's name as typed in the form; the property name is the form's field name.</summary>
public sealed class OwnerServiceInput
{
    [Required(ErrorMessage = "Indiquez le nom du service, par exemple « Bureau des titres de séjour ».")]
    [ColumnLength(typeof(OwnerService), nameof(OwnerService.Name), ErrorMessage = "Le nom du service compte {1} caractères au plus.")]
    public string? ServiceName { get; set; }
}

/// <summary>The préfecture's deadlines for suggestions and complaints, as typed in the form.</summary>
public sealed class RegisterDeadlinesInput
{
    [Required(ErrorMessage = OwnerServiceAdministration.CaseDeadlineMessage)]
    [Range(OwnerServiceAdministration.MinDeadline, OwnerServiceAdministration.MaxDeadline, ErrorMessage = OwnerServiceAdministration.CaseDeadlineMessage)]
    public int? CaseDeadlineWorkingDays { get; set; }

    [Required(ErrorMessage = OwnerServiceAdministration.AcknowledgementDeadlineMessage)]
    [Range(OwnerServiceAdministration.MinDeadline, OwnerServiceAdministration.MaxDeadline, ErrorMessage = OwnerServiceAdministration.AcknowledgementDeadlineMessage)]
    public int? AcknowledgementDeadlineWorkingDays { get; set; }
}

/// <summary>
/// The services of a préfecture (who owns cases and actions) and its register's deadlines: what the
/// quality team may change, each change audited in the same transaction.
/// </summary>
public sealed class OwnerServiceAdministration(AppDbContext db, FranceClock clock)
{
    public const int MinDeadline = 1;

    public const int MaxDeadline = 60;

    public const string CaseDeadlineMessage = "Le délai de réponse est un nombre de jours ouvrés de 1 à 60.";

    public const string AcknowledgementDeadlineMessage = "Le délai d’accusé de réception est un nombre de jours ouvrés de 1 à 60, au plus égal au délai de réponse.";

    public sealed record ServiceRow(int Id, string Name, bool IsActive);

    /// <summary>The préfecture's services, active first, then by name.</summary>
    public async Task<IReadOnlyList<ServiceRow>> ListAsync(int prefectureId, bool activeOnly, CancellationToken cancellationToken) =>
        (await db.OwnerServices.AsNoTracking()
            .Where(s => s.PrefectureId == prefectureId && (!activeOnly || s.IsActive))
            .Select(s => new ServiceRow(s.Id, s.Name, s.IsActive))
            .ToListAsync(cancellationToken))
        .OrderByDescending(s => s.IsActive).ThenBy(s => s.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true))
        .ToList();

    public async Task<ChangeResult> CreateAsync(int prefectureId, OwnerServiceInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        var name = input.ServiceName?.Trim() ?? "";
        if (errors.Count == 0 && await NameTakenAsync(prefectureId, name, null, cancellationToken))
        {
            errors[nameof(OwnerServiceInput.ServiceName)] = $"Le service « {name} » existe déjà.";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var service = new OwnerService { PrefectureId = prefectureId, Name = name };
        db.OwnerServices.Add(service);
        await db.SaveWithAuditAsync(() => Audit(actor, service, "service.cree", service.Name), cancellationToken);
        return new ChangeResult.Done(service.Id);
    }

    public async Task<ChangeResult> RenameAsync(int prefectureId, int serviceId, OwnerServiceInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var (service, refusal) = await FindAsync(prefectureId, serviceId, cancellationToken);
        if (service is null)
        {
            return refusal!;
        }

        var errors = InputValidation.Check(input);
        var name = input.ServiceName?.Trim() ?? "";
        if (errors.Count == 0 && await NameTakenAsync(prefectureId, name, serviceId, cancellationToken))
        {
            errors[nameof(OwnerServiceInput.ServiceName)] = $"Le service « {name} » existe déjà.";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var before = service.Name;
        service.Name = name;
        await db.SaveWithAuditAsync(() => Audit(actor, service, "service.renomme", $"{before} → {name}"), cancellationToken);
        return new ChangeResult.Done(service.Id);
    }

    /// <summary>Retires a service (no new case, action or account) or brings it back.</summary>
    public async Task<ChangeResult> SetActiveAsync(int prefectureId, int serviceId, bool active, AuditActor actor, CancellationToken cancellationToken)
    {
        var (service, refusal) = await FindAsync(prefectureId, serviceId, cancellationToken);
        if (service is null)
        {
            return refusal!;
        }

        if (service.IsActive == active)
        {
            return new ChangeResult.Done(service.Id);
        }

        service.IsActive = active;
        await db.SaveWithAuditAsync(() => Audit(actor, service, active ? "service.reactive" : "service.retire", service.Name), cancellationToken);
        return new ChangeResult.Done(service.Id);
    }

    public async Task<ChangeResult> UpdateDeadlinesAsync(int prefectureId, RegisterDeadlinesInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        if (errors.Count == 0 && input.AcknowledgementDeadlineWorkingDays > input.CaseDeadlineWorkingDays)
        {
            errors[nameof(RegisterDeadlinesInput.AcknowledgementDeadlineWorkingDays)] = AcknowledgementDeadlineMessage;
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var prefecture = await db.Prefectures.SingleOrDefaultAsync(p => p.Id == prefectureId, cancellationToken);
        if (prefecture is null)
        {
            return new ChangeResult.NotFound();
        }

        prefecture.CaseDeadlineWorkingDays = input.CaseDeadlineWorkingDays!.Value;
        prefecture.AcknowledgementDeadlineWorkingDays = input.AcknowledgementDeadlineWorkingDays!.Value;
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, prefectureId, "registre.delais-modifies", nameof(Prefecture),
            prefectureId.ToString(CultureInfo.InvariantCulture),
            $"Réponse sous {prefecture.CaseDeadlineWorkingDays} jours ouvrés, accusé de réception sous {prefecture.AcknowledgementDeadlineWorkingDays}"), cancellationToken);
        return new ChangeResult.Done(prefectureId);
    }

    private async Task<(OwnerService? Service, ChangeResult? Refusal)> FindAsync(int prefectureId, int serviceId, CancellationToken cancellationToken)
    {
        var service = await db.OwnerServices.SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        return service is null ? (null, new ChangeResult.NotFound())
            : service.PrefectureId != prefectureId ? (null, new ChangeResult.Forbidden())
            : (service, null);
    }

    private Task<bool> NameTakenAsync(int prefectureId, string name, int? exceptId, CancellationToken cancellationToken) =>
        db.OwnerServices.AnyAsync(s => s.PrefectureId == prefectureId && s.Name == name && s.Id != exceptId, cancellationToken);

    private AuditEntry Audit(AuditActor actor, OwnerService service, string action, string details) =>
        AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, service.PrefectureId, action, nameof(OwnerService),
            service.Id.ToString(CultureInfo.InvariantCulture), details);
}
