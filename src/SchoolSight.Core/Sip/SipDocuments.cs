using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>A generated document: its file name and PDF bytes.</summary>
public sealed record SipDocument(string FileName, byte[] Pdf);

/// <summary>
/// The PDFs: a visit's report (issued reports only for the school's own people, as everywhere) and a paired visit's
/// written summary to the headteacher and the LA.
/// </summary>
[Operation]
public sealed class GetSipDocuments(AppDbContext db, GetVisit visits, GetPairedVisit paired, IPdfRenderer pdf, SipOptions options)
{
    public async Task<OperationResult<SipDocument>> ReportAsync(int visitId, CancellationToken ct = default)
    {
        var found = await visits.RunAsync(visitId, ct);
        if (!found.Succeeded) return OperationResult<SipDocument>.Fail(found.Errors);
        var (v, school) = (found.Value!.Visit, found.Value.SchoolName);
        var doc = new HtmlDocument($"{options.RoleName} report: {school}");
        doc.Summary(("School", $"{school} (URN {v.Urn})"), ("Visit", Day(v.VisitedOn)), (options.RoleName, v.SipName), ("Status", v.Status.Describe()),
            ("Issued", v.IssuedOn is { } on ? Day(on) : "Not issued: draft"), ("Purpose", v.Purpose));
        Section(doc, "The school's targets", v.Targets);
        Section(doc, "Progress towards the targets", v.ProgressTowardsTargets);
        Section(doc, "Key strengths", v.KeyStrengths);
        Section(doc, "Priorities", v.Priorities);
        doc.Heading("The school's self-evaluation");
        doc.Summary(("Robustness", v.Robustness?.Describe() ?? "Not judged"), ("Evidence base", v.EvidenceBase),
            ("Targets in line with guidance", YesNo(v.TargetsInLineWithGuidance)), ("Tracking accurate", YesNo(v.TrackingAccurate)));
        Section(doc, "Challenge", v.Challenge);
        doc.Heading("Progress on the actions of the last visit");
        doc.Table(["Action", "Owner", "By", "Progress"], v.EarlierActions.Select(a => (IReadOnlyList<string?>)[a.Action, a.Owner, Day(a.DueBy), $"{a.Status.Describe()}. {a.Progress}"]));
        doc.Heading("Agreed actions");
        doc.Table(["Action", "Owner", "By"], v.Actions.Select(a => (IReadOnlyList<string?>)[a.Action, a.Owner, Day(a.DueBy)]));
        if (v.RespondedBy is not null)
        {
            doc.Heading("The school's response");
            doc.Summary(("Response", v.Status.Describe()), ("Comment", v.SchoolComment));
        }
        return OperationResult<SipDocument>.Ok(new SipDocument($"sip-report-{v.Urn}-{v.VisitedOn:yyyy-MM-dd}.pdf", await pdf.RenderAsync(doc.ToString(), ct)));
    }

    public async Task<OperationResult<SipDocument>> PairedSummaryAsync(int pairedVisitId, CancellationToken ct = default)
    {
        var found = await paired.RunAsync(pairedVisitId, ct);
        if (!found.Succeeded) return OperationResult<SipDocument>.Fail(found.Errors);
        var p = found.Value!;
        var school = await db.Schools.Where(s => s.Urn == p.Urn).Select(s => s.Details.Name).FirstOrDefaultAsync(ct) ?? "";
        var doc = new HtmlDocument($"Paired visit: {school}");
        doc.Summary(("School", $"{school} (URN {p.Urn})"), (options.RoleName, p.SipName), ("Senior adviser", p.AdviserName), ("Date", Day(p.VisitedOn)),
            ("Length of visit", p.LengthOfVisit), ("Programme", p.Programme));
        doc.Table(["Aspect", "Grade", "Evidence"], PairedVisitAspects.All.Select(a => (IReadOnlyList<string?>)[a.Describe(), p.GradeOf(a).Grade?.Describe(), p.GradeOf(a).Evidence]));
        Section(doc, "The headteacher's feedback", p.HeadFeedback);
        Section(doc, "Strengths", p.Strengths);
        Section(doc, "Areas for development", p.AreasForDevelopment);
        return OperationResult<SipDocument>.Ok(new SipDocument($"paired-visit-{p.Urn}-{p.VisitedOn:yyyy-MM-dd}.pdf", await pdf.RenderAsync(doc.ToString(), ct)));
    }

    private static void Section(HtmlDocument doc, string heading, string? text)
    {
        doc.Heading(heading);
        doc.Paragraphs(string.IsNullOrWhiteSpace(text) ? "Not recorded." : text);
    }

    private static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "";

    private static string YesNo(bool? value) => value switch { true => "Yes", false => "No", null => "Not judged" };
}
