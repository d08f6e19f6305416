using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Clusters;

/// <summary>
/// Rename a group, change its kind and purpose, add a school by URN and remove members (ticked boxes).
/// A stale form shows who changed the group since, with its current details and members.
/// </summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class EditModel(GetCluster get, EditCluster edit) : PageModel
{
    [BindProperty] public ClusterInput Input { get; set; } = new();

    /// <summary>The URNs typed in the "add" box, read by <see cref="UrnList"/>.</summary>
    [BindProperty] public string? AddUrns { get; set; }
    public GetCluster.Details Cluster { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, replaceInput: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        ModelState.UseGovukBindingMessages(typeof(ClusterInput));
        Input.AddUrns = UrnList.Read(AddUrns, ModelState);
        if (!ModelState.IsValid) return await LoadAsync(id, replaceInput: false, ct) ? Page() : NotFound();

        var result = await edit.RunAsync(id, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Input.Name!.Trim()} has been saved";
            return Redirect($"/Clusters/{id}");
        }
        return await this.FailedAsync(result, conflict =>
        {
            if (conflict) AddUrns = null;
            return LoadAsync(id, replaceInput: conflict, ct);
        });
    }

    private async Task<bool> LoadAsync(int id, bool replaceInput, CancellationToken ct)
    {
        if (await get.RunAsync(id, ct) is not { } cluster) return false;
        Cluster = cluster;
        if (replaceInput) Input = new ClusterInput { Name = cluster.Name, Kind = cluster.Kind, Purpose = cluster.Purpose, Version = cluster.Version };
        return true;
    }
}
