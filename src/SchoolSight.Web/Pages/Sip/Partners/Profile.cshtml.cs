using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Data;
using SchoolSight.Core.Sip;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Sip.Partners;

/// <summary>
/// One SIP's profile for an academic year (?year=2026 for 2026/27): assigned schools with their level of support,
/// visits made against visits due, headship experience and phase, the quality of their reports and their paired-visit
/// grades over time. For the LA; a SIP sees only their own.
/// </summary>
[Authorize(Policy = Policies.SipServiceReader)]
public sealed class ProfileModel(GetSipProfile profile, AppDbContext db, SipOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public string RoleName => options.RoleName;
    public SipProfileView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var result = await profile.RunAsync(id, Year ?? Domain.AcademicYear.Of(db.Today()), ct);
        if (result.Value is null) return this.Refusal(result) ?? NotFound();
        View = result.Value;
        return Page();
    }

    public static string Share(double? share) => share is { } x ? x.ToString("0%", System.Globalization.CultureInfo.InvariantCulture) : "No reports judged yet";
}
