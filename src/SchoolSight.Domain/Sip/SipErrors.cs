namespace SchoolSight.Domain.Sip;

/// <summary>The errors of SIP visits, reports and paired visits, written for the person who caused them.</summary>
public static class SipErrors
{
    public static DomainError Required(string field, string message) => new("sip.required", message, field);

    public static DomainError InFuture(string field, string what) => new("sip.in-future", $"{what} must be today or in the past", field);

    public static readonly DomainError NotDraft = DomainError.Rule("sip.not-draft", "The report has been issued: an issued report cannot be changed.");

    public static readonly DomainError NotIssued = DomainError.Rule("sip.not-issued", "The report has not been issued yet: only an issued report is reviewed.");

    public static readonly DomainError CommentNeeded = DomainError.Rule("sip.comment", "Say what is inaccurate in the report.", "Comment");

    public static DomainError BadGrade(string field) => new("sip.grade", "Choose a grade from 1 to 4", field);

    public static readonly DomainError SummarySent = DomainError.Rule("sip.summary-sent", "The written summary has been sent: it cannot be changed.");
}
