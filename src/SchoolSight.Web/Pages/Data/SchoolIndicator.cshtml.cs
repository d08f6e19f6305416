using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Data;

/// <summary>
/// One indicator for one school: its definition from the catalogue, the school against its benchmarks, the trend, and
/// the breakdown by pupil group with a chart. <c>?format=csv|xlsx</c> downloads the group table.
/// </summary>
[Authorize(Policy = Policies.RegisterReader)]
public sealed class SchoolIndicatorModel(GetSchoolIndicators get, IndicatorCatalogueSource catalogue, IAuthorizationService authorization) : PageModel
{
    public SchoolIndicatorsView View { get; private set; } = null!;
    public IndicatorDefinition Indicator { get; private set; } = null!;
    public IndicatorRow? Row { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, string indicatorId, int? year, string? format, bool publication, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, new SchoolResource(urn), SchoolOperations.Read)).Succeeded) return Forbid();
        if (catalogue.Catalogue.Find(indicatorId) is not { } indicator) return NotFound();
        if (await get.RunAsync(urn, year, indicator.Outcome, publication, ct) is not { } view) return NotFound();
        (View, Indicator) = (view, indicator);
        Row = view.Rows.FirstOrDefault(r => r.Indicator.Id == indicator.Id);
        if (Row is { } row)
        {
            var export = DataExports.File(format, $"{urn}-{indicator.Id}-{view.AcademicYear}-groups", () => DataExports.Groups(view, row));
            if (export is not null) return export;
        }
        return Page();
    }
}
