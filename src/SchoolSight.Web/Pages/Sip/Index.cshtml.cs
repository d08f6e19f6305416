using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Sip;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Sip;

/// <summary>
/// The SIP visits page: the visits the person may read (one school's with ?urn=), a SIP's form to start the record of a
/// visit, and for the LA and the SIPs the quality of the year's reports and the SIPs' caseloads against visits due.
/// </summary>
[Authorize(Policy = Policies.SipVisitReader)]
public sealed class IndexModel(ListVisits list, GetReportQuality quality, GetSipService service, StartVisit start, AppDbContext db, SipOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Urn { get; set; }
    [BindProperty] public int? StartUrn { get; set; }
    [BindProperty] public DateOnly? VisitedOn { get; set; }

    public string RoleName => options.RoleName;
    public int Year { get; private set; }
    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];
    public ReportQualityView? Quality { get; private set; }
    public IReadOnlyList<SipCaseload> Caseloads { get; private set; } = [];
    public IReadOnlyList<(int Urn, string Name)> MySchools { get; private set; } = [];
    public bool MayReadPairedVisits { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await start.RunAsync(StartUrn ?? 0, VisitedOn, ct);
        if (result.Succeeded) return Redirect($"/Sip/Visits/{result.Value}");
        if (this.Refusal(result) is { } refused) return refused;
        ModelState.AddOperationErrors(result.Errors, "");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Year = AcademicYear.Of(db.Today());
        Visits = (await list.RunAsync(Urn, ct)).Value ?? [];
        var role = User.GetRole();
        MayReadPairedVisits = role.Allows(Resource.PairedVisit, ResourceAction.Read);
        if (role.Allows(Resource.SipService, ResourceAction.Read))
        {
            Quality = (await quality.RunAsync(Year, ct)).Value;
            Caseloads = (await service.RunAsync(Year, ct)).Value ?? [];
        }
        if (role.Allows(Resource.SipVisit, ResourceAction.Record))
        {
            var urns = Caseloads.SelectMany(c => c.Schools).Select(s => (s.Urn, s.Name)).ToList();
            var assigned = await db.SipAssignments.Where(a => a.UserId == db.CurrentUser.UserId)
                .Join(db.Schools, a => a.Urn, s => s.Urn, (a, s) => new { s.Urn, s.Details.Name }).ToListAsync(ct);
            MySchools = urns.Count > 0 ? urns : [.. assigned.Select(s => (s.Urn, s.Name))];
        }
    }
}
