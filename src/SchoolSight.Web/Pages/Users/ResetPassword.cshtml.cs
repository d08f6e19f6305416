using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Users;

/// <summary>An administrator gets a one-time link for a user to set a new password; it is shown on this answer only.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class ResetPasswordModel(ManageUsers manage, IssuePasswordResetLink issue) : UserActionModel(manage)
{
    public string? Link { get; private set; }
    public DateTime ExpiresAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await issue.RunAsync(id, ct);
        if (!result.Succeeded) return this.Failed(result, prefix: "");
        Link = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{result.Value!.Path}";
        ExpiresAt = result.Value.ExpiresAt;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
