using Microsoft.AspNetCore.Identity;
using SchoolSight.Core.Data;
namespace SchoolSight.Web.Authentication;

/// <summary>
/// Sign-in hardening: server-side session end and an absolute lifetime, the same answers for unknown accounts,
/// attempt limits per address and per account, and two-factor sign-in (required for LA staff when configured).
/// </summary>
public static class SignInSecurity
{
    public static IServiceCollection AddSchoolSightSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SignInSecurityOptions.Section);
        services.Configure<SignInSecurityOptions>(section);
        var security = section.Get<SignInSecurityOptions>() ?? new SignInSecurityOptions();

        services.AddSingleton<UnknownAccounts>();
        services.AddSingleton<SessionStamps>();
        services.AddScoped<IUserStore<AppUser>, SessionCheckedUserStore>();
        services.AddScoped<PasswordSignIn>();
        services.ConfigureApplicationCookie(options =>
        {
            options.ExpireTimeSpan = security.SessionIdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = SessionLifetime.OnSigningIn;
            options.Events.OnValidatePrincipal = SessionLifetime.OnValidatePrincipal;
        });
        services.AddRateLimiter(options => SignInRateLimits.Configure(options, security));
        return services;
    }

    /// <summary>After authentication: the attempt limits, then the two-factor requirement.</summary>
    public static IApplicationBuilder UseSchoolSightSignIn(this IApplicationBuilder app)
    {
        app.Use(SignInRateLimits.ReadAttemptFormAsync);
        app.UseRateLimiter();
        app.Use(TwoFactorRequirement.EnforceAsync);
        return app;
    }
}
