using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme;

[Authorize(Policy = Policies.ProgrammeProposer)]
public sealed class ProposeModel(ProposeEntry propose, GetSchoolLevel level, AppDbContext db) : PageModel
{
    [BindProperty] public ProposeEntryInput Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> Schools { get; private set; } = [];

    /// <summary>
    /// With <c>?urn=</c>, starts from the school's agreed level of support: the tier and the evidence of concern, worded
    /// as the school sees its level, since the case is shared with the school and its governors (ADR 0009).
    /// </summary>
    public async Task OnGetAsync(int? urn, CancellationToken ct)
    {
        Input.CaseOfficerName = User.DisplayNameOf();
        Input.CaseOfficerEmail = User.Identity?.Name;
        if (urn is { } school && (await level.AsTheSchoolSeesItAsync(school, ct)).Value is { Current: { Level: not LevelOfSupport.Universal } current })
        {
            Input.Urn = school;
            Input.Tier = current.Level == LevelOfSupport.Intensive ? SupportTier.Intensive : SupportTier.Targeted;
            Input.Concerns = $"Level of support agreed by the SMT on {current.DecidedAt:d MMMM yyyy}: {current.Level.Describe().ToLowerInvariant()} ({current.Reason})\n"
                + string.Join("\n", current.ReasonLines.Select(l => "- " + l));
        }
        await LoadSchoolsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.UseGovukBindingMessages(typeof(ProposeEntryInput));
            await LoadSchoolsAsync(ct);
            return Page();
        }
        var result = await propose.RunAsync(Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = "Entry proposed: the SMT will agree or decline it";
            return Redirect($"/Programme/Cases/{result.Value}");
        }
        ModelState.AddOperationErrors(result.Errors);
        await LoadSchoolsAsync(ct);
        return Page();
    }

    private async Task LoadSchoolsAsync(CancellationToken ct)
    {
        var inProgramme = await db.ProgrammeCases.Where(c => c.State != CaseState.Closed).Select(c => c.Urn).ToListAsync(ct);
        var open = (await db.Schools.AsNoTracking().Select(s => new { s.Urn, s.Details.Name, s.Details.Status }).ToListAsync(ct))
            .Where(s => s.Status.IsOpen() && !inProgramme.Contains(s.Urn)).OrderBy(s => s.Name);
        Schools = [new SelectListItem("Choose a school", ""), .. open.Select(s => new SelectListItem($"{s.Name} ({s.Urn})", s.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
    }
}
