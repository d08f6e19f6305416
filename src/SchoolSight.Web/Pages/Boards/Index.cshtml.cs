using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Boards;

/// <summary>The SSEB and the locality boards, each with its next and past meetings.</summary>
[Authorize(Policy = Policies.RiskRegisterReader)]
public sealed class IndexModel(ListBoardMeetings list) : PageModel
{
    public IReadOnlyList<BoardSchedule> Boards { get; private set; } = [];
    public bool MayOrganise { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Boards = await list.RunAsync(ct);
        MayOrganise = User.GetRole() is { } role && BoardRoles.Organisers.Contains(role);
    }
}
