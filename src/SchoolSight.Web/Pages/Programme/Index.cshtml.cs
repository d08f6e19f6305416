using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Time;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme;

/// <summary>The programme dashboard: every case the reader may see, most overdue first, with its next deadlines.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class IndexModel(ListProgrammeCases list, LaClock clock) : PageModel
{
    public IReadOnlyList<ListProgrammeCases.Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IncludeClosed { get; private set; }
    public bool CanPropose => User.GetRole() is { } r && ProgrammeRoles.Proposers.Contains(r);
    public bool CanSeeQuarterly => User.GetRole() is { } r && ProgrammeRoles.LaProgrammeStaff.Contains(r);

    public async Task OnGetAsync(bool closed, CancellationToken ct)
    {
        IncludeClosed = closed;
        Today = clock.Today;
        Rows = await list.RunAsync(closed, ct);
    }
}
