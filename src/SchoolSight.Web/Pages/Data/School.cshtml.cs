using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Data;

/// <summary>
/// A school's data page (DOMAIN.md 3.2–3.4): every indicator against England, the LA, the locality and similar schools,
/// with significance, the three-year trend and links to the breakdown by pupil group; the similar schools and how they
/// were chosen. <c>?format=csv|xlsx</c> downloads the indicators table (<c>&amp;table=similar</c>: the similar schools);
/// <c>&amp;publication=true</c> suppresses small numbers whoever asks.
/// </summary>
[Authorize(Policy = Policies.RegisterReader)]
public sealed class SchoolModel(GetSchoolIndicators get, IAuthorizationService authorization) : PageModel
{
    public SchoolIndicatorsView View { get; private set; } = null!;

    public IReadOnlyList<IGrouping<string, IndicatorRow>> Sections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int urn, int? year, string? format, string? table, bool publication, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return Forbid();
        if (await get.RunAsync(urn, year, null, publication, ct) is not { } view) return NotFound();
        View = view;
        var export = DataExports.File(format, $"{urn}-indicators-{view.AcademicYear}", () => table == "similar"
            ? DataExports.SimilarSchools(view)
            : DataExports.SchoolIndicators(view, view.Rows, $"Indicators for {view.SchoolName} (URN {urn})"));
        if (export is not null) return export;
        Sections = [.. view.Rows.OrderBy(r => IndicatorFormat.SectionOrder(r.Indicator)).GroupBy(r => IndicatorFormat.Section(r.Indicator))];
        return Page();
    }

    public static string SectionId(string section) => "section-" + new string([.. section.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]);

    public static IReadOnlyList<EcmOutcome> Outcomes => EcmOutcomes.All;
}
