using Microsoft.AspNetCore.Identity;

namespace SchoolSight.Core.Access;

/// <summary>SchoolSight's password rule (12 characters, upper and lower case, a number and a symbol), the same wherever a password is set.</summary>
public static class PasswordRules
{
    public static void Apply(PasswordOptions password)
    {
        password.RequiredLength = 12;
        password.RequireNonAlphanumeric = true;
        password.RequireDigit = true;
        password.RequireUppercase = true;
        password.RequireLowercase = true;
    }
}
