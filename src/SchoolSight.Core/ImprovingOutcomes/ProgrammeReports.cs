using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SchoolSight.Core.Access;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

/// <summary>
/// The quarterly report of all programme schools to the SMT by the QA manager (seed 004, 7.6): every case open at
/// any time in the quarter, its stage, tier, meetings, progress, deadlines, warning notices and powers, and money.
/// </summary>
[Operation]
public sealed class GetQuarterlyReport(AppDbContext db)
{
    public sealed record Quarter(int Year, int Number)
    {
        public DateOnly Starts => new(Year, (Number - 1) * 3 + 1, 1);
        public DateOnly Ends => Starts.AddMonths(3).AddDays(-1);
        public string Title => $"{Starts:MMMM} to {Ends:MMMM yyyy}";
        public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);
        public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);
        public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);
    }

    public sealed record Row(int CaseId, int Urn, string School, string Stage, string Tier, DateOnly ProposedOn, DateOnly? ActiveSince,
        int MeetingsInQuarter, string? LatestJudgement, int ActionsCompleted, int Actions, int OverdueDeadlines, bool WarningFlag,
        string WarningNotices, string Powers, decimal? Budget, decimal SpentFromProgramme, decimal? Remaining, decimal SpentFromSchool, string CaseOfficer);

    public sealed record Report(Quarter Quarter, DateOnly Generated, IReadOnlyList<Row> Rows, int Entered, int Exited, int Closed);

    public async Task<Report> RunAsync(Quarter quarter, CancellationToken ct = default)
    {
        var cases = await db.WholeCases().AsNoTracking()
            .Where(c => c.ProposedOn <= quarter.Ends && (c.ClosedOn == null || c.ClosedOn >= quarter.Starts))
            .ToListAsync(ct);
        var urns = cases.Select(c => c.Urn).ToList();
        var names = await db.Schools.IgnoreQueryFilters().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var calendar = await db.LoadCalendarAsync(ct);
        var today = db.Today();
        var asOf = today < quarter.Ends ? today : quarter.Ends;
        bool In(DateOnly? d) => d is { } day && day >= quarter.Starts && day <= quarter.Ends;
        var rows = cases.Select(c => new Row(
                c.Id, c.Urn, names.GetValueOrDefault(c.Urn, $"URN {c.Urn}"), c.State.Describe(), c.Tier.Describe(), c.ProposedOn, c.ActiveSince,
                c.Meetings.Count(m => In(m.HeldOn)),
                c.Meetings.Where(m => m.HeldOn <= quarter.Ends && m.Judgement is not null).OrderBy(m => m.HeldOn).LastOrDefault()?.Judgement?.Describe(),
                c.PlanActions.Count(a => a.Status == ActionStatus.Completed), c.PlanActions.Count,
                ProgrammeDeadlines.For(c, calendar).Count(d => d.StatusOn(asOf) == DeadlineStatus.Overdue),
                ThreeTermsRule.Evaluate(c, calendar, asOf).Flagged,
                string.Join("; ", c.WarningNotices.Select(w => w.IssuedOn is { } i ? $"issued {i:d MMM yyyy}" : w.Status.ToString().ToLowerInvariant())),
                string.Join("; ", c.Powers.Select(p => $"{p.Power.Describe()}{(p.IsApproved ? $" (approved {p.ApprovedOn:d MMM yyyy})" : " (awaiting SMT)")}{(p.Outcome is null ? "" : ": " + p.Outcome)}")),
                c.ProgrammeBudget, c.SpentFromProgramme, c.ProgrammeRemaining, c.SpentFromSchool, c.CaseOfficerName))
            .OrderBy(r => r.School).ToList();
        return new Report(quarter, today, rows,
            cases.Count(c => In(c.EntryAgreedOn)), cases.Count(c => In(c.ExitAgreedOn)), cases.Count(c => In(c.ClosedOn) && c.ExitAgreedOn is not null));
    }

    public static string Html(Report report, string laName)
    {
        var doc = new HtmlDocument($"Improving Outcomes Programme: quarterly report, {report.Quarter.Title}");
        doc.Heading("Improving Outcomes Programme: quarterly report to the SMT", 1)
            .Caption($"{laName} · {report.Quarter.Title} · prepared by the quality assurance manager on {report.Generated:d MMMM yyyy}");
        doc.Summary(("Schools in the programme this quarter", report.Rows.Count.ToString(CultureInfo.InvariantCulture)),
            ("Entry agreed this quarter", report.Entered.ToString(CultureInfo.InvariantCulture)),
            ("Exit agreed this quarter", report.Exited.ToString(CultureInfo.InvariantCulture)),
            ("Closed after monitoring this quarter", report.Closed.ToString(CultureInfo.InvariantCulture)),
            ("Flagged for a warning notice", report.Rows.Count(r => r.WarningFlag).ToString(CultureInfo.InvariantCulture)));
        doc.Heading("Schools");
        doc.Table(["School", "Stage and tier", "Meetings", "Latest judgement", "Actions done", "Overdue", "Warning notices and powers"],
            report.Rows.Select(r => (IReadOnlyList<string?>)[$"{r.School} ({r.Urn})", $"{r.Stage}; {r.Tier}", r.MeetingsInQuarter.ToString(CultureInfo.InvariantCulture),
                r.LatestJudgement ?? "None yet", $"{r.ActionsCompleted} of {r.Actions}", r.OverdueDeadlines.ToString(CultureInfo.InvariantCulture),
                string.Join(" ", new[] { r.WarningFlag ? "Flagged: three terms of insufficient progress." : "", r.WarningNotices, r.Powers }.Where(s => s.Length > 0))]));
        doc.Heading("Funding");
        doc.Table(["School", "Programme budget", "Spent from it", "Remaining", "School's own contribution spent"],
            report.Rows.Select(r => (IReadOnlyList<string?>)[r.School, Money(r.Budget), Money(r.SpentFromProgramme), Money(r.Remaining), Money(r.SpentFromSchool)]));
        return doc.ToString();
    }

    /// <summary>The report as an Excel workbook; text that a spreadsheet would run as a formula is escaped.</summary>
    public static byte[] Excel(Report report)
    {
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            ["URN"] = r.Urn,
            ["School"] = SpreadsheetText.Safe(r.School),
            ["Stage"] = r.Stage,
            ["Tier"] = r.Tier,
            ["Proposed on"] = r.ProposedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Support since"] = r.ActiveSince?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Meetings this quarter"] = r.MeetingsInQuarter,
            ["Latest judgement"] = r.LatestJudgement,
            ["Actions completed"] = r.ActionsCompleted,
            ["Actions"] = r.Actions,
            ["Overdue deadlines"] = r.OverdueDeadlines,
            ["Warning flag"] = r.WarningFlag ? "Yes" : "No",
            ["Warning notices"] = SpreadsheetText.Safe(r.WarningNotices),
            ["Statutory powers"] = SpreadsheetText.Safe(r.Powers),
            ["Programme budget"] = r.Budget,
            ["Spent from programme"] = r.SpentFromProgramme,
            ["Remaining"] = r.Remaining,
            ["Spent from school"] = r.SpentFromSchool,
            ["Case officer"] = SpreadsheetText.Safe(r.CaseOfficer),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: $"Q{report.Quarter.Number} {report.Quarter.Year}");
        return stream.ToArray();
    }

    private static string Money(decimal? value) => value is { } v ? v.ToString("C", CultureInfo.GetCultureInfo("en-GB")) : "Not agreed";
}

