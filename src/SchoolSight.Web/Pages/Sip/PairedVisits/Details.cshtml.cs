using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Sip;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Sip.PairedVisits;

/// <summary>One paired visit as written, with its written summary as PDF; the senior adviser changes it until the summary is sent.</summary>
[Authorize(Policy = Policies.PairedVisitReader)]
public sealed class DetailsModel(GetPairedVisit get, GetSipDocuments documents, AppDbContext db, SipOptions options) : PageModel
{
    public string RoleName => options.RoleName;
    public PairedVisit Paired { get; private set; } = null!;
    public string SchoolName { get; private set; } = "";
    public bool MayChange { get; private set; }
    public bool MayReadVisit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var found = await get.RunAsync(id, ct);
        if (found.Value is null) return this.Refusal(found) ?? NotFound();
        Paired = found.Value;
        SchoolName = await db.Schools.Where(s => s.Urn == Paired.Urn).Select(s => s.Details.Name).FirstOrDefaultAsync(ct) ?? "";
        var role = User.GetRole();
        MayChange = Paired.SummarySentOn is null && role.Allows(Resource.PairedVisit, ResourceAction.Record);
        MayReadVisit = Paired.VisitId is not null && role is { } r && !r.IsSchoolBound() && role.Allows(Resource.SipVisit, ResourceAction.Read);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        var result = await documents.PairedSummaryAsync(id, ct);
        return result.Succeeded ? File(result.Value!.Pdf, "application/pdf", result.Value.FileName) : this.Refusal(result) ?? NotFound();
    }

    public static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy") ?? "";
}
