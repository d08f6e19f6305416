using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Register;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Partners;

/// <summary>Change a partner's details. A stale form shows who changed the partner since, with the current details.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class EditModel(GetPartner get, EditPartner edit) : PartnerFormModel
{
    public int Id { get; private set; }
    public string CurrentName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, replaceInput: true, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        ModelState.UseGovukBindingMessages(typeof(PartnerInput));
        if (!ModelState.IsValid) return await LoadAsync(id, replaceInput: false, ct) ? Page() : NotFound();
        var result = await edit.RunAsync(id, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Input.Name!.Trim()} has been saved";
            return Redirect($"/Partners#partner-{id}");
        }
        return await this.FailedAsync(result, conflict => LoadAsync(id, replaceInput: conflict, ct));
    }

    private async Task<bool> LoadAsync(int id, bool replaceInput, CancellationToken ct)
    {
        Id = id;
        if (await get.RunAsync(id, ct) is not { } p) return false;
        CurrentName = p.Name;
        if (replaceInput)
        {
            Input = new PartnerInput
            {
                Name = p.Name,
                Kind = p.Kind,
                ContactName = p.ContactName,
                Email = p.Email,
                Telephone = p.Telephone,
                Address = p.Address,
                ValidationNote = p.ValidationNote,
                Version = p.Version,
            };
        }
        return true;
    }
}
