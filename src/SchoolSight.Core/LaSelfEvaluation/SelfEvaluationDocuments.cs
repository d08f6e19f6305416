using System.Globalization;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Exports;
using SchoolSight.Domain;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>The RAG dashboard as an Excel or CSV table and a printable (landscape) document, laid out as the readout of the LA's quality standards.</summary>
public static class SelfEvaluationDocuments
{
    /// <summary>A cell in words: "G" for Good, "N/A" where the standard does not apply, "–" not yet rated; with the external reviewer's where it differs.</summary>
    public static string Text(RagRating? rating, bool applies = true) => !applies ? "N/A" : rating?.Short() ?? "–";

    public static string CellText(RatingCell? cell, string reviewer) => cell is null ? "N/A"
        : Text(cell.Rating) + (cell.DiffersFromExternal ? $" ({reviewer}: {cell.External!.Value.Short()})" : "");

    public static string OverallText(OverallCell? o, string reviewer) => o?.Rating is not { } r ? "–"
        : r.Describe() + (o.External is { } e && e != r ? $" ({reviewer}: {e.Describe()})" : "");

    public static string Status(SelfEvaluationDashboard d) => d.State switch
    {
        SelfEvaluationState.SignedOff => $"Signed off by {d.SignedOffBy} on {d.SignedOffAt:d MMMM yyyy}",
        SelfEvaluationState.Draft => "Draft",
        _ => "Not started",
    };

    public static ExportTable Table(SelfEvaluationDashboard d)
    {
        var reviewer = d.Standards.ExternalReviewer;
        var ids = d.Standards.Standards.Select(s => s.Id).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var phase in RagRatings.Phases)
        {
            rows.Add([phase.Describe(), .. d.Standards.Standards.Select(s => (object?)(s.AppliesTo(phase) ? CellText(d.Cell(s.Id, phase), reviewer) : "N/A"))]);
            rows.Add([$"{phase.Describe()} overall", .. Groups(d, phase, reviewer)]);
        }
        rows.Add(["Overall", .. Groups(d, null, reviewer)]);
        return new ExportTable($"LA self-evaluation, {d.LaName}, {AcademicYear.Format(d.AcademicYear)}", ["Phase", .. ids], rows,
            [$"Status: {Status(d)}. Standards version {d.Standards.Version}.", "OS outstanding, G good, NI requires some improvement, SI requires significant improvement, N/A does not apply.",
             OverallRatings.Describe(d.Standards.Overall), .. d.Standards.Standards.Select(s => $"{s.Id}: {s.Title}")]);
    }

    /// <summary>The overall ratings of the two groups, each written under the group's first standard, the rest of its columns left blank.</summary>
    private static IEnumerable<object?> Groups(SelfEvaluationDashboard d, SefPhase? phase, string reviewer) =>
        d.Standards.Standards.Select((s, i) => (object?)(i == 0 || d.Standards.Standards[i - 1].Group != s.Group ? OverallText(d.OverallFor(s.Group, phase), reviewer) : null));

    public static string Html(SelfEvaluationDashboard d)
    {
        var reviewer = d.Standards.ExternalReviewer;
        var doc = new HtmlDocument($"LA self-evaluation, {d.LaName}, {AcademicYear.Format(d.AcademicYear)}") { Landscape = true };
        doc.Heading("The LA's self-evaluation against its quality standards", 1)
            .Caption($"Local authority: {d.LaName} · {AcademicYear.Format(d.AcademicYear)} · {Status(d)}");
        var groups = new[] { StandardGroup.Impact, StandardGroup.RiskManagement };
        var html = new System.Text.StringBuilder("<table><thead><tr><th></th>");
        foreach (var g in groups) html.Append(CultureInfo.InvariantCulture, $"<th colspan=\"{d.Standards.InGroup(g).Count()}\">{HtmlDocument.E(g.Describe())}</th>");
        html.Append("</tr><tr><th>Phase</th>");
        foreach (var s in d.Standards.Standards) html.Append(CultureInfo.InvariantCulture, $"<th>{HtmlDocument.E(s.Id)}</th>");
        html.Append("</tr></thead><tbody>");
        string Cell(RagRating? r, string text, int span = 1) =>
            $"<td{(span > 1 ? $" colspan=\"{span}\"" : "")}{(r is { } x ? $" style=\"background:{Background(x)}\"" : "")}>{HtmlDocument.E(text)}</td>";
        void OverallRow(string label, SefPhase? phase)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{HtmlDocument.E(label)}</th>");
            foreach (var g in groups) html.Append(Cell(d.OverallFor(g, phase)?.Rating, OverallText(d.OverallFor(g, phase), reviewer), d.Standards.InGroup(g).Count()));
            html.Append("</tr>");
        }
        foreach (var phase in RagRatings.Phases)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{HtmlDocument.E(phase.Describe())}</th>");
            foreach (var s in d.Standards.Standards)
                html.Append(s.AppliesTo(phase) ? Cell(d.Cell(s.Id, phase)?.Rating, CellText(d.Cell(s.Id, phase), reviewer)) : "<td>N/A</td>");
            html.Append("</tr>");
            OverallRow($"{phase.Describe()} overall", phase);
        }
        OverallRow("Overall", null);
        doc.Raw(html.Append("</tbody></table>").ToString());
        doc.Paragraphs("OS outstanding, G good, NI requires some improvement, SI requires significant improvement, N/A does not apply. " + OverallRatings.Describe(d.Standards.Overall));
        doc.Heading("The standards");
        doc.Table(["Standard", "Title"], d.Standards.Standards.Select(s => (IReadOnlyList<string?>)[s.Id, s.Title]));
        doc.Heading("Figures SchoolSight works out");
        doc.Table(["Figure", "Value", "How it was worked out"], d.Figures.All.Select(f => (IReadOnlyList<string?>)[Measure(f.Measure) + (f.Phase is { } p ? $" ({p.Describe()})" : ""), f.ValueText, f.HowWorkedOut]));
        return doc.ToString();
    }

    public static string Background(RagRating rating) => rating switch
    {
        RagRating.Outstanding or RagRating.Good => "#cce2d8",
        RagRating.RequiresSomeImprovement => "#fff7bf",
        RagRating.RequiresSignificantImprovement => "#f4cdc6",
    };

    public static string Measure(ComputedMeasure measure) => measure switch
    {
        ComputedMeasure.TargetsInLine => "Schools with targets in line with guidance",
        ComputedMeasure.TrackingAccurate => "Schools whose tracking is judged accurate",
        ComputedMeasure.SecondaryHeadshipExperience => "SIPs of secondary schools with secondary headship experience",
        ComputedMeasure.SchoolsInOfstedCategories => "Schools in an Ofsted category of concern",
        ComputedMeasure.OfstedCategoriesNationalPosition => "The LA's position nationally by schools in Ofsted categories",
        ComputedMeasure.CausingConcernOnTrajectory => "Schools causing concern on trajectory",
        ComputedMeasure.ReportsWithAllFeatures => "SIP reports with all seven features",
        ComputedMeasure.ReportsMissingOneOrTwoFeatures => "SIP reports missing one or two features",
        ComputedMeasure.ReportsMissingThreeOrMoreFeatures => "SIP reports missing three or more features",
    };
}
