using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

/// <summary>The recognition a school earns: the welcome letter, the acceptance letter and local certificate, and a letter of congratulations and award per met outcome.</summary>
public enum RecognitionKind
{
    WelcomeLetter,
    AcceptanceLetter,
    Certificate,
    CongratulationsLetter,
    Award,
}

public sealed record RecognitionFile(string FileName, byte[] Pdf);

/// <summary>
/// Generates a school's recognition as a PDF from its template, once the school has earned it: the welcome letter
/// from its first step, the acceptance letter and the local certificate once the QUAS has approved its stage 4 form,
/// and for each outcome the QUAS has confirmed met, a letter of congratulations and an award.
/// </summary>
[Operation]
public sealed class GetRecognition(AppDbContext db, IPdfRenderer pdf, PeopleNames people)
{
    public async Task<OperationResult<RecognitionFile>> RunAsync(int urn, RecognitionKind kind, int? outcomeNumber = null, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.HealthySchools, ResourceAction.Read))
            return OperationResult<RecognitionFile>.Fail(CoreErrors.Forbidden("Your role does not allow you to see Healthy Schools records."));
        var e = await db.HealthySchoolEngagements.AsNoTracking().FirstOrDefaultAsync(x => x.Urn == urn, ct);
        if (e is null) return OperationResult<RecognitionFile>.Fail(CoreErrors.NotFound(EngagementChanges.What));
        var school = await db.Schools.Where(s => s.Urn == urn).Select(s => s.Details.Name).FirstAsync(ct);
        var la = await db.LocalAuthorities.Select(l => l.Name).FirstOrDefaultAsync(ct) ?? "The local authority";
        var outcome = outcomeNumber is { } n ? e.Outcomes.FirstOrDefault(o => o.Number == n && o.State == OutcomeState.Met) : null;
        var html = kind switch
        {
            RecognitionKind.WelcomeLetter => RecognitionTemplates.Welcome(school, urn, la, e.EngagedOn),
            RecognitionKind.AcceptanceLetter when e.ApprovedOn is { } on => RecognitionTemplates.Acceptance(school, urn, la, on, await people.NameAsync(e.ApprovedBy, ct)),
            RecognitionKind.Certificate when e.ApprovedOn is { } on => RecognitionTemplates.Certificate(school, la, on),
            RecognitionKind.CongratulationsLetter when outcome is not null => RecognitionTemplates.Congratulations(school, urn, la, outcome),
            RecognitionKind.Award when outcome is not null => RecognitionTemplates.Award(school, la, outcome),
            _ => null,
        };
        if (html is null)
            return OperationResult<RecognitionFile>.Fail(DomainError.NotFound("healthy.not-earned", "The school has not earned this yet."));
        var name = $"{kind}-{urn}{(outcome is null ? "" : $"-outcome-{outcome.Number}")}.pdf";
        return OperationResult<RecognitionFile>.Ok(new RecognitionFile(name, await pdf.RenderAsync(html, ct)));
    }
}

/// <summary>The templates of the recognition documents: plain C#, so the web app and the command line share them.</summary>
public static class RecognitionTemplates
{
    private static HtmlDocument Letter(string title, string la, DateOnly on, string school, int urn)
    {
        var doc = new HtmlDocument(title);
        doc.Raw($"<div class=\"letterhead\"><strong>{HtmlDocument.E(la)}</strong><span>Healthy Schools</span></div>");
        doc.Raw($"<p>{on:d MMMM yyyy}</p>");
        doc.Raw($"<p>To the headteacher and the health and well-being development group<br>{HtmlDocument.E(school)} (URN {urn})</p>");
        return doc;
    }

    public static string Welcome(string school, int urn, string la, DateOnly engagedOn)
    {
        var doc = Letter($"Welcome to Healthy Schools: {school}", la, engagedOn, school, urn);
        doc.Heading("Welcome to the Healthy Schools enhancement model", 1);
        doc.Paragraphs($"""
            Thank you for taking your first step in the Healthy Schools enhancement model on {engagedOn:d MMMM yyyy}.

            Your first task is to set up your health and well-being development group, with members who represent pupils, parents and carers, governors and the partners you work with. SchoolSight will then open your needs analysis with your school's own well-being data, alongside the local priorities of {la}.

            Your Healthy Schools coordinator is here to support you at every stage.
            """);
        doc.Raw("<div class=\"signature\"><p>Healthy Schools coordinator</p></div>");
        return doc.ToString();
    }

    public static string Acceptance(string school, int urn, string la, DateOnly approvedOn, string approvedBy)
    {
        var doc = Letter($"Acceptance: {school}", la, approvedOn, school, urn);
        doc.Heading("Your stage 4 plan is accepted", 1);
        doc.Paragraphs($"""
            The Healthy Schools quality assurance panel (QUAS) approved your school's priorities, meaningful outcomes and early success indicators on {approvedOn:d MMMM yyyy}.

            Your school may now use the local Healthy Schools mark, and your certificate is enclosed. You can move on to stage 5: baselines and activities.
            """);
        doc.Raw($"<div class=\"signature\"><p>Approved by {HtmlDocument.E(approvedBy)}, on behalf of the QUAS</p></div>");
        return doc.ToString();
    }

    public static string Certificate(string school, string la, DateOnly approvedOn)
    {
        var doc = new HtmlDocument($"Certificate: {school}") { Landscape = true };
        doc.Raw("<div style=\"text-align:center;border:6px double #1d70b8;padding:40pt\">");
        doc.Heading(la, 2);
        doc.Heading("Healthy Schools certificate", 1);
        doc.Raw($"<p style=\"font-size:16pt\">{HtmlDocument.E(school)}</p>");
        doc.Paragraphs($"has planned its change in the Healthy Schools enhancement model, approved on {approvedOn:d MMMM yyyy}.");
        doc.Raw("</div>");
        return doc.ToString();
    }

    public static string Congratulations(string school, int urn, string la, MeaningfulOutcome outcome)
    {
        var on = outcome.ConfirmedOn ?? default;
        var doc = Letter($"Congratulations: {school}", la, on, school, urn);
        doc.Heading("Congratulations: a meaningful outcome met", 1);
        doc.Paragraphs($"""
            The QUAS confirmed on {on:d MMMM yyyy} that your school has met its meaningful outcome:

            {outcome.Description}

            The target was {outcome.Target:0.#}{(outcome.Baseline is { } b ? $", from a baseline of {b:0.#}" : "")}{(outcome.MetFigure is { } f ? $"; the figure now is {f:0.#}" : "")}. Your award is enclosed.
            """);
        doc.Raw("<div class=\"signature\"><p>Healthy Schools coordinator</p></div>");
        return doc.ToString();
    }

    public static string Award(string school, string la, MeaningfulOutcome outcome)
    {
        var doc = new HtmlDocument($"Award: {school}") { Landscape = true };
        doc.Raw("<div style=\"text-align:center;border:6px double #00703c;padding:40pt\">");
        doc.Heading(la, 2);
        doc.Heading("Healthy Schools award", 1);
        doc.Raw($"<p style=\"font-size:16pt\">{HtmlDocument.E(school)}</p>");
        doc.Paragraphs($"for meeting its meaningful outcome: {outcome.Description}\n\nConfirmed by the QUAS on {outcome.ConfirmedOn:d MMMM yyyy}.");
        doc.Raw("</div>");
        return doc.ToString();
    }
}
