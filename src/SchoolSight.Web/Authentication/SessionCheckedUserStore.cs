using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using SchoolSight.Core.Data;

namespace SchoolSight.Web.Authentication;

/// <summary>
/// Identity's user store, which every change to a user in this app passes through (sign-out, password, roles, two-factor,
/// disabling): once the change is saved, the session check's copy of the user (<see cref="SessionStamps"/>) is dropped, so
/// the user's sessions are checked against the new stamp on their next request.
/// </summary>
public sealed class SessionCheckedUserStore(AppDbContext db, SessionStamps stamps, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext, string>(db, describer)
{
    public override async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.UpdateAsync(user, cancellationToken);
        }
        finally
        {
            stamps.Forget(user.Id);
        }
    }

    public override async Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.DeleteAsync(user, cancellationToken);
        }
        finally
        {
            stamps.Forget(user.Id);
        }
    }
}
