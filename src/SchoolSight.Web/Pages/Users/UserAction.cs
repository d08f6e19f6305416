using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.Web.Pages.Users;

/// <summary>
/// A change to one user's access that the administrator confirms first (disable, enable, reset the password): the
/// page shows whom it is about and what will happen, and the form carries the version they saw.
/// </summary>
public abstract class UserActionModel(ManageUsers manage) : PageModel
{
    [BindProperty] public string ConcurrencyStamp { get; set; } = "";
    public AppUser Subject { get; private set; } = null!;
    public bool IsSelf => Subject.Id == User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    protected async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await manage.GetAsync(id, ct) is not { } found) return false;
        Subject = found.User;
        if (Request.Method == HttpMethods.Get) ConcurrencyStamp = Subject.ConcurrencyStamp ?? "";
        return true;
    }

    /// <summary>Back to the list with a success message, or this page again with the operation's errors.</summary>
    protected IActionResult Finish<T>(OperationResult<T> result, string success)
    {
        if (!result.Succeeded) return this.Failed(result, prefix: "");
        TempData["Success"] = success;
        return RedirectToPage("Index");
    }
}
