using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VoixUsager.Auditing;
using VoixUsager.Data;
using VoixUsager.Mystery;

namespace VoixUsager.ActionPlan;

public sealed class ModuleInput
{
    [Required(ErrorMessage = "Indiquez le numéro du module, de 1 à 99.")]
    [Range(1, 99, ErrorMessage = "Indiquez le numéro du module, de 1 à 99.")]
    public int? Number { get; set; }

    [Required(ErrorMessage = "Indiquez le nom du module.")]
    [ColumnLength(typeof(QualModule), nameof(QualModule.Name), ErrorMessage = "Le nom du module compte {1} caractères au plus.")]
    public string? Name { get; set; }
}

public sealed class EngagementInput
{
    [Required(ErrorMessage = "Indiquez le numéro de l’engagement, de 1 à 999.")]
    [Range(1, 999, ErrorMessage = "Indiquez le numéro de l’engagement, de 1 à 999.")]
    public int? Number { get; set; }

    [Required(ErrorMessage = "Indiquez le texte de l’engagement.")]
    [ColumnLength(typeof(QualEngagement), nameof(QualEngagement.Text), ErrorMessage = "Le texte de l’engagement compte {1} caractères au plus.")]
    public string? Text { get; set; }
}

/// <summary>The Qual-e-pref modules and their engagements, national data the administrators keep.</summary>
public sealed class ModuleAdministration(AppDbContext db, FranceClock clock)
{
    public sealed record ModuleRow(int Id, int Number, string Name, bool IsActive, IReadOnlyList<(int Id, int Number, string Text)> Engagements);

    public async Task<IReadOnlyList<ModuleRow>> ListAsync(CancellationToken cancellationToken) =>
        (await db.QualModules.AsNoTracking().Include(m => m.Engagements).OrderBy(m => m.Number).ToListAsync(cancellationToken))
        .Select(m => new ModuleRow(m.Id, m.Number, m.Name, m.IsActive, m.Engagements.OrderBy(e => e.Number).Select(e => (e.Id, e.Number, e.Text)).ToList()))
        .ToList();

    /// <summary>Adds a module (<paramref name="moduleId"/> null) or changes one.</summary>
    public async Task<ChangeResult> SaveModuleAsync(int? moduleId, ModuleInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var errors = InputValidation.Check(input);
        if (errors.Count == 0 && await db.QualModules.AnyAsync(m => m.Number == input.Number && m.Id != moduleId, cancellationToken))
        {
            errors[nameof(ModuleInput.Number)] = $"Le module {input.Number} existe déjà.";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        QualModule module;
        if (moduleId is { } id)
        {
            var found = await db.QualModules.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (found is null)
            {
                return new ChangeResult.NotFound();
            }

            module = found;
        }
        else
        {
            module = new QualModule { Name = "" };
            db.QualModules.Add(module);
        }

        module.Number = input.Number!.Value;
        module.Name = input.Name!.Trim();
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, null, moduleId is null ? "module.cree" : "module.modifie",
            nameof(QualModule), module.Id.ToString(CultureInfo.InvariantCulture), $"Module {module.Number} – {module.Name}"), cancellationToken);
        return new ChangeResult.Done(module.Id);
    }

    /// <summary>Retires a module (offered for no new action, kept on the old ones) or brings it back.</summary>
    public async Task<ChangeResult> SetActiveAsync(int moduleId, bool active, AuditActor actor, CancellationToken cancellationToken)
    {
        var module = await db.QualModules.SingleOrDefaultAsync(m => m.Id == moduleId, cancellationToken);
        if (module is null)
        {
            return new ChangeResult.NotFound();
        }

        if (module.IsActive != active)
        {
            module.IsActive = active;
            await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, null, "module.modifie",
                nameof(QualModule), module.Id.ToString(CultureInfo.InvariantCulture), $"Module {module.Number} {(active ? "rétabli" : "retiré")}"), cancellationToken);
        }

        return new ChangeResult.Done(module.Id);
    }

    public async Task<ChangeResult> AddEngagementAsync(int moduleId, EngagementInput input, AuditActor actor, CancellationToken cancellationToken)
    {
        var module = await db.QualModules.SingleOrDefaultAsync(m => m.Id == moduleId, cancellationToken);
        if (module is null)
        {
            return new ChangeResult.NotFound();
        }

        var errors = InputValidation.Check(input);
        if (errors.Count == 0 && await db.QualEngagements.AnyAsync(e => e.ModuleId == moduleId && e.Number == input.Number, cancellationToken))
        {
            errors[nameof(EngagementInput.Number)] = $"L’engagement {input.Number} du module {module.Number} existe déjà.";
        }

        if (errors.Count > 0)
        {
            return new ChangeResult.Invalid(errors);
        }

        var engagement = new QualEngagement { ModuleId = moduleId, Number = input.Number!.Value, Text = input.Text!.Trim() };
        db.QualEngagements.Add(engagement);
        await db.SaveWithAuditAsync(() => AuditEntry.Of(clock.UtcNow, actor.UserId, actor.Email, null, "engagement.cree",
            nameof(QualEngagement), engagement.Id.ToString(CultureInfo.InvariantCulture), $"Module {module.Number}, engagement {engagement.Number}"), cancellationToken);
        return new ChangeResult.Done(engagement.Id);
    }
}
