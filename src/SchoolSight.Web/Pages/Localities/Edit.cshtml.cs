using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Localities;

/// <summary>Rename a locality or change its board. A stale form shows who changed it since, with the current values.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class EditModel(GetLocality get, EditLocality edit) : PageModel
{
    [BindProperty] public LocalityInput Input { get; set; } = new();
    public int Id { get; private set; }
    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, replaceInput: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await edit.RunAsync(id, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Input.Name!.Trim()} has been saved";
            return Redirect($"/Localities/{id}");
        }
        return await this.FailedAsync(result, conflict => LoadAsync(id, replaceInput: conflict, ct));
    }

    private async Task<bool> LoadAsync(int id, bool replaceInput, CancellationToken ct)
    {
        Id = id;
        if (await get.RunAsync(id, ct) is not { } locality) return false;
        CurrentName = locality.Name;
        if (replaceInput) Input = new LocalityInput { Name = locality.Name, BoardName = locality.BoardName, Description = locality.Description, Version = locality.Version };
        return true;
    }
}
