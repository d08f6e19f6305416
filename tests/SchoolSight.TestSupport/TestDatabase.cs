using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SchoolSight.Core;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.TestSupport;

/// <summary>
/// A fresh, migrated database for one test class, on SQLite (a temporary file) or PostgreSQL (a new database on the
/// server named by SCHOOLSIGHT_TEST_POSTGRES, which the test script starts). Every data-access test runs on both.
/// Migrating (and filling with the demo data, for the web tests) is done once per test run and provider into a template;
/// each test gets a copy of it (a file copy on SQLite, <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL).
/// SQLite connections are pooled, as in the app's own default: without a pool every context opened the file, read its
/// schema and, closing, checkpointed its write-ahead log (the SQLite access-matrix walk took 1.7 times as long).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SCHOOLSIGHT_TEST_POSTGRES";

    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseOptions options, string? sqliteFile, string? postgresName)
    {
        Options = options;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseOptions Options { get; }
    public DatabaseProvider Provider => Options.Provider;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        if (migrate) return await CloneAsync(await Templates.GetOrCreateAsync((provider, "migrated"), () => CreateMigratedAsync(provider)));
        return await CreateEmptyAsync(provider);
    }

    /// <summary>
    /// A copy of a migrated database filled by <paramref name="seed"/>: the filling is done once per test run, provider
    /// and <paramref name="name"/>, into a template; each call gets a copy of it, so every test still starts from the
    /// same data and may change it freely.
    /// </summary>
    public static async Task<TestDatabase> CreateSeededAsync(DatabaseProvider provider, string name, Func<TestDatabase, Task> seed) =>
        await CloneAsync(await Templates.GetOrCreateAsync((provider, name), async () =>
        {
            var database = await CreateAsync(provider);
            try
            {
                await seed(database);
                database.ReleaseConnections();
                return database;
            }
            catch
            {
                await database.DisposeAsync();
                throw;
            }
        }));

    private static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        var database = await CreateEmptyAsync(provider);
        await using (var db = database.CreateContext()) await DatabaseInitializer.MigrateAsync(db);
        database.ReleaseConnections();
        return database;
    }

    /// <summary>Templates made once per test run, keyed by provider and what they hold; dropped when the run ends.</summary>
    internal static class Templates
    {
        private static readonly Dictionary<(DatabaseProvider, string), Lazy<Task<TestDatabase>>> Made = [];

        static Templates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var template in Made.Values.Where(t => t.IsValueCreated && t.Value.IsCompletedSuccessfully))
            {
                try { template.Value.Result.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10)); }
                catch (Exception) { /* the throwaway server or temporary folder goes anyway */ }
            }
        };

        public static Task<TestDatabase> GetOrCreateAsync((DatabaseProvider, string) key, Func<Task<TestDatabase>> create)
        {
            Lazy<Task<TestDatabase>> template;
            lock (Made)
            {
                if (!Made.TryGetValue(key, out template!) || (template.IsValueCreated && template.Value.IsFaulted))
                    Made[key] = template = new Lazy<Task<TestDatabase>>(create);
            }
            return template.Value;
        }
    }

    /// <summary>A new database holding exactly what <paramref name="template"/> holds.</summary>
    public static async Task<TestDatabase> CloneAsync(TestDatabase template)
    {
        if (template.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"schoolsight-test-{Guid.NewGuid():N}.db");
            foreach (var suffix in new[] { "", "-wal" })
                if (File.Exists(template._sqliteFile + suffix)) File.Copy(template._sqliteFile + suffix, file + suffix);
            return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file}"), file, null);
        }
        var name = await template.TakePostgresCopyAsync();
        var builder = new NpgsqlConnectionStringBuilder(PostgresServer()) { Database = name };
        return new TestDatabase(new DatabaseOptions(DatabaseProvider.Postgres, builder.ConnectionString), null, name);
    }

    /// <summary>
    /// PostgreSQL: the copies of this template are made one after another, each as soon as the one before it is taken,
    /// so a test usually finds its copy made while the test before it ran (a copy costs about a second, mostly waiting
    /// on the server) and two copies of one template are never asked for at once.
    /// </summary>
    private Task<string>? _nextCopy;
    private readonly Lock _copying = new();

    private Task<string> TakePostgresCopyAsync()
    {
        lock (_copying)
        {
            var taken = _nextCopy ?? MakePostgresCopyAsync();
            _nextCopy = taken.ContinueWith(_ => MakePostgresCopyAsync(), TaskScheduler.Default).Unwrap();
            return taken;
        }
    }

    private async Task<string> MakePostgresCopyAsync()
    {
        var name = $"schoolsight_test_{Guid.NewGuid():N}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(PostgresServer());
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{_postgresName}\"", connection);
                await command.ExecuteNonQueryAsync();
                return name;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                // The template is in use at this moment (by another test process, say).
                await Task.Delay(50 * attempt);
            }
        }
    }

    /// <summary>Closes pooled connections to this database, so that it can be copied.</summary>
    public void ReleaseConnections()
    {
        if (Provider == DatabaseProvider.Sqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(Options.ConnectionString));
        else NpgsqlConnection.ClearPool(new NpgsqlConnection(Options.ConnectionString));
    }

    private static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"schoolsight-test-{Guid.NewGuid():N}.db");
            database = new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file}"), file, null);
        }
        else
        {
            var server = PostgresServer();
            var name = $"schoolsight_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
            database = new TestDatabase(new DatabaseOptions(DatabaseProvider.Postgres, builder.ConnectionString), null, name);
        }
        return database;
    }

    /// <summary>The PostgreSQL server for tests. Missing it is a failure, not a skip: CI must run both databases.</summary>
    public static string PostgresServer() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with the test script in README.md, which starts a throwaway PostgreSQL server.");

    public AppDbContext CreateContext(ICurrentUser? user = null, TimeProvider? clock = null, params IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Options.Apply(builder);
        if (interceptors.Length > 0) builder.AddInterceptors(interceptors);
        return AppDbContext.Create(builder.Options, user ?? new FixedCurrentUser("test-admin@demo-borough.example"), clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(new Microsoft.Data.Sqlite.SqliteConnection(Options.ConnectionString));
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(_sqliteFile + suffix)) File.Delete(_sqliteFile + suffix);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer());
            await connection.OpenAsync();
            foreach (var name in new[] { await UntakenCopyAsync(), _postgresName }.OfType<string>())
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    /// <summary>A template's copy made ahead that no test took, if any.</summary>
    private async Task<string?> UntakenCopyAsync()
    {
        Task<string>? next;
        lock (_copying) (next, _nextCopy) = (_nextCopy, null);
        if (next is null) return null;
        try { return await next; }
        catch (Exception) { return null; }
    }
}
