using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Register;

namespace SchoolSight.Web.Pages.Schools;

/// <summary>What the create and edit pages share: the bound input and the choices its lists offer.</summary>
public abstract class SchoolFormModel(ListLocalities localities, ListClusters clusters) : PageModel
{
    /// <summary>GIAS <c>PhaseOfEducation (name)</c> values.</summary>
    private static readonly string[] GiasPhases =
        ["Nursery", "Primary", "Middle deemed primary", "Middle deemed secondary", "Secondary", "All-through", "16 plus", "Not applicable"];

    [BindProperty] public SchoolInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> LocalityItems { get; private set; } = [];
    public IReadOnlyList<ListClusters.Row> Clusters { get; private set; } = [];

    public IReadOnlyList<SelectListItem> StatusItems { get; } =
        [.. Enum.GetValues<SchoolStatus>().Select(s => new SelectListItem(s.DisplayName(), s.ToString()))];

    public IReadOnlyList<SelectListItem> PhaseItems =>
    [
        new("Choose a phase", ""),
        .. GiasPhases.Select(p => new SelectListItem(p, p)),
        .. Input.PhaseOfEducation is { } current && !GiasPhases.Contains(current) ? [new SelectListItem(current, current)] : Array.Empty<SelectListItem>(),
    ];

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        LocalityItems = [new("Not in a locality", ""), .. (await localities.RunAsync(ct)).Select(l => new SelectListItem(l.Name, l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        Clusters = await clusters.RunAsync(ct);
    }

    /// <summary>Binding problems (letters in a number, an impossible date) in GOV.UK words; false when there are any.</summary>
    protected bool InputBound()
    {
        ModelState.UseGovukBindingMessages(typeof(SchoolInput));
        // No box ticked sends nothing: the school is in no cluster.
        Input.ClusterIds ??= [];
        return ModelState.IsValid;
    }
}
