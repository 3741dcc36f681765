using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Text.RegularExpressions;
using VoixUsager.Data;

namespace VoixUsager.Web.Pages.Suggestions;

public partial class MerciModel(AppDbContext db) : PageModel
{
    public string PrefectureName { get; private set; } = "";

    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, string reference, CancellationToken cancellationToken)
    {
        if (await PublicRegisterLookup.FindAsync(db, code, cancellationToken) is not { } target || !ReferenceFormat().IsMatch(reference ?? ""))
        {
            return NotFound();
        }

        PrefectureName = target.PrefectureName;
        // Addresses are lower-cased by routing; the reference reads as it was given.
        Reference = reference!.ToUpperInvariant();
        return Page();
    }

    [GeneratedRegex(@"^SR-\d{4}-\d{5,9}$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceFormat();
}
