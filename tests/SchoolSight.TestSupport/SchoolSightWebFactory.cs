using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Web;

namespace SchoolSight.TestSupport;

/// <summary>
/// SchoolSight in memory over a real database (SQLite or PostgreSQL) filled with the Demo Borough data.
/// <see cref="ClientFor"/> gives a client signed in as one of the demo users, through the same claims as a real
/// sign-in, and sending the header the API asks of every write; <see cref="AnonymousClient"/> has no sign-in and follows no redirects.
/// Each factory has its own copy of Demo Borough; most share one running app per provider, which serves each factory's
/// requests and scopes from that factory's copy (see <see cref="TestDatabaseRouting"/>).
/// </summary>
public sealed class SchoolSightWebFactory : WebApplicationFactory<Program>
{
    public const string TestUserHeader = "X-SchoolSight-Test-User";
    private readonly TestDatabase _database;

    private readonly TimeProvider? _clock;

    /// <summary>The running app this factory shares (null when it has an app of its own).</summary>
    private readonly SchoolSightWebFactory? _shared;
    private bool _hostTaken;
    private IServiceProvider? _routedServices;

    private SchoolSightWebFactory(TestDatabase database, TimeProvider? clock, SchoolSightWebFactory? shared = null)
    {
        _database = database;
        _clock = clock;
        _shared = shared;
    }

    public TestDatabase Database => _database;

    /// <summary>
    /// The app over a fresh database; with <paramref name="realServer"/>, on Kestrel at 127.0.0.1 (for the browser tests);
    /// with <paramref name="clock"/>, reading the time from it (deadlines, demo data, audit) instead of the system clock.
    /// Without either, the fresh database is served by the app shared by every such factory of the run
    /// (the copy is already migrated and filled, so it is served as it is); <c>WithWebHostBuilder</c> still builds an app of its own.
    /// </summary>
    public static async Task<SchoolSightWebFactory> CreateAsync(DatabaseProvider provider, bool realServer = false, TimeProvider? clock = null)
    {
        if (!realServer && clock is null)
        {
            var shared = await SharedApps.GetAsync(provider);
            var factory = new SchoolSightWebFactory(await TestDatabase.CloneAsync(await DemoTemplateAsync(provider, clock)), null, shared);
            // Takes the shared host now, before any WithWebHostBuilder could (that one builds and later stops an app of its own).
            _ = factory.Server;
            return factory;
        }
        return await CreateOwnAppAsync(provider, realServer, clock);
    }

    private static async Task<SchoolSightWebFactory> CreateOwnAppAsync(DatabaseProvider provider, bool realServer, TimeProvider? clock)
    {
        var database = await TestDatabase.CloneAsync(await DemoTemplateAsync(provider, clock));
        var factory = new SchoolSightWebFactory(database, clock) { _browserJourneys = realServer };
        if (realServer)
        {
            factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
            factory.StartServer();
        }
        await SchoolSightApp.PrepareDatabaseAsync(factory.Services, factory.Services.GetRequiredService<IConfiguration>());
        return factory;
    }

    /// <summary>
    /// The app on Kestrel at 127.0.0.1 over <paramref name="database"/> as it is, as an LA runs it on its own database:
    /// no demo data is added. The caller keeps the database.
    /// </summary>
    public static async Task<SchoolSightWebFactory> WithoutDemoAsync(TestDatabase database)
    {
        var factory = new SchoolSightWebFactory(database, null) { _ownsDatabase = false, _seedDemo = false };
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        await SchoolSightApp.PrepareDatabaseAsync(factory.Services, factory.Services.GetRequiredService<IConfiguration>());
        return factory;
    }

    /// <summary>One running app per provider for the whole test run, over a copy of Demo Borough of its own; stopped when the run ends.</summary>
    private static class SharedApps
    {
        private static readonly Dictionary<DatabaseProvider, Lazy<Task<SchoolSightWebFactory>>> Apps = [];

