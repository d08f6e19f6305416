using System.Globalization;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Indicators;

namespace SchoolSight.Core.Voice;

public sealed record SurveyFile(string FileName, byte[] Pdf);

/// <summary>How the survey report writes its figures, on the page and in the PDF.</summary>
public static class SurveyReportText
{
    public const string Hidden = "c";

    public static string Figure(FigureView figure, bool isScale) => figure.Suppressed ? Hidden
        : figure.Value is not { } v ? "–"
        : isScale ? v.ToString("0.0", CultureInfo.InvariantCulture) : v.ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Respondents(FigureView figure) =>
        figure.Suppressed || figure.Denominator is not { } d ? "" : d.ToString("0", CultureInfo.InvariantCulture);

    public static string Compared(BenchmarkView benchmark) => benchmark.Comparison switch
    {
        Comparison.SignificantlyBetter => "school significantly higher",
        Comparison.SignificantlyWorse => "school significantly lower",
        Comparison.NotSignificant => "no significant difference",
        Comparison.NotTested => "",
    };

    public static string Unit(SurveyReportItem item) => item.IsScale ? "average score" : "% agreeing";
}

/// <summary>The school's survey report as a PDF (the same figures and hiding as the page).</summary>
[Operation]
public sealed class GetSurveyReportDocument(GetSurveyReport report, IPdfRenderer pdf)
{
    public async Task<OperationResult<SurveyFile>> RunAsync(int urn, CancellationToken ct = default)
    {
        var result = await report.RunAsync(urn, ct);
        if (!result.Succeeded) return OperationResult<SurveyFile>.Fail(result.Errors);
        var view = result.Value!;
        if (view.AcademicYear is null) return OperationResult<SurveyFile>.Fail(CoreErrors.NotFound("survey"));
        return OperationResult<SurveyFile>.Ok(new($"survey-report-{urn}-{view.AcademicYear}.pdf", await pdf.RenderAsync(Html(view), ct)));
    }

    public static string Html(SurveyReportView view)
    {
        var doc = new HtmlDocument($"Survey report {view.Title}: {view.SchoolName}") { Landscape = true };
        doc.Heading($"Survey report, {view.Title}", 1);
        doc.Caption($"{view.SchoolName} (URN {view.Urn}) · private to the school, its SIP and the LA · compared with {string.Join(", ", view.Compared)}");
        foreach (var section in view.Sections)
        {
            doc.Heading($"{section.Title}: {section.Count} answered");
            if (section.Hidden)
            {
                doc.Paragraphs($"Fewer than {view.SmallestGroup} answered, so their answers are not shown.");
                continue;
            }
            var benchmarks = section.Items.FirstOrDefault()?.Benchmarks.Select(b => b.Label).ToList() ?? [];
            doc.Table(["Question", "Measure", "School", "Answered", .. benchmarks], section.Items.Select(i => (IReadOnlyList<string?>)
                [i.Text, SurveyReportText.Unit(i), SurveyReportText.Figure(i.School, i.IsScale), SurveyReportText.Respondents(i.School),
                 .. i.Benchmarks.Select(b => $"{SurveyReportText.Figure(b.Figure, i.IsScale)} {SurveyReportText.Compared(b)}".Trim())]));
            foreach (var (title, pick) in new (string, Func<SurveyReportItem, IReadOnlyList<SurveyGroupFigure>>)[] { ("By year group", i => i.YearGroups), ("By gender", i => i.Genders) })
            {
                var groups = section.Items.SelectMany(pick).Select(g => g.Group).Distinct().ToList();
                if (groups.Count == 0) continue;
                doc.Heading(title, 3);
                doc.Table(["Question", .. groups], section.Items.Select(i => (IReadOnlyList<string?>)
                    [i.Text, .. groups.Select(g => pick(i).FirstOrDefault(x => x.Group == g) is { } f ? SurveyReportText.Figure(f.Figure, i.IsScale) : "–")]));
            }
        }
        doc.Raw($"<footer>{HtmlDocument.E(view.SmallGroupsNote)} 'c' marks a hidden figure. A difference is significant when the other figure lies outside the school's 95% confidence interval.</footer>");
        return doc.ToString();
    }
}

/// <summary>"What you told us" as a one-page PDF to share with pupils.</summary>
[Operation]
public sealed class GetSurveySummaryDocument(GetSurveySummary summary, IPdfRenderer pdf)
{
    public async Task<OperationResult<SurveyFile>> RunAsync(int urn, CancellationToken ct = default)
    {
        var result = await summary.RunAsync(urn, ct);
        if (!result.Succeeded) return OperationResult<SurveyFile>.Fail(result.Errors);
        var view = result.Value!;
        if (view.AcademicYear is null) return OperationResult<SurveyFile>.Fail(CoreErrors.NotFound("survey"));
        var doc = new HtmlDocument($"What you told us: {view.SchoolName}");
        doc.Raw("<style>body { font-size: 15pt; line-height: 1.5; } h1 { font-size: 26pt; }</style>");
        doc.Heading("What you told us", 1);
        doc.Caption($"{view.SchoolName} · our survey, {view.Title}");
        doc.Paragraphs(view.Text);
        return OperationResult<SurveyFile>.Ok(new($"what-you-told-us-{urn}-{view.AcademicYear}.pdf", await pdf.RenderAsync(doc.ToString(), ct)));
    }
}
