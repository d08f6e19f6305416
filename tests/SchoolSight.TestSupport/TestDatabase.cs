using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;

namespace SchoolSight.TestSupport;

/// <summary>
/// A fresh, migrated database for one test class, on SQLite (a temporary file) or PostgreSQL (a new database on the
/// server named by SCHOOLSIGHT_TEST_POSTGRES, which the test script starts). Every data-access test runs on both.
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
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"schoolsight-test-{Guid.NewGuid():N}.db");
            database = new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), file, null);
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
        if (migrate)
        {
            await using var db = database.CreateContext();
            await DatabaseInitializer.MigrateAsync(db);
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
        return new AppDbContext(builder.Options, user ?? new FixedCurrentUser("test-admin@demo-borough.example"), clock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                if (File.Exists(_sqliteFile + suffix)) File.Delete(_sqliteFile + suffix);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
