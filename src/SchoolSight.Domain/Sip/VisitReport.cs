using SchoolSight.Domain.Workflows;
using Rule = SchoolSight.Domain.Workflows.WorkflowRule<SchoolSight.Domain.Sip.RecordOfVisit, SchoolSight.Domain.Workflows.MoveContext>;

namespace SchoolSight.Domain.Sip;

/// <summary>Where a record of visit is: the SIP's draft, the issued report, and the headteacher's answer to it.</summary>
public enum VisitStatus
{
    Draft,
    Issued,
    MarkedAccurate,
    MarkedInaccurate,
}

public enum VisitMove
{
    Issue,
    MarkAccurate,
    MarkInaccurate,
}

/// <summary>
/// The record of visit's report, declared here and only here on the workflow kernel: the SIP drafts the record and
/// issues it as the report; the headteacher then marks it accurate, or inaccurate with a comment. The school and its
/// governors read only issued reports, never drafts.
/// </summary>
public static class VisitReport
{
    public static readonly Rule PurposeRecorded = new("the purpose of the visit is recorded", (v, _) =>
        string.IsNullOrWhiteSpace(v.Purpose) ? DomainError.Rule("sip.purpose", "Record the purpose of the visit.", "Purpose") : null);

    public static readonly Rule VisitHasHappened = new("the visit has happened", (v, c) =>
        v.VisitedOn > c.Today ? DomainError.Rule("sip.not-yet", "The visit has not happened yet: issue the report after it.", "VisitedOn") : null);

    public static readonly Rule CommentGiven = new("the headteacher says what is inaccurate", (_, c) =>
        string.IsNullOrWhiteSpace(c.Reason) ? SipErrors.CommentNeeded : null);

    public static readonly Workflow<RecordOfVisit, VisitStatus, VisitMove, MoveContext> Workflow = new("record of visit", v => v.Status,
    [
        new(VisitMove.Issue, "Issue the report", "issue the report", VisitStatus.Draft, VisitStatus.Issued, SipRoles.Visitors, [PurposeRecorded, VisitHasHappened]),
        new(VisitMove.MarkAccurate, "Mark the report accurate", "mark the report accurate", VisitStatus.Issued, VisitStatus.MarkedAccurate, SipRoles.Heads, []),
        new(VisitMove.MarkInaccurate, "Mark the report inaccurate", "mark the report inaccurate", VisitStatus.Issued, VisitStatus.MarkedInaccurate, SipRoles.Heads, [CommentGiven]),
    ]);

    public static string Describe(this VisitStatus status) => status switch
    {
        VisitStatus.Draft => "Draft",
        VisitStatus.Issued => "Issued",
        VisitStatus.MarkedAccurate => "Marked accurate by the school",
        VisitStatus.MarkedInaccurate => "Marked inaccurate by the school",
    };

    public static bool IsIssued(this VisitStatus status) => status != VisitStatus.Draft;

    /// <summary>The workflow as a Graphviz diagram, for the documentation.</summary>
    public static string Diagram() => Workflow.Diagram(VisitStatus.Draft);
}
