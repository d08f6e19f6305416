using Microsoft.AspNetCore.Identity;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.Web.Authentication;

/// <summary>
/// Signs in with an email address and password. An address without an account costs the same password-hash work and
/// gets the same answers, lockout included, as a real account with a wrong password. A disabled account answers
/// <see cref="SignInResult.NotAllowed"/> to its right password and "locked" to any other.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, UnknownAccounts unknown)
{
    public async Task<(SignInResult Result, AppUser? User)> SignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        // A disabled account says so only to someone who knows its password; anyone else gets the locked answer.
        if (user is not null && user.IsDisabled())
            return (await users.CheckPasswordAsync(user, password) ? SignInResult.NotAllowed : SignInResult.LockedOut, user);
        if (user is not null)
            return (await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true), user);

        var name = users.NormalizeEmail(email) ?? email;
        if (unknown.IsLockedOut(name)) return (SignInResult.LockedOut, null);
        var decoy = new AppUser();
        users.PasswordHasher.VerifyHashedPassword(decoy, unknown.DecoyHash(users.PasswordHasher), password);
        return (unknown.RecordFailure(name) ? SignInResult.LockedOut : SignInResult.Failed, null);
    }
}
