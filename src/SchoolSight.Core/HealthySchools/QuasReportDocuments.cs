using System.Globalization;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Exports;
using SchoolSight.Domain;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// One table of the QUAS report as every output shows it: the page, the PDF, the Excel workbook (one sheet each) and
/// the CSV file. <see cref="WhenEmpty"/> is the sentence shown instead of a table with no rows.
/// </summary>
public sealed record QuasReportSection(string Id, string Sheet, ExportTable Table, string WhenEmpty);

/// <summary>The QUAS report's tables, its printable document and its files, built once from <see cref="QuasReport"/>.</summary>
public static class QuasReportDocuments
{
    public static string Title(QuasReport report) => $"QUAS report {AcademicYear.Format(report.Year)}";

    /// <summary>What the report covers, in words: "All localities, as at 23 November 2026".</summary>
    public static string Scope(QuasReport report) => $"{report.Locality ?? "All localities"}, as at {Day(report.AsAt)}";

    public static string FileName(QuasReport report) =>
        $"quas-report-{report.Year}{(report.Locality is { } l ? "-" + new string([.. l.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]) : "")}";

    public static IReadOnlyList<QuasReportSection> Sections(QuasReport report)
    {
        var scope = $"{Scope(report)}.";
        return
        [
            new("recruitment-locality", "Recruitment by locality", new ExportTable("Recruitment by locality", RecruitmentColumns("Locality"),
                [.. report.ByLocality.Select(Recruitment), .. report.ByLocality.Count > 1 ? [Recruitment(report.Totals)] : Array.Empty<IReadOnlyList<object?>>()],
                [scope, "Schools: the LA's open schools. Engaged: took their first step in the enhancement model by that day. With status: held the LA's Healthy Schools status that day. Shares are of the area's schools."]),
                "There are no open schools in this locality."),
            new("recruitment-cluster", "Recruitment by cluster", new ExportTable("Recruitment by cluster", RecruitmentColumns("Cluster or network"),
                [.. report.ByCluster.Select(Recruitment)], [scope, "A school in several clusters or networks is counted in each."]),
                "None of these schools is in a cluster or network."),
            new("stages", "Stage reached", new ExportTable("Stage reached", ["Stage", "Schools", "By locality", "By cluster or network"],
                [.. report.Stages.Where(s => s.Schools > 0).Select(s => (IReadOnlyList<object?>)[s.Stage.Title(), s.Schools, Areas(s.ByLocality), Areas(s.ByCluster)])],
                [scope, "The stage each engaged school stands at now."]),
                "No school has engaged with the enhancement model yet."),
            new("schools", "Schools", new ExportTable("Schools in the enhancement model",
                ["School", "URN", "Locality", "Clusters and networks", "Stage", "Outcome cycle", "Engaged on", "Status", "Outcomes met", "Outcomes set"],
                [.. report.Schools.Select(s => (IReadOnlyList<object?>)[s.Name, s.Urn, s.Locality ?? "No locality", string.Join("; ", s.Clusters), s.Stage.Title(), s.Cycle,
                    Day(s.EngagedOn), s.WithStatus ? "Held" : "Not held", s.OutcomesMet, s.OutcomesSet])],
                [scope, "Outcomes met: confirmed met by the QUAS by that day, of the meaningful outcomes the school has set in every cycle."]),
                "No school has engaged with the enhancement model yet."),
            new("pending", "Approvals waiting", new ExportTable("Approvals waiting for the QUAS", ["School", "Waiting for", "What", "Sent", "Days waiting"],
                [.. report.Pending.Select(p => (IReadOnlyList<object?>)[p.School, p.Kind.Describe(), p.What, Day(p.SentOn), p.DaysWaiting])],
                [$"Waiting today, oldest first{(report.OldestWaitingDays is { } oldest ? $": the oldest has waited {Days(oldest)}" : "")}.", "Stage 4 forms wait for approval, stage 8 evidence for the QUAS to confirm an outcome met, annual reviews drawn for moderation for their panel member."]),
                "Nothing is waiting for the QUAS."),
            new("outcomes", "Outcomes met", new ExportTable("Meaningful outcomes met, by priority type", ["Priority type", "Outcomes set", "Met", "Share met", "Sent as met, waiting"],
                [.. report.Outcomes.Select(o => (IReadOnlyList<object?>)[o.PriorityKind.Describe(), o.Set, o.Met, Percent(o.Share), o.SentAsMet])],
                [scope, "Met: confirmed met by the QUAS by that day. Sent as met: the school's evidence waits for the QUAS."]),
                "No school has set a meaningful outcome yet."),
            new("recurring", "Recurring priorities", new ExportTable("Priorities that recur across schools", PriorityColumns("Which schools"),
                [.. report.RecurringPriorities.Select(p => (IReadOnlyList<object?>)[p.Priority, p.Kind.Describe(), p.MeasuredBy, p.Schools.Count, string.Join("; ", p.Schools)])],
                [scope, "The schools' current priorities chosen by two or more schools: local priorities by the LA's priority, school priorities by the indicator they are measured by."]),
                "No priority is shared by two or more schools."),
            new("no-service", "No service available", new ExportTable("Priorities with no service to work with", PriorityColumns("What the schools looked for"),
                [.. report.NoServicePriorities.Select(p => (IReadOnlyList<object?>)[p.Priority, p.Kind.Describe(), p.MeasuredBy, p.Schools.Count, string.Join("; ", p.Notes)])],
                [scope, $"The schools' current priorities for which they report no service or partner available to work with. Besides, {Activities(report)}"]),
                $"No school reports a priority with no service to work with. {Capital(Activities(report))}"),
        ];
    }

