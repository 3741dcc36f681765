namespace VoixUsager;

/// <summary>What a core service answers to a change asked from a page or a job.</summary>
public abstract record ChangeResult
{
    /// <summary>Stored; <paramref name="Id"/> is the record created or changed.</summary>
    public sealed record Done(int Id) : ChangeResult;

    /// <summary>Refused, nothing stored: a French message by form field ("" for the whole form).</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string> Errors) : ChangeResult;

    public sealed record NotFound : ChangeResult;

    /// <summary>The record belongs to another préfecture.</summary>
    public sealed record Forbidden : ChangeResult;
}
