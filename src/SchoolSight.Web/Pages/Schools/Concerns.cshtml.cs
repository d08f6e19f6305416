using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Core.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools;

/// <summary>
/// The LA's safeguarding and management or governance concerns about a school: open and closed, a form to record one
/// (LA officers and the school's SIP) and a close form for each open one (LA officers).
/// </summary>
[Authorize(Policy = Policies.ConcernKeeper)]
public sealed class ConcernsModel(GetConcerns get, RecordConcern record, CloseConcern close) : PageModel
{
    [BindProperty] public ConcernInput Input { get; set; } = new();
    [BindProperty] public CloseConcernInput Close { get; set; } = new();

    public ConcernsView View { get; private set; } = null!;

    /// <summary>The concern whose close form was sent and refused, to show its errors there.</summary>
    public int? Closing { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) => await LoadAsync(urn, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } refused) return refused;
        Keep(nameof(Input));
        if (BindingProblems(typeof(ConcernInput), nameof(Input))) return Page();
        return await DoneAsync(urn, await record.RunAsync(urn, Input, ct), "Concern recorded", nameof(Input), ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(int urn, int concernId, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } refused) return refused;
        Closing = concernId;
        Keep(nameof(Close));
        if (BindingProblems(typeof(CloseConcernInput), nameof(Close))) return Page();
        return await DoneAsync(urn, await close.RunAsync(urn, concernId, Close, ct), "Concern closed", nameof(Close), ct);
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        return null;
    }

    private async Task<IActionResult> DoneAsync(int urn, OperationResult<int> result, string success, string prefix, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Success"] = success;
            return Redirect($"/Schools/{urn}/Concerns");
        }
        return await this.FailedAsync(result, async conflict => !conflict || await LoadAsync(urn, ct) is null, prefix);
    }

    /// <summary>Only the form that was sent is checked: the other form's empty fields are not its problems.</summary>
    private void Keep(string prefix)
    {
        foreach (var other in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(other);
    }

    private bool BindingProblems(Type inputType, string prefix)
    {
        if (ModelState.IsValid) return false;
        ModelState.UseGovukBindingMessages(inputType, prefix);
        return true;
    }
}