    /// <summary>The printable report (landscape): each section's table, or its sentence when it has no rows.</summary>
    public static string Html(QuasReport report)
    {
        var doc = new HtmlDocument(Title(report)) { Landscape = true };
        doc.Heading($"{Title(report)}: the evidence for commissioning", 1).Caption($"{report.LaName} · {Scope(report)}");
        var t = report.Totals;
        doc.Summary(("Schools", Count(t.Schools)), ("Engaged", Shared(t.Engaged, t.Share(t.Engaged))), ("With status", Shared(t.WithStatus, t.Share(t.WithStatus))),
            ("Not engaged", Shared(t.NotEngaged, t.Share(t.NotEngaged))), ("Waiting for the QUAS", $"{Count(report.Pending.Count)}{(report.OldestWaitingDays is { } d ? $", the oldest for {Days(d)}" : "")}"));
        foreach (var section in Sections(report))
        {
            doc.Heading(section.Table.Title);
            if (section.Table.Rows.Count == 0) doc.Paragraphs(section.WhenEmpty);
            else doc.Table(section.Table.Columns, section.Table.Rows.Select(r => (IReadOnlyList<string?>)[.. r.Select(Text)]));
            doc.Caption(Explanation(report, section));
        }
        return doc.ToString();
    }

    /// <summary>The report as an Excel workbook, a sheet per section.</summary>
    public static byte[] Xlsx(QuasReport report) => TableExport.Xlsx([.. Sections(report).Select(s => (s.Sheet, s.Table))]);

    /// <summary>The report as one CSV file, its tables one after another.</summary>
    public static byte[] Csv(QuasReport report) => TableExport.Csv([.. Sections(report).Select(s => s.Table)]);

    /// <summary>A section's notes as the page and the PDF show them under its table: all but the report's scope, which the heading gives.</summary>
    public static string Explanation(QuasReport report, QuasReportSection section) =>
        string.Join(" ", section.Table.Notes.Where(n => n != $"{Scope(report)}."));

    /// <summary>A cell as the page and the PDF show it.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "",
        ExportNumber n => n.Text,
        int i => Count(i),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string[] RecruitmentColumns(string area) =>
        [area, "Schools", "Engaged", "Engaged (%)", "With status", "With status (%)", "Not engaged", "Not engaged (%)"];

    private static string[] PriorityColumns(string last) => ["Priority", "Type", "Measured by", "Schools", last];

    private static IReadOnlyList<object?> Recruitment(Recruitment r) =>
        [r.Area, r.Schools, r.Engaged, Percent(r.Share(r.Engaged)), r.WithStatus, Percent(r.Share(r.WithStatus)), r.NotEngaged, Percent(r.Share(r.NotEngaged))];

    private static ExportNumber Percent(double share) => ExportNumber.Of(share * 100, 0);

    private static string Shared(int count, double share) => $"{Count(count)} ({Percent(share).Text}%)";

    private static string Areas(IReadOnlyList<AreaCount> areas) => string.Join("; ", areas.Select(a => $"{a.Area} {Count(a.Schools)}"));

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Days(int days) => days == 1 ? "1 day" : $"{Count(days)} days";

    private static string Activities(QuasReport report) => report.ActivitiesWithoutPartner switch
    {
        0 => "every activity the schools have planned has a partner.",
        var n => $"{(n == 1 ? "1 activity" : $"{Count(n)} activities")} at {(report.SchoolsWithActivitiesWithoutPartner == 1 ? "1 school" : $"{Count(report.SchoolsWithActivitiesWithoutPartner)} schools")} {(n == 1 ? "has" : "have")} no partner named.",
    };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