/// <summary>Keeps text cells from being run as formulas when a spreadsheet opens the file (CSV/formula injection).</summary>
public static class SpreadsheetText
{
    public static string? Safe(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\0' or '\r' ? "'" + text : text;
}

/// <summary>The report of one programme meeting for the school's full governing body (seed 004, 7.5), as a printable document.</summary>
[Operation]
public sealed class GetMeetingReport(AppDbContext db, PeopleNames people)
{
    public async Task<(string Html, string FileName)?> RunAsync(int caseId, int meetingId, CancellationToken ct = default)
    {
        var c = await db.WholeCases().AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        var m = c?.Meetings.FirstOrDefault(x => x.Id == meetingId);
        if (c is null || m is null) return null;
        var school = await db.SchoolNameAsync(c.Urn, ct);
        var doc = new HtmlDocument($"Programme meeting report: {school}");
        doc.Heading("Improving Outcomes Programme meeting: report to the full governing body", 1)
            .Caption($"{school} (URN {c.Urn}) · meeting {(m.HeldOn is { } h ? $"held on {h:d MMMM yyyy}" : $"scheduled for {m.ScheduledFor:d MMMM yyyy}")} · {m.Venue}");
        doc.Summary(("Stage", c.State.Describe()), ("Tier", c.Tier.Describe()), ("Progress judgement", m.Judgement?.Describe()), ("Attendance", m.Attendance),
            ("SIP's agreement with the judgement", m.SipAgrees is null ? null : $"{(m.SipAgrees.Value ? "Agrees" : "Does not agree")} ({await people.NameAsync(m.SipAgreementBy, ct)}){(m.SipComment is null ? "" : ": " + m.SipComment)}"),
            ("Agenda sent", m.AgendaSentOn?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)), ("Minutes circulated", m.MinutesCirculatedOn?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)));
        doc.Heading("The school management group's progress report").Paragraphs(m.ProgressReportSummary ?? "No progress report was submitted.");
        doc.Table(["Plan action", "Measurable evidence"], m.Evidence.Select(e => (IReadOnlyList<string?>)[c.PlanActions.FirstOrDefault(a => a.Id == e.PlanActionId) is { } a ? $"{a.Number}. {a.Description}" : "", e.Evidence]));
        if (m.PartnershipWork is not null) doc.Heading("Partnership working").Paragraphs(m.PartnershipWork);
        doc.Heading("Decisions").Paragraphs(m.Decisions ?? "Not recorded yet.");
        doc.Heading("Revised actions and targets").Paragraphs(m.RevisedActionsAndTargets ?? "None.");
        if (m.ProfessionalsMeetingOn is { } p) doc.Heading("Professionals' meeting").Paragraphs($"Held on {p:d MMMM yyyy}.\n\n{m.ProfessionalsMeetingNotes}");
        doc.Heading("The plan's actions");
        doc.Table(["No.", "Action", "Owner", "Due", "Success criteria", "Status"],
            c.PlanActions.OrderBy(a => a.Number).Select(a => (IReadOnlyList<string?>)[a.Number.ToString(CultureInfo.InvariantCulture), a.Description, a.Owner, a.DueOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture), a.SuccessCriteria, a.Status.Describe()]));
        doc.Raw("<footer>The governing body's feedback on this report is reported back at the next programme meeting.</footer>");
        return (doc.ToString(), $"programme-meeting-{c.Urn}-{m.Date:yyyy-MM-dd}.pdf");
    }
}
