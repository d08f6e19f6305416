using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Partners;

/// <summary>Partner agencies and how to contact them, for everyone signed in; filterable by kind.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ListPartners list) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kind")] public PartnerKind? Kind { get; set; }

    public IReadOnlyList<ListPartners.Row> Partners { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Partners = await list.RunAsync(Kind, ct);
}
