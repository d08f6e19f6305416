using System.Globalization;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Voice;

/// <summary>
/// "What you told us" as SchoolSight drafts it from a survey report, in plain words for the pupils who answered (or
/// for the parents, at a school that asked only parents): how many answered, the questions most of them agreed with,
/// the ones fewest agreed with, and what changed since the last survey. Only figures the report shows are used.
/// </summary>
public static class SurveyHeadlines
{
    public const int Strongest = 3;
    public const int Weakest = 2;

    /// <summary>"8 in 10" from a percentage; "nearly all" and "hardly any" at the ends.</summary>
    public static string InTen(double percent)
    {
        var tens = (int)Math.Round(percent / 10, MidpointRounding.AwayFromZero);
        return tens switch
        {
            >= 10 => percent >= 99.5 ? "All" : "Nearly all",
            <= 0 => percent <= 0.5 ? "None" : "Hardly any",
            _ => string.Create(CultureInfo.InvariantCulture, $"{tens} in 10"),
        };
    }

    public static IReadOnlyList<string> Findings(SurveyReportSection section)
    {
        var questions = section.Items.Where(i => !i.IsScale && i.School.Value is not null).ToList();
        var findings = new List<string>();
        var strongest = questions.OrderByDescending(i => i.School.Value).Take(Strongest).ToList();
        foreach (var item in strongest) findings.Add($"{InTen(item.School.Value!.Value)} of you said “{item.Text}”.{Change(item)}");
        foreach (var item in questions.Except(strongest).OrderBy(i => i.School.Value).Take(Weakest).OrderByDescending(i => i.School.Value))
            findings.Add($"Only {InTen(item.School.Value!.Value).ToLowerInvariant()} of you said “{item.Text}”.{Change(item)}");
        return findings;
    }

    private static string Change(SurveyReportItem item) =>
        item.Benchmarks.FirstOrDefault(b => b.Label.StartsWith("Last survey", StringComparison.Ordinal))?.Comparison switch
        {
            Comparison.SignificantlyBetter => " That is more of you than last time.",
            Comparison.SignificantlyWorse => " That is fewer of you than last time.",
            _ => "",
        };

    /// <summary>The draft the school starts from: a few paragraphs, each finding on its own line.</summary>
    public static string Draft(SurveyReportView report)
    {
        var section = report.Sections.FirstOrDefault(s => s.Respondents == RespondentType.Pupil && !s.Hidden)
            ?? report.Sections.FirstOrDefault(s => !s.Hidden);
        if (section is null || report.Title is null) return "";
        var findings = Findings(section);
        var thanks = $"Thank you to the {section.Count} {(section.Respondents == RespondentType.Pupil ? "pupils" : "parents")} who answered our survey in {report.Title}. Here is what you told us.";
        return string.Join("\n\n", new[]
        {
            thanks,
            string.Join("\n", findings.Take(Strongest).Select(f => "• " + f)),
            findings.Count > Strongest ? "Things we want to get better at:\n" + string.Join("\n", findings.Skip(Strongest).Select(f => "• " + f)) : "",
            "What we will do next: the school council will talk about these findings with us, and we will tell you what we change.",
        }.Where(p => p.Length > 0));
    }
}
