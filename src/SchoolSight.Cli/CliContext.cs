using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Time;
using Spectre.Console;

namespace SchoolSight.Cli;

/// <summary>Exit codes of <c>schoolsight</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A usage error, or the command could not run (file not found, database unreachable or not migrated).</summary>
    public const int Failed = 1;

    /// <summary>The import file was rejected: nothing was changed.</summary>
    public const int Rejected = 2;
}

/// <summary>
/// The options every command takes, and the services a command runs with. The database is chosen as the web app
/// chooses it: appsettings.json beside the executable, then the environment variables <c>Database__Provider</c>
/// (Sqlite or Postgres) and <c>Database__ConnectionString</c>, then <c>--provider</c> and <c>--database</c>;
/// by default the SQLite file data/schoolsight.db under the current folder.
/// </summary>
public static class CliContext
{
    public const string UserVariable = "SCHOOLSIGHT_USER";

    public static readonly Option<string?> Database = new("--database", "-d")
    {
        Description = "Database connection string (default: Database__ConnectionString, appsettings.json, or Data Source=data/schoolsight.db)",
        Recursive = true,
    };

    public static readonly Option<DatabaseProvider?> Provider = new("--provider")
    {
        Description = "Database provider: Sqlite or Postgres (default: Database__Provider, appsettings.json, or Sqlite)",
        Recursive = true,
    };

    public static readonly Option<string?> User = new("--user", "-u")
    {
        Description = $"Who is acting, for the audit trail (default: {UserVariable}, or \"SchoolSight command line (run by <your user name>)\")",
        Recursive = true,
    };

    public static DatabaseOptions DatabaseOptionsFor(ParseResult parse) => DatabaseOptions.FromConfiguration(Configuration(parse));

    private static IConfiguration Configuration(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if (parse.GetValue(Provider) is { } provider) overrides["Database:Provider"] = provider.ToString();
        if (parse.GetValue(Database) is { Length: > 0 } connection) overrides["Database:ConnectionString"] = connection;
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
    }

    public static string UserName(ParseResult parse) =>
        parse.GetValue(User) is { Length: > 0 } user ? user
        : Environment.GetEnvironmentVariable(UserVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : $"SchoolSight command line (run by {Environment.UserName})";

    /// <summary>
    /// The services a command runs with: the Core operations over the chosen database, acting as the CLI user. Files a
    /// crash left in the imports' private temporary folder (<c>Imports:TempFolder</c>) are removed first.
    /// </summary>
    public static ServiceProvider Services(ParseResult parse)
    {
        var configuration = Configuration(parse);
        return Services(DatabaseOptions.FromConfiguration(configuration), UserName(parse), ImportTempFolder.FromConfiguration(configuration), configuration);
    }

    public static ServiceProvider Services(DatabaseOptions database, string userName, ImportTempFolder? tempFolder = null, IConfiguration? configuration = null)
    {
        tempFolder ??= ImportTempFolder.Default;
        tempFolder.Sweep();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        // The LA's settings (its own indicator catalogue, the coverage warning...) reach the operations as in the web app.
        if (configuration is not null) services.AddSingleton(configuration);
        services.AddLaClock(configuration);
        // The command line acts as itself, or, in a scope made for one person (ActingUsers.CreateScopeAs), as that person.
        var commandLine = ActingUsers.CommandLine(userName);
        services.AddScoped<ICurrentUser>(sp => sp.GetService<ScopeActor>()?.User ?? commandLine);
        services.AddSchoolSightDatabase(database);
        services.AddSingleton(tempFolder);
        services.AddSchoolSightCore();
        services.AddIdentityCore<AppUser>(o => PasswordRules.Apply(o.Password)).AddEntityFrameworkStores<AppDbContext>();
        return services.BuildServiceProvider();
    }

    /// <summary>The database as people know it: the file or the host and database, never a password.</summary>
    public static string Describe(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
            return $"SQLite {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource}";
        var postgres = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
        return $"PostgreSQL {postgres.Database} on {postgres.Host}:{postgres.Port}";
    }

    /// <summary>False, with a message, when the database is missing tables: commands other than <c>db migrate</c> do not change the schema.</summary>
    public static async Task<bool> EnsureMigratedAsync(AppDbContext db, CancellationToken ct)
    {
        await DatabaseReadiness.EnsureExistsAsync(db, ct);
        var pending = (await DatabaseReadiness.RunAsync(db, () => db.Database.GetPendingMigrationsAsync(ct))).ToList();
        if (pending.Count == 0) return true;
        AnsiConsole.MarkupLine($"[red]The database is not up to date ({pending.Count} migration(s) to apply).[/] Run [bold]schoolsight db migrate[/] first.");
        return false;
    }

    /// <summary>
    /// <see cref="EnsureMigratedAsync"/>, then finishes any recompute an earlier import left waiting (its process
    /// stopped after the import was saved), so that no one needs to know to run <c>schoolsight compute</c>.
    /// </summary>
    public static async Task<bool> ReadyAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!await EnsureMigratedAsync(services.GetRequiredService<AppDbContext>(), ct)) return false;
        var pending = services.GetRequiredService<Core.Indicators.RecomputePending>();
        if (!await pending.AnyAsync(ct)) return true;
        AnsiConsole.MarkupLine("An earlier import's recompute did not finish: finishing it first…");
        var result = await pending.RunAsync(ct: ct);
        if (result is not null)
            AnsiConsole.MarkupLine($"Recomputed {result.SchoolYearsComputed:N0} school-year(s) and {result.AreasComputed:N0} area(s) in {result.Elapsed.TotalSeconds:0.0} s.");
        return true;
    }

    public static int Fail(string message)
    {
        AnsiConsole.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return ExitCodes.Failed;
    }
}