        static SharedApps() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var app in Apps.Values.Where(a => a.IsValueCreated && a.Value.IsCompletedSuccessfully))
            {
                try { app.Value.Result.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)); }
                catch (Exception) { /* the throwaway server or temporary folder goes anyway */ }
            }
        };

        public static Task<SchoolSightWebFactory> GetAsync(DatabaseProvider provider)
        {
            Lazy<Task<SchoolSightWebFactory>> app;
            lock (Apps)
            {
                if (!Apps.TryGetValue(provider, out app!) || (app.IsValueCreated && app.Value.IsFaulted))
                    Apps[provider] = app = new Lazy<Task<SchoolSightWebFactory>>(() => CreateOwnAppAsync(provider, realServer: false, clock: null));
            }
            return app.Value;
        }
    }

    /// <summary>
    /// Demo Borough, migrated and filled once per test run for each provider and each clock's "now" (the demo's dates
    /// follow the clock), which every app of the run then copies.
    /// </summary>
    private static Task<TestDatabase> DemoTemplateAsync(DatabaseProvider provider, TimeProvider? clock)
    {
        var now = clock?.GetUtcNow() ?? TimeProvider.System.GetUtcNow();
        var key = clock is null ? $"demo {now:yyyy-MM-dd}" : $"demo at {now:O}";
        return TestDatabase.Templates.GetOrCreateAsync((provider, key), async () =>
        {
            var database = await TestDatabase.CreateAsync(provider);
            await using (var factory = new SchoolSightWebFactory(database, clock) { _ownsDatabase = false })
                await SchoolSightApp.PrepareDatabaseAsync(factory.Services, factory.Services.GetRequiredService<IConfiguration>());
            database.ReleaseConnections();
            return database;
        });
    }

    private bool _ownsDatabase = true;
    private bool _seedDemo = true;
    private bool _browserJourneys;

    /// <summary>The services of the app; on a shared app, every scope made from them opens this factory's database.</summary>
    public override IServiceProvider Services =>
        _shared is null ? base.Services : _routedServices ??= new TestDatabaseRouting.RoutedServices(base.Services, _database.Options);

    /// <summary>A factory that shares an app takes that app's host the first time; <c>WithWebHostBuilder</c> builds its own.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        if (_shared is null || _hostTaken) return base.CreateHost(builder);
        _hostTaken = true;
        return new SharedHost(_shared.Services);
    }

    /// <summary>Every client names this factory's database, so that a shared app serves it from there.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(TestDatabaseRouting.Header, _database.Options.ConnectionString);
    }

    /// <summary>The address of the real server (after <c>CreateAsync(provider, realServer: true)</c>).</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Each test app would otherwise watch appsettings.json with an inotify instance; many apps at once exhaust the per-user limit.
        builder.UseSetting("hostBuilder:reloadConfigOnChange", "false");
        builder.UseSetting("Database:Provider", _database.Options.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.Options.ConnectionString);
        builder.UseSetting("Database:ThreadSafetyChecks", "true");
        builder.UseSetting("Demo:SeedOnEmptyDatabase", _seedDemo ? "true" : "false");
        // Like the demo: LA staff may sign in without a second factor (tests that need it turn it on).
        builder.UseSetting("Security:RequireTwoFactorForLaRoles", "false");
        // The browser journeys sign the same demo users in through the real page many times within one attempt window;
        // the per-account and per-address limits themselves are proven by SignInProtectionTests.
        if (_browserJourneys)
        {
            builder.UseSetting("Security:AttemptsPerAccount", "1000");
            builder.UseSetting("Security:AttemptsPerAddress", "10000");
        }
        builder.UseSetting("DataProtection:KeysFolder", Path.Combine(Path.GetTempPath(), "schoolsight-test-keys"));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services =>
        {
            if (_clock is not null) services.AddSingleton(_clock);
            // Tests arrange and check data through the app's services, outside any request: as a named LA administrator.
            services.AddScoped(_ => new ScopeActor { User = TestArrangement });
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestUserHandler>(TestUserHandler.SchemeName, _ => { });
            services.AddAuthentication().AddPolicyScheme("TestOrCookie", "Test header or cookie", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(TestUserHeader) ? TestUserHandler.SchemeName : IdentityConstants.ApplicationScheme);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultAuthenticateScheme = "TestOrCookie";
                options.DefaultScheme = "TestOrCookie";
            });
            // Identity's 100,000 rounds per password would cost every demo user and every sign-in; tests need the check, not the cost.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
        });
        builder.ConfigureTestServices(services =>
        {
            services.AddTestDatabaseRouting();
            PerTestSignInLimits.Replace(services);
        });
    }

    /// <summary>Who acts when a test reads or writes through the app's services outside a request.</summary>
    public static ICurrentUser TestArrangement { get; } = new FixedCurrentUser("test-arrangement@demo-borough.example");

    public HttpClient ClientFor(string email, bool followRedirects = false)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects });
        client.DefaultRequestHeaders.Add(TestUserHeader, email);
        // What every API caller sends with a write (SchoolSight.Web.Api.ApiRequestHeader); pages ignore it.
        client.DefaultRequestHeaders.Add(Web.Api.ApiRequestHeader.Name, Web.Api.ApiRequestHeader.Value);
        return client;
    }

    public HttpClient ClientFor(Domain.Access.Role role, bool followRedirects = false) =>
        ClientFor(DemoSeeder.DemoUsers.Single(u => u.Role == role).Email, followRedirects);

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        // A shared app keeps running: only the apps built from this factory stop.
        if (_shared is null) await base.DisposeAsync();
        else
            foreach (var derived in Factories) await derived.DisposeAsync();
        if (_ownsDatabase) await _database.DisposeAsync();
    }

    /// <summary>The shared app's host as a factory that shares it sees it: stopping or disposing it leaves it running.</summary>
    private sealed class SharedHost(IServiceProvider services) : IHost
    {
        public IServiceProvider Services => services;
        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
        public void Dispose() { }
    }

    /// <summary>Signs the request in as the demo user named in the header, with the claims a real sign-in gives.</summary>
    private sealed class TestUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
        SignInManager<AppUser> signIn, UserManager<AppUser> users)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Test";

        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var email = Request.Headers[TestUserHeader].ToString();
            var user = await users.FindByEmailAsync(email);
            if (user is null) return AuthenticateResult.Fail($"No user {email}");
            var principal = await signIn.CreateUserPrincipalAsync(user);
            var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }
    }
}
