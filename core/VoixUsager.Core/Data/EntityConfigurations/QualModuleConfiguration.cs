using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VoixUsager.ActionPlan;

namespace VoixUsager.Data.EntityConfigurations;

public sealed class QualModuleConfiguration : IEntityTypeConfiguration<QualModule>
{
    public const int NameMaxLength = 200;

    /// <summary>
    /// The référentiel's modules as seen in préfectures' reports. Only modules 1 and 7 are numbered in
    /// what we have; the others follow the order they are usually listed in, and the administrators
    /// renumber or rename them from the administration page.
    /// </summary>
    public static readonly IReadOnlyList<QualModule> Seed =
    [
        new() { Id = 1, Number = 1, Name = "Relation générale avec les usagers" },
        new() { Id = 2, Number = 2, Name = "Délivrance des titres" },
        new() { Id = 3, Number = 3, Name = "Titres des ressortissants étrangers" },
        new() { Id = 4, Number = 4, Name = "Relations avec les collectivités territoriales" },
        new() { Id = 5, Number = 5, Name = "Police administrative" },
        new() { Id = 6, Number = 6, Name = "Pilotage interministériel" },
        new() { Id = 7, Number = 7, Name = "Communication d’urgence lors d’un événement majeur" },
        new() { Id = 8, Number = 8, Name = "Préfecture de police de Paris" },
    ];

    public void Configure(EntityTypeBuilder<QualModule> builder)
    {
        builder.ToTable("QualModules");
        builder.Property(m => m.Name).HasMaxLength(NameMaxLength);
        builder.HasIndex(m => m.Number).IsUnique();
        builder.HasData(Seed.Select(m => new { m.Id, m.Number, m.Name, m.IsActive }));
    }
}
