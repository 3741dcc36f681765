namespace VoixUsager.Web.Pages.Shared;

/// <summary>One DSFR input with its label, hint and error, rendered by the _Champ partial.</summary>
public sealed record FormField(
    string Name,
    string Label,
    string? Value = null,
    string Type = "text",
    string? Error = null,
    string? Hint = null,
    string? Autocomplete = null,
    bool Required = true,
    string? InputMode = null,
    string? Max = null,
    string? Min = null)
{
    /// <summary>The name the input posts under when several inputs of one page post the same field (the id stays <see cref="Name"/>).</summary>
    public string? NameOverride { get; init; }
}
