using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public string LaName { get; private set; } = "";
    public int OpenSchools { get; private set; }
    public int Localities { get; private set; }
    public int Clusters { get; private set; }
    public IReadOnlyList<(SchoolPhase Phase, int Count)> ByPhase { get; private set; } = [];
    public (int Urn, string Name)? OwnSchool { get; private set; }

    public async Task OnGetAsync()
    {
        LaName = await db.LocalAuthorities.Select(l => l.Name).FirstOrDefaultAsync() ?? "your local authority";
        var open = db.Schools.Where(s => s.Details.Status == SchoolStatus.Open || s.Details.Status == SchoolStatus.OpenButProposedToClose);
        OpenSchools = await open.CountAsync();
        ByPhase = (await open.GroupBy(s => s.Phase).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .OrderBy(g => g.Key).Select(g => (g.Key, g.Count)).ToList();
        Localities = await db.Localities.CountAsync();
        Clusters = await db.Clusters.CountAsync();
        if (User.GetRole()?.IsSchoolBound() == true)
        {
            var own = await db.Schools.Select(s => new { s.Urn, s.Details.Name }).FirstOrDefaultAsync();
            if (own is not null) OwnSchool = (own.Urn, own.Name);
        }
    }
}
