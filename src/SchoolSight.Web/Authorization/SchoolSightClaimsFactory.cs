using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Authorization;

/// <summary>
/// Puts the user's role and school scope into their sign-in cookie. When a role or assignment changes the
/// user's security stamp changes too, and the cookie is re-issued at the next validation.
/// </summary>
public sealed class SchoolSightClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(SchoolSightClaims.DisplayName, user.DisplayName));
        if (user.Role.IsSchoolBound() && user.SchoolUrn is { } urn)
            identity.AddClaim(new Claim(SchoolSightClaims.School, urn.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.Role == Role.SchoolImprovementPartner)
        {
            // Read before the user is signed in, so past the query filter: the assignments are what their scope is made of.
            var assigned = await db.SipAssignments.IgnoreQueryFilters().Where(a => a.UserId == user.Id).Select(a => a.Urn).ToListAsync();
            foreach (var assignedUrn in assigned)
                identity.AddClaim(new Claim(SchoolSightClaims.School, assignedUrn.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.Role == Role.Partner && user.PartnerId is { } partnerId)
            identity.AddClaim(new Claim(SchoolSightClaims.PartnerId, partnerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
