using SchoolSight.Core.Documents;
using SchoolSight.Domain.ImprovingOutcomes;

namespace SchoolSight.Core.ImprovingOutcomes;

/// <summary>
/// The LA's template for a formal warning notice to a governing body (Education and Inspections Act 2006, part 4),
/// filled in from the case: the officer then edits the draft before the SMT approves it.
/// </summary>
public static class WarningNoticeTemplate
{
    public static string Draft(string schoolName, string laName, string grounds, string requiredActions, DateOnly complyBy, ThreeTermsRule.Result evidence) =>
        $"""
        To the Chair of the Governing Body of {schoolName}

        Formal warning notice under section 60 of the Education and Inspections Act 2006

        {laName} is issuing this warning notice because, after three terms in the Improving Outcomes Programme, there is substantial evidence that insufficient progress has been made. {evidence.Explanation}

        The grounds for this notice are:
        {grounds}

        The governing body is required to take the following action:
        {requiredActions}

        The governing body must comply with this notice by {complyBy:d MMMM yyyy}. If it does not, the local authority may use its further powers of intervention: appointing additional governors, suspending the school's delegated budget, proposing to the Secretary of State the appointment of an Interim Executive Board, or requiring the school to collaborate with another school or further education college, or to federate.

        The governing body may make representations about this notice to Ofsted within 15 working days of receiving it.

        Please share this notice with all members of the governing body.
        """;

    /// <summary>The letter as a printable document, with the LA's letterhead and the approval it carries (who approved it by name and role).</summary>
    public static string Html(WarningNotice notice, string approvedBy, string schoolName, int urn, string laName, DateOnly issuedOn)
    {
        var doc = new HtmlDocument($"Warning notice: {schoolName}");
        doc.Raw($"<div class=\"letterhead\"><strong>{HtmlDocument.E(laName)}</strong><span>Children and Families Service</span></div>");
        doc.Raw($"<p>{issuedOn:d MMMM yyyy}</p>");
        doc.Heading("Formal warning notice", 1).Caption($"{schoolName} (URN {urn})");
        doc.Paragraphs(notice.Letter);
        doc.Raw("<div class=\"signature\">");
        doc.Paragraphs($"Approved by the Children and Families Senior Management Team ({approvedBy}) on {notice.ApprovedAt:d MMMM yyyy}.\n\nIssued by {issuedOn:d MMMM yyyy} on behalf of {laName}.");
        doc.Raw("</div>");
        doc.Raw($"<footer>Improving Outcomes Programme · warning notice {notice.Id} · comply by {notice.ComplyBy:d MMMM yyyy}</footer>");
        return doc.ToString();
    }
}
