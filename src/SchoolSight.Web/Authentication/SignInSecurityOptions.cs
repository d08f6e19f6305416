namespace SchoolSight.Web.Authentication;

/// <summary>The <c>Security</c> settings: how long a sign-in lasts, how often anyone may try, and who needs a second factor.</summary>
public sealed class SignInSecurityOptions
{
    public const string Section = "Security";

    /// <summary>A session ends after this long without a request (each request moves it on).</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>A session ends this long after sign-in, however active it has been.</summary>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a user's security stamp, read for the session check, is kept in memory. Changes made by this web app
    /// (sign-out, a password or role change, disabling the user) drop it at once; a change made by another process (the
    /// <c>schoolsight</c> command line) is seen by the next request after this long at most.
    /// </summary>
    public TimeSpan SessionCheckStaleness { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Sign-in, second-factor and password-change attempts allowed from one address per window.</summary>
    public int AttemptsPerAddress { get; set; } = 100;

    /// <summary>Sign-in and password-change attempts allowed for one account name per window.</summary>
    public int AttemptsPerAccount { get; set; } = 10;

    public TimeSpan AttemptWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When true, LA staff must set up an authenticator app before they can use anything else.</summary>
    public bool RequireTwoFactorForLaRoles { get; set; }
}
