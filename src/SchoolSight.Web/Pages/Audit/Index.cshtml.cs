using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Auditing;
using SchoolSight.Domain.Auditing;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Audit;

[Authorize(Policy = Policies.LaAdministrator)]
public sealed class IndexModel(SearchAuditTrail search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityKey { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public int? School { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] // not "page": Razor Pages' own route value wins over the query
    public int PageNumber { get; set; } = 1;

    public SearchAuditTrail.Result Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Result = await search.RunAsync(new SearchAuditTrail.Query(UserName, EntityType, Action, School, From, To, EntityKey, PageNumber), ct);

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["UserName"] = UserName,
            ["EntityType"] = EntityType,
            ["EntityKey"] = EntityKey,
            ["Action"] = Action?.ToString(),
            ["School"] = School?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["From"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["To"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    /// <summary>The stored JSON ({"Field":[before,after]}) as readable lines.</summary>
    public static IEnumerable<string> DescribeChanges(string? json)
    {
        if (string.IsNullOrEmpty(json)) yield break;
        System.Text.Json.JsonDocument doc;
        try { doc = System.Text.Json.JsonDocument.Parse(json); }
        catch (System.Text.Json.JsonException) { yield break; }
        using (doc)
        {
            if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) yield break;
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == System.Text.Json.JsonValueKind.Array && property.Value.GetArrayLength() == 2)
                {
                    var before = Show(property.Value[0]);
                    var after = Show(property.Value[1]);
                    yield return before == "—" ? $"{property.Name}: {after}" : $"{property.Name}: {before} → {after}";
                }
                else yield return $"{property.Name}: {property.Value}";
            }
        }
    }

    private static string Show(System.Text.Json.JsonElement value) =>
        value.ValueKind is System.Text.Json.JsonValueKind.Null or System.Text.Json.JsonValueKind.Undefined ? "—" : value.ToString();
}
