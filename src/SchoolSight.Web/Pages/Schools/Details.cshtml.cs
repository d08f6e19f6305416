using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Home;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools;

/// <summary>A school's profile. Refused (403) for a school outside the user's scope, whether or not it exists.</summary>
[Authorize(Policy = Policies.RegisterReader)]
public sealed class DetailsModel(GetSchoolProfile get, GetSchoolSummary summary, GetSchoolProfileDocument document, IAuthorizationService authorization) : PageModel
{
    public GetSchoolProfile.Profile Profile { get; private set; } = null!;

    /// <summary>The school on one screen, at the top of its page.</summary>
    public SchoolAtAGlance? Summary { get; private set; }
    public bool CanEdit { get; private set; }

    /// <summary>Localities and clusters have pages for LA staff only; others see their names without links.</summary>
    public bool LinksToGroups { get; private set; }

    /// <summary>The school's self-evaluation and SIP judgements, and the LA's concerns, are linked for those who may see them.</summary>
    public bool LinksToJudgements { get; private set; }
    public bool LinksToConcerns { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        var resource = new SchoolResource(urn);
        if (!(await authorization.AuthorizeAsync(User, resource, SchoolOperations.Read)).Succeeded) return Forbid();
        if (await get.RunAsync(urn, ct) is not { } profile) return NotFound();
        Profile = profile;
        Summary = await summary.RunAsync(urn, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, resource, SchoolOperations.Edit)).Succeeded;
        LinksToGroups = User.GetRole()?.IsLaStaff() == true;
        LinksToJudgements = User.GetRole() is { } role && EvidenceRoles.JudgementReaders.Contains(role);
        LinksToConcerns = User.GetRole() is { } keeper && EvidenceRoles.ConcernKeepers.Contains(keeper);
        return Page();
    }

    /// <summary>The school's profile as a PDF (<c>?handler=Pdf</c>): for whoever may read the school, as they see it.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int urn, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return Forbid();
        if (await document.RunAsync(urn, ct) is not { } file) return NotFound();
        return File(file.Pdf, "application/pdf", file.FileName);
    }

    /// <summary>GIAS gives websites without a scheme ("www.example.sch.uk").</summary>
    public static string WebsiteHref(string website) =>
        website.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || website.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? website
            : "https://" + website;
}
