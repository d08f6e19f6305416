namespace SchoolSight.Web.Authentication;

/// <summary>What sign-in says, the same whether or not the account exists.</summary>
public static class SignInMessages
{
    public const string NotRight = "The email address or password is not right.";
    public const string Disabled = "This account has been disabled. Ask your LA administrator if you still need it.";
    public const string Locked = "This account is locked after too many failed attempts. Try again in 15 minutes or ask your LA administrator.";
}
