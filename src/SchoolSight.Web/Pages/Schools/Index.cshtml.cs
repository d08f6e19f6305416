using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools;

/// <summary>Find a school: search, filters, sortable columns and pages. Lists only the schools the user may see.</summary>
[Authorize(Policy = Policies.RegisterReader)]
public sealed class IndexModel(ListSchools list) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "search")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "phase")] public SchoolPhase? Phase { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")] public string? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "locality")] public int? Locality { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public SchoolStatus? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public SchoolSort Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "order")] public SortOrder Order { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] // not "page": Razor Pages' own route value wins over the query
    public int PageNumber { get; set; } = 1;

    public ListSchools.Result Result { get; private set; } = null!;

    public bool Filtered => !string.IsNullOrWhiteSpace(Search) || Phase is not null || !string.IsNullOrEmpty(Type) || Locality is not null || Status is not null;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await list.RunAsync(new ListSchools.Query(Search, Phase, Type, Locality, Status, Sort, Order, PageNumber), ct);

    public Pagination Pagination => new(Result.Page, Result.Pages, page => Link(Sort, Order, page));

    /// <summary>The column's header link: sorts by it ascending, or flips the order when it is already the sort.</summary>
    public string SortLink(SchoolSort column) =>
        Link(column, Sort == column && Order == SortOrder.Asc ? SortOrder.Desc : SortOrder.Asc, 1);

    public string AriaSort(SchoolSort column) =>
        Sort != column ? "none" : Order == SortOrder.Desc ? "descending" : "ascending";

    private string Link(SchoolSort sort, SortOrder order, int page) =>
        "/Schools" + QueryString.Create(new Dictionary<string, string?>
        {
            ["search"] = Search?.Trim(),
            ["phase"] = Phase?.ToString(),
            ["type"] = Type,
            ["locality"] = Locality?.ToString(CultureInfo.InvariantCulture),
            ["status"] = Status?.ToString(),
            ["sort"] = sort == SchoolSort.Name ? null : sort.ToString(),
            ["order"] = order == SortOrder.Asc ? null : order.ToString(),
            ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
