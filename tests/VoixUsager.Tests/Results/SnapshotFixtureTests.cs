using System.Text.Json.Nodes;
using VoixUsager.Results;
using VoixUsager.Tests.Infrastructure;

namespace VoixUsager.Tests.Results;

/// <summary>
/// Snapshots stored by earlier versions keep reading back to the figures they were computed with: a
/// renamed or added property must not turn an old snapshot into zeros.
/// </summary>
[Trait("Category", "Logic")]
public sealed class SnapshotFixtureTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Results", "Fixtures", name));

    [Fact]
    public void Snapshot_stored_before_the_format_had_a_version_reads_back_to_its_figures()
    {
        var figures = SnapshotService.Read(Fixture("snapshot-v1.json"));

        Assert.Equal(40, figures.Survey.Responses);
        var global = figures.Survey.Questions.Single(q => q.Code == Questionnaires.DefaultQuestionnaire.Codes.SatisfactionGlobale).Scale!;
        Assert.Equal((12, 10, 5, 3, 10), (global.TresSatisfaits, global.Satisfaits, global.PeuSatisfaits, global.PasSatisfaits, global.SansAvis));
        Assert.Equal(("Campagne 2026", 22.0 / 30), (figures.Survey.Trend[^1].Campaign, figures.Survey.Trend[^1].SatisfactionRate!.Value));

        var calls = figures.Mystery.Calls;
        Assert.Equal((9, 8, 9), (calls.Submitted, calls.Answered.Successes, calls.Answered.Total));
        Assert.Equal((5, 8, 5), (calls.RingsWithinThreshold.Successes, calls.RingsWithinThreshold.Total, calls.RingsThreshold!.Value));
        Assert.Equal(MysteryTestData.CallsMet.Count, calls.Criteria.Count);
        Assert.All(calls.Criteria, c => Assert.Equal(MysteryTestData.CallsMet[c.Code], c.Compliance.Successes));
        Assert.All(calls.Criteria, c => Assert.Equal(c.Code.StartsWith("transfert-", StringComparison.Ordinal) ? 4 : 8, c.Compliance.Total));
        Assert.Equal(calls.Criteria.Sum(c => c.Compliance.Total), calls.Groups.Sum(g => g.Compliance.Total));

        var emails = figures.Mystery.Emails;
        Assert.Equal((24, 14, 7, 3), (emails.Submitted, emails.WithinDeadline, emails.Late, emails.NoReply));
        Assert.Equal((14, 24), (emails.WithinDeadlineRate.Successes, emails.WithinDeadlineRate.Total));
        Assert.Equal((20, 24), (emails.Acknowledged.Successes, emails.Acknowledged.Total));
        Assert.All(emails.Criteria, c => Assert.Equal((MysteryTestData.EmailsMet[c.Code], 24), (c.Compliance.Successes, c.Compliance.Total)));

        // What format 1 stated stays stated; it had no "à confirmer" list.
        Assert.Equal(11, figures.Mystery.Recommendations.Strengths.Count);
        Assert.Equal(7, figures.Mystery.Recommendations.Recommendations.Count);
        Assert.Empty(figures.Mystery.Recommendations.ToConfirm);

        var computedCalls = figures.Indicators.Single(i => i.Definition.Code == Indicators.CallsAnswered);
        Assert.Equal((88.9, 9), (computedCalls.Value!.Value, computedCalls.SampleSize!.Value));
    }

    [Fact]
    public void Every_value_of_the_stored_snapshot_survives_reading_and_storing_again()
    {
        var stored = JsonNode.Parse(Fixture("snapshot-v1.json"))!;
        var again = JsonNode.Parse(SnapshotService.Serialize(SnapshotService.Read(stored.ToJsonString())))!;

        Assert.Equal(SnapshotService.FormatVersion, again["formatVersion"]!.GetValue<int>());
        AssertContained(stored, again["figures"]!, "$");
    }

    [Fact]
    public void A_snapshot_missing_a_count_fails_loudly_instead_of_reading_as_zero()
    {
        var stored = JsonNode.Parse(SnapshotService.Serialize(SnapshotService.Read(Fixture("snapshot-v1.json"))))!;
        stored["figures"]!["mystery"]!["calls"]!["answered"]!.AsObject().Remove("total");

        Assert.Throws<InvalidDataException>(() => SnapshotService.Read(stored.ToJsonString()));
    }

    [Fact]
    public void A_snapshot_from_a_newer_version_is_refused()
    {
        var stored = JsonNode.Parse(SnapshotService.Serialize(SnapshotService.Read(Fixture("snapshot-v1.json"))))!;
        stored["formatVersion"] = SnapshotService.FormatVersion + 1;

        var error = Assert.Throws<InvalidDataException>(() => SnapshotService.Read(stored.ToJsonString(), 7));
        Assert.Contains("newer", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_clu_snapshot_of_an_older_format_still_renders_and_says_its_clu_sections_were_not_frozen(int version)
    {
        var stored = Fixture("snapshot-v1.json");
        if (version == 2)
        {
            // Format 2 as it was written: the figures under a version, without the CLU's sections.
            var node = JsonNode.Parse(SnapshotService.Serialize(SnapshotService.Read(stored)))!;
            node["formatVersion"] = 2;
            node["figures"]!.AsObject().Remove("clu");
            stored = node.ToJsonString();
        }

        var figures = SnapshotService.Read(stored);
        Assert.Null(figures.Clu);
        var clu = new VoixUsager.Clu.CluMeeting { PrefectureId = 1, MeetingOn = new DateOnly(2026, 3, 12), Place = "Aurillac" };
        var summary = VoixUsager.Clu.CluSummary.Build(clu, "Préfecture Cantal", figures, [], new DateTime(2026, 2, 25, 8, 0, 0, DateTimeKind.Utc), "http://localhost/resultats");

        Assert.Contains("Appels mystères aboutis : 88,9 % (n = 9", summary.Text);
        foreach (var title in new[] { VoixUsager.Clu.CluSummary.FollowUpTitle, VoixUsager.Clu.CluSummary.PlanTitle, VoixUsager.Clu.CluSummary.RegisterTitle })
        {
            Assert.Contains($"{title} :\nCette rubrique ne figurait pas encore dans les synthèses", summary.Text.ReplaceLineEndings("\n"));
        }

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(summary.Workbook.Content), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Contains("Appels mystères", sheets);
        Assert.DoesNotContain(ResultsWorkbook.PlanSheet, sheets);
    }

    /// <summary>Every property and array element of <paramref name="expected"/> is in <paramref name="actual"/> with the same value.</summary>
    private static void AssertContained(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var actualObject = Assert.IsType<JsonObject>(actual);
                foreach (var (name, value) in obj)
                {
                    Assert.True(actualObject.ContainsKey(name), $"{path}.{name} is lost");
                    AssertContained(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray array:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.True(array.Count == actualArray.Count, $"{path} has {actualArray.Count} items instead of {array.Count}");
                for (var i = 0; i < array.Count; i++)
                {
                    AssertContained(array[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: {expected?.ToJsonString()} became {actual?.ToJsonString()}");
                break;
        }
    }
}
