using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Data;

/// <summary>The LA's data page: one indicator across the LA, its localities and every school (LA staff).</summary>
[Authorize(Policy = Policies.LaStaff)]
public sealed class LaModel(GetAreaIndicator get, IndicatorCatalogueSource source) : AreaIndicatorPageModel(get, source)
{
    public override string Path => "/Data/La";

    public Task<IActionResult> OnGetAsync(string? indicator, int? year, string? sort, string? order, string? format, bool publication, string? la, CancellationToken ct) =>
        ShowAsync(AreaKind.LocalAuthority, la, indicator, year, sort, order, format, publication, ct);
}
