using System.Reflection;
using VoixUsager.Results.Statistics;

namespace VoixUsager.Tests.Results;

/// <summary>One percentage formatter: the pages, the email and the workbook all write rates with <see cref="FrenchFormat"/>.</summary>
[Trait("Category", "Logic")]
public class OneFormatterTests
{
    [Fact]
    public void The_web_has_no_percentage_or_interval_formatter_of_its_own()
    {
        var web = typeof(VoixUsager.Web.Results.Format).Assembly;
        var own = web.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name is "Percent" or "Interval" && m.GetParameters().Any(p => p.ParameterType == typeof(Proportion) || p.ParameterType == typeof(double?)))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();
        Assert.Empty(own);
    }
}
