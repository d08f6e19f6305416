using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme;

/// <summary>
/// What the pages of one case share: loading the case within the reader's school scope (a case outside it is not
/// found), what the signed-in role may do on it, and turning an operation's outcome into a redirect with a success
/// banner or the page again with a GOV.UK error summary.
/// </summary>
public abstract class CasePageModel(GetCase getCase) : PageModel
{
    public CaseView View { get; private set; } = null!;
    public ImprovingOutcomesCase Case => View.Case;
    public int CaseId => Case.Id;
    public Role Role => User.GetRole() ?? Role.Partner;

    public bool Can(IReadOnlySet<Role> roles) => roles.Contains(Role);
    public bool CanRun => Can(ProgrammeRoles.Runners);
    public bool CanContribute => Can(ProgrammeRoles.Contributors);
    public bool IsOpenForPlanning => Case.State is CaseState.EntryAgreed or CaseState.BaselineRecorded or CaseState.Active;

    protected async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await getCase.RunAsync(id, ct) is not { } view) return false;
        View = view;
        await LoadMoreAsync(ct);
        return true;
    }

    /// <summary>What a page shows beyond the case itself, loaded with it.</summary>
    protected virtual Task LoadMoreAsync(CancellationToken ct) => Task.CompletedTask;

    protected async Task<IActionResult> PageOrNotFoundAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>
    /// After a change: on success back to this page (or <paramref name="redirect"/>) with <paramref name="success"/>;
    /// otherwise the page again, the errors against the fields of the form named <paramref name="prefix"/>.
    /// </summary>
    protected async Task<IActionResult> DoneAsync<T>(OperationResult<T> result, int id, string success, string prefix, CancellationToken ct, string? redirect = null)
    {
        if (result.Succeeded)
        {
            TempData["Success"] = success;
            return Redirect(redirect ?? Request.Path.Value ?? "/Programme");
        }
        return await this.FailedAsync(result, _ => LoadAsync(id, ct), prefix);
    }

    /// <summary>Binding problems (a date that is not a date) are shown without running the operation.</summary>
    protected async Task<IActionResult?> BindingErrorsAsync(int id, Type inputType, string prefix, CancellationToken ct)
    {
        var own = ModelState.Where(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value is { Errors.Count: > 0 }).ToList();
        foreach (var other in ModelState.Keys.Where(k => !k.StartsWith(prefix + ".", StringComparison.Ordinal)).ToList()) ModelState.Remove(other);
        if (own.Count == 0) return null;
        ModelState.UseGovukBindingMessages(inputType, prefix);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
