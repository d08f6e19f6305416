using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Web.Pages.Data;

/// <summary>
/// The LA and locality data pages: pick an indicator and a year; see the area against England, the distribution of
/// schools and their ranking, sortable, each linking to its school's data page where the user may open it.
/// <c>?format=csv|xlsx</c> downloads the ranking as shown; <c>&amp;publication=true</c> always suppresses small numbers.
/// Special schools and alternative provision are ranked apart from mainstream schools unless <c>&amp;special=true</c>.
/// </summary>
public abstract class AreaIndicatorPageModel(GetAreaIndicator get, IndicatorCatalogueSource source) : PageModel
{
    public const string DefaultIndicator = "KS2_RWM_EXP";

    public AreaIndicatorView View { get; private set; } = null!;
    public IReadOnlyList<AreaSchoolRow> Rows { get; private set; } = [];

    /// <summary>Special schools and alternative provision, ranked among themselves (none when <see cref="IncludeSpecial"/>).</summary>
    public IReadOnlyList<AreaSchoolRow> ApartRows { get; private set; } = [];

    /// <summary>Rank special schools and alternative provision with mainstream schools (the reader ticked the box).</summary>
    [BindProperty(SupportsGet = true, Name = "special")] public bool IncludeSpecial { get; set; }
    public AreaSort Sort { get; private set; }
    public bool Descending { get; private set; }
    public abstract string Path { get; }

    /// <summary>Indicators an area page can rank schools by: all but the school-share ones (a share of schools has no per-school figure).</summary>
    public IReadOnlyList<IndicatorDefinition> Choices =>
        [.. source.Catalogue.Indicators.Where(i => i.Kind != IndicatorKind.SchoolShare).OrderBy(IndicatorFormat.SectionOrder)];

    protected async Task<IActionResult> ShowAsync(AreaKind kind, string? code, string? indicator, int? year, string? sort, string? order, string? format, bool publication, CancellationToken ct)
    {
        var id = string.IsNullOrWhiteSpace(indicator) ? DefaultIndicator : indicator;
        if (source.Catalogue.Find(id) is not { Kind: not IndicatorKind.SchoolShare }) return NotFound();
        if (await get.RunAsync(new AreaIndicatorRequest(kind, code, id, year, publication, IncludeSpecial), ct) is not { } view) return NotFound();
        View = view;
        Sort = Enum.TryParse<AreaSort>(sort, true, out var s) ? s : AreaSort.Rank;
        Descending = string.Equals(order, "desc", StringComparison.OrdinalIgnoreCase);
        Rows = GetAreaIndicator.Sort([.. view.Schools.Where(r => !r.RankedApart)], Sort, Descending);
        ApartRows = GetAreaIndicator.Sort([.. view.Schools.Where(r => r.RankedApart)], Sort, Descending);
        var file = DataExports.File(format, $"{view.AreaCode}-{view.Indicator.Id}-{view.AcademicYear}", () => DataExports.Ranking(view, [.. Rows, .. ApartRows], IncludeSpecial));
        return file ?? Page();
    }

    /// <summary>The query of this page with some values changed (for sort links and exports).</summary>
    public Dictionary<string, string?> Query(AreaSort? sort = null, bool? descending = null) => new()
    {
        ["indicator"] = View.Indicator.Id,
        ["year"] = View.AcademicYear?.ToString(),
        ["sort"] = (sort ?? Sort).ToString().ToLowerInvariant(),
        ["order"] = (descending ?? Descending) ? "desc" : "asc",
        ["special"] = IncludeSpecial ? "true" : null,
    };

    public string Link(Dictionary<string, string?> query) =>
        Path + "?" + string.Join("&", query.Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value!)}"));

    public string? AriaSort(AreaSort column) => Sort == column ? (Descending ? "descending" : "ascending") : null;
}
