using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Sip;
using SchoolSight.Domain.Sip;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Sip.PairedVisits;

/// <summary>
/// A senior adviser records a paired visit on a SIP's visit, or changes one whose written summary has not been sent:
/// a grade from 1 to 4 with evidence for each aspect, the headteacher's feedback, strengths and areas for development;
/// saved as a draft, or sent as the written summary to the headteacher and the LA.
/// </summary>
[Authorize(Policy = Policies.PairedVisitRecorder)]
public sealed class RecordModel(GetPairedVisit get, SavePairedVisit save, ListVisits visits, SipOptions options) : PageModel
{
    [BindProperty] public PairedVisitInput Input { get; set; } = new();

    public string RoleName => options.RoleName;
    public PairedVisit? Existing { get; private set; }
    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? visitId, CancellationToken ct)
    {
        if (!await LoadAsync(id, fill: true, ct)) return NotFound();
        if (Existing?.SummarySentOn is not null) return Redirect($"/Sip/PairedVisits/{Existing.Id}");
        if (Existing is null && visitId is { } chosen) Input.VisitId = chosen;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        ModelState.UseGovukBindingMessages(typeof(PairedVisitInput));
        if (!await LoadAsync(id, fill: false, ct)) return NotFound();
        if (Existing is not null) Input.VisitId = Existing.VisitId ?? 0;
        else if (Input.VisitId == 0) ModelState.AddModelError("Input.VisitId", $"Choose the {RoleName.ToLowerInvariant()}'s visit you joined");
        if (!ModelState.IsValid) return Page();
        var result = await save.RunAsync(id, Input, ct);
        return result.Succeeded ? Redirect($"/Sip/PairedVisits/{result.Value}")
            : await this.FailedAsync(result, conflict => conflict ? LoadAsync(id, fill: true, ct) : Task.FromResult(true));
    }

    private async Task<bool> LoadAsync(int? id, bool fill, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var found = await get.RunAsync(existing, ct);
            if (found.Value is null) return false;
            Existing = found.Value;
            if (fill) Input = From(Existing);
            return true;
        }
        Visits = (await visits.RunAsync(null, ct)).Value ?? [];
        return true;
    }

    private static PairedVisitInput From(PairedVisit p) => new()
    {
        VisitId = p.VisitId ?? 0,
        VisitedOn = p.VisitedOn,
        LengthOfVisit = p.LengthOfVisit,
        Programme = p.Programme,
        Grades = PairedVisitAspects.All.ToDictionary(a => a, a => (int?)p.GradeOf(a).Grade),
        Evidence = PairedVisitAspects.All.ToDictionary(a => a, a => p.GradeOf(a).Evidence),
        HeadFeedback = p.HeadFeedback,
        Strengths = p.Strengths,
        AreasForDevelopment = p.AreasForDevelopment,
        Version = p.Version,
    };
}
