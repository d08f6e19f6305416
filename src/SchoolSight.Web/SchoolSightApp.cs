using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Scalar.AspNetCore;
using SchoolSight.Core;
using SchoolSight.Core.Access;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.Imports;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Retention;
using SchoolSight.Core.Time;
using SchoolSight.Web.Api;
using SchoolSight.Web.Authentication;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Survey;

namespace SchoolSight.Web;

public static class SchoolSightApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var services = builder.Services;
        var database = DatabaseOptions.FromConfiguration(builder.Configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddLaClock(builder.Configuration);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddSchoolSightDatabase(database);
        var tempFolder = ImportTempFolder.FromConfiguration(builder.Configuration);
        services.AddSingleton(tempFolder);
        services.AddSchoolSightCore();
        services.AddSchoolSightAttachments(builder.Configuration);
        services.AddImprovingOutcomesProgramme(builder.Configuration);
        services.AddPupilDataRetention(builder.Configuration);
        services.AddSingleton<RecomputeAtStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<RecomputeAtStartup>());

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                PasswordRules.Apply(options.Password);
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddClaimsPrincipalFactory<SchoolSightClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "SchoolSight.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddSchoolSightSignIn(builder.Configuration);
        services.AddSchoolSightSurveyPages(builder.Configuration);

        services.AddAuthorization(options => options.AddSchoolSightPolicies());
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();

        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/SignOut");
            options.Conventions.AllowAnonymousToPage("/Account/SignInCode");
            options.Conventions.AllowAnonymousToPage("/Account/SignInRecoveryCode");
            options.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            options.Conventions.AllowAnonymousToPage("/Error");
        }).AddMvcOptions(options => options.ModelBinderProviders.Insert(0, new DateInputBinderProvider()));
        services.AddAntiforgery(o => o.Cookie.Name = "SchoolSight.Antiforgery");
        services.AddSchoolSightPerimeter(builder.Configuration);
        services.AddSchoolSightObservability(builder.Configuration);
        // Keys that protect sign-in and antiforgery cookies survive restarts (signed-in users stay signed in).
        services.AddDataProtection()
            .SetApplicationName("SchoolSight")
            .PersistKeysToFileSystem(new DirectoryInfo(builder.Configuration["DataProtection:KeysFolder"] ?? Path.Combine("data", "keys")));
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "SchoolSight API";
                document.Info.Description = "The school register, localities, clusters, partners and imports of SchoolSight. Sign in to the web app first: the API uses the same sign-in and the same permissions as the pages. " + ApiRequestHeader.Explanation;
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(ApiRequestHeader.DescribeAsync);
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        });

        var app = builder.Build();
        // Files a crash left in the imports' private folder (uploads, pupil blocks) go before anything else runs.
        if (tempFolder.Sweep() is > 0 and var swept)
            app.Logger.LogInformation("Removed {Count} temporary import file(s) left in {Folder}.", swept, tempFolder.Path);
        app.UseSchoolSightPerimeter();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/Error");
        // Pages get the GOV.UK error page; the API keeps its status codes and gets RFC 7807 problem details.
        app.UseWhen(context => !IsApi(context.Request.Path), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseWhen(context => IsApi(context.Request.Path), api => api.UseStatusCodePages());
        app.UseMiddleware<PrivateUploadBuffer>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSchoolSightSignIn();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapSchoolSightHealth();
        app.MapRazorPages();
        app.MapSchoolSightApi();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.SignedIn);
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("SchoolSight API").DisableDefaultFonts().AddDocument("v1", "SchoolSight API v1", "/openapi/v1.json"))
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }

    /// <summary>
    /// Migrates the database and, when configured (the demo), fills an empty one with Demo Borough; then lets the
    /// recompute an earlier import left waiting run (<see cref="RecomputeAtStartup"/>). In Production a
    /// missing or empty database is refused unless <c>Database:CreateIfMissing</c> is true; a database that cannot be
    /// opened or written is refused too. Both throw <see cref="DatabaseSetupException"/> with a one-line message.
    /// </summary>
    public static Task PrepareDatabaseAsync(WebApplication app) => PrepareDatabaseAsync(app.Services, app.Configuration);

    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(ActingUsers.StartUp);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("SchoolSight");
        var createIfMissing = configuration.GetValue<bool?>(DatabaseReadiness.CreateIfMissingSetting)
            ?? !services.GetRequiredService<IHostEnvironment>().IsProduction();
        if (!createIfMissing) await DatabaseReadiness.EnsureExistsAsync(db);
        await DatabaseReadiness.RunAsync(db, () => DatabaseInitializer.MigrateAsync(db));
        if (configuration.GetValue<bool>("Demo:SeedOnEmptyDatabase"))
        {
            var seeded = await DatabaseReadiness.RunAsync(db, () => DemoSeeder.SeedIfEmptyAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>()));
            if (seeded) logger.LogInformation("Filled the empty database with the Demo Borough demo data.");
            var users = string.Join(Environment.NewLine, DemoSeeder.DemoUsers.Select(u => $"    {u.Role,-28} {u.Email}"));
            logger.LogInformation("Demo sign-in (password for every demo user: {Password}):{NewLine}{Users}",
                DemoSeeder.DemoPassword, Environment.NewLine, users);
        }
        services.GetService<RecomputeAtStartup>()?.DatabaseReady();
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/openapi");

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
