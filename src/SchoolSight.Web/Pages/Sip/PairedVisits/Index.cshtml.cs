using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Sip;
using SchoolSight.Domain.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Sip.PairedVisits;

/// <summary>The paired visits the person may read, with the senior advisers' way to record one.</summary>
[Authorize(Policy = Policies.PairedVisitReader)]
public sealed class IndexModel(ListPairedVisits list, SipOptions options) : PageModel
{
    public string RoleName => options.RoleName;
    public IReadOnlyList<PairedVisitRow> Rows { get; private set; } = [];
    public bool MayRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = (await list.RunAsync(ct)).Value ?? [];
        MayRecord = User.GetRole().Allows(Resource.PairedVisit, ResourceAction.Record);
    }
}
