using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Calendar;
using SchoolSight.Domain.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Calendar;

/// <summary>The LA's term and half-term dates, year by year; LA administrators change them.</summary>
[Authorize(Policy = Policies.RegisterReader)]
public sealed class IndexModel(ListSchoolTerms list) : PageModel
{
    public IReadOnlyList<ListSchoolTerms.Row> Terms { get; private set; } = [];
    public bool IsAdministrator => User.GetRole() == Role.LaAdministrator;

    public async Task OnGetAsync(CancellationToken ct) => Terms = await list.RunAsync(ct);
}
