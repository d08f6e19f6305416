using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Home;
using SchoolSight.Domain.Register;

namespace SchoolSight.Web.Pages;

/// <summary>The home page: what needs the signed-in user today (<see cref="GetHomePage"/>), then the ways into SchoolSight.</summary>
public sealed class IndexModel(AppDbContext db, GetHomePage home) : PageModel
{
    public string LaName { get; private set; } = "";
    public HomePage Home { get; private set; } = null!;
    public int OpenSchools { get; private set; }
    public int Localities { get; private set; }
    public int Clusters { get; private set; }
    public IReadOnlyList<(SchoolPhase Phase, int Count)> ByPhase { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        LaName = await db.LocalAuthorities.Select(l => l.Name).FirstOrDefaultAsync(ct) ?? "your local authority";
        Home = await home.RunAsync(ct);
        var open = db.Schools.Where(s => s.Details.Status == SchoolStatus.Open || s.Details.Status == SchoolStatus.OpenButProposedToClose);
        OpenSchools = await open.CountAsync(ct);
        ByPhase = (await open.GroupBy(s => s.Phase).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key).Select(g => (g.Key, g.Count)).ToList();
        Localities = await db.Localities.CountAsync(ct);
        Clusters = await db.Clusters.CountAsync(ct);
    }
}
