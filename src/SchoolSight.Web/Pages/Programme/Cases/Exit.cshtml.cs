using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>The exit strategy and the termly monitoring visits after exit.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class ExitModel(GetCase get, RecordExitStrategy recordStrategy, RecordMonitoringVisit recordVisit) : CasePageModel(get)
{
    [BindProperty] public ExitStrategyInput Strategy { get; set; } = new();
    [BindProperty] public MonitoringVisitInput Visit { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Case.ExitStrategy is { } e)
            Strategy = new ExitStrategyInput { Summary = e.Summary, AgreedWithSchoolOn = e.AgreedWithSchoolOn, MonitoringLead = e.MonitoringLead, Sustainability = e.Sustainability };
        return Page();
    }

    public async Task<IActionResult> OnPostStrategyAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(ExitStrategyInput), nameof(Strategy), ct)
        ?? await DoneAsync(await recordStrategy.RunAsync(id, Strategy, ct), id, "Exit strategy saved", nameof(Strategy), ct);

    public async Task<IActionResult> OnPostVisitAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(MonitoringVisitInput), nameof(Visit), ct)
        ?? await DoneAsync(await recordVisit.RunAsync(id, Visit, ct), id, "Monitoring visit recorded", nameof(Visit), ct);
}
