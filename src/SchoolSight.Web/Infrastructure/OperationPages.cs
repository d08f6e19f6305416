using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;

namespace SchoolSight.Web;

/// <summary>
/// How a page answers a failed Core operation, the same on every page: a record that is not found is the 404 page, a
/// refusal of the person's role or school scope is the access-denied page (403), and invalid values, a rule of the
/// process standing in the way or someone else's change are shown on the form in the GOV.UK error summary.
/// </summary>
public static class OperationPages
{
    /// <summary>404 when the operation did not find its record, the access-denied page when it was forbidden; otherwise null: the form shows the errors.</summary>
    public static IActionResult? Refusal<T>(this PageModel page, OperationResult<T> result) =>
        result.IsNotFound ? page.NotFound() : result.IsForbidden ? page.Forbid() : null;

    /// <summary>The answer to a failed operation on a form whose page needs nothing reloaded: <see cref="Refusal{T}"/>, or the page again with every error in ModelState.</summary>
    public static IActionResult Failed<T>(this PageModel page, OperationResult<T> result, string prefix = "Input")
    {
        if (page.Refusal(result) is { } refused) return refused;
        page.ModelState.AddOperationErrors(result.Errors, prefix);
        return page.Page();
    }

    /// <summary>
    /// The answer to a failed operation on a form: <see cref="Refusal{T}"/>, or the page again with every error in
    /// ModelState under <paramref name="prefix"/>. <paramref name="reload"/> loads what the page shows, told whether it
    /// was a conflict (what the person typed is then cleared, so they start again from the record as it is now), and
    /// answers false when the record has gone (404).
    /// </summary>
    public static async Task<IActionResult> FailedAsync<T>(this PageModel page, OperationResult<T> result, Func<bool, Task<bool>> reload, string prefix = "Input")
    {
        if (page.Refusal(result) is { } refused) return refused;
        if (result.IsConflict) page.ModelState.Clear();
        if (!await reload(result.IsConflict)) return page.NotFound();
        page.ModelState.AddOperationErrors(result.Errors, prefix);
        return page.Page();
    }

    /// <summary>What a page says when a move form is sent without a move chosen.</summary>
    public const string ChooseAMove = "Choose what to do next.";

    /// <summary>
    /// The answer to a move form sent without its move: the page again, loaded by <paramref name="load"/> (which answers
    /// a refusal, or null when the page is ready), with <see cref="ChooseAMove"/> in the error summary.
    /// </summary>
    public static async Task<IActionResult> NoMoveChosenAsync(this PageModel page, Func<Task<IActionResult?>> load)
    {
        if (await load() is { } refused) return refused;
        page.ModelState.Clear();
        page.ModelState.AddModelError("", ChooseAMove);
        return page.Page();
    }
}
