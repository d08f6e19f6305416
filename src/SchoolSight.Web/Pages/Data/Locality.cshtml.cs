using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Data;

/// <summary>A locality's data page: one indicator across the locality's schools against the LA and England (LA staff).</summary>
[Authorize(Policy = Policies.LaStaff)]
public sealed class LocalityModel(GetAreaIndicator get, IndicatorCatalogueSource source) : AreaIndicatorPageModel(get, source)
{
    public override string Path => $"/Data/Localities/{RouteData.Values["id"]}";

    public Task<IActionResult> OnGetAsync(int id, string? indicator, int? year, string? sort, string? order, string? format, bool publication, CancellationToken ct) =>
        ShowAsync(AreaKind.Locality, id.ToString(), indicator, year, sort, order, format, publication, ct);
}
