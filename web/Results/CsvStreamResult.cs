using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using VoixUsager.Reporting;
using VoixUsager.Results;

namespace VoixUsager.Web.Results;

/// <summary>
/// Writes a CSV export to the response body row by row as the database returns them, so the file is never
/// held in memory whatever its size. The first row is read before anything is sent: a query that fails
/// fails while the response can still be an ordinary error page. A failure later on can only cut the
/// transfer short, which the browser reports as a failed download rather than a complete-looking file.
/// </summary>
public sealed class CsvStreamResult(ResultsExports.CsvFile file, string fileName) : IActionResult
{
    public string FileName => fileName;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var cancellationToken = http.RequestAborted;
        await using var rows = file.Rows.GetAsyncEnumerator(cancellationToken);
        var hasFirst = await rows.MoveNextAsync();
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        http.Response.ContentType = CsvExport.ContentType;
        http.Response.Headers.ContentDisposition = disposition.ToString();
        await CsvExport.WriteAsync(http.Response.Body, file.Headers, Rest(hasFirst, rows), cancellationToken, file.Preamble);
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Rest(bool hasFirst, IAsyncEnumerator<IReadOnlyList<string?>> rows)
    {
        if (!hasFirst)
        {
            yield break;
        }

        yield return rows.Current;
        while (await rows.MoveNextAsync())
        {
            yield return rows.Current;
        }
    }
}
