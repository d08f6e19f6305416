using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSight.Core;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;

namespace SchoolSight.Bench;

/// <summary>A fresh migrated database for one run: a temporary SQLite file, or a new PostgreSQL database.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly DatabaseOptions _options;
    private readonly string? _file;
    private readonly string? _postgresName;

    private BenchDatabase(DatabaseOptions options, string? file, string? postgresName) => (_options, _file, _postgresName) = (options, file, postgresName);

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider)
    {
        BenchDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"schoolsight-bench-{Guid.NewGuid():N}.db");
            database = new BenchDatabase(new DatabaseOptions(provider, $"Data Source={file}"), file, null);
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES")!;
            var name = $"schoolsight_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            database = new BenchDatabase(new DatabaseOptions(provider, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString), null, name);
        }
        await using var db = database.CreateContext();
        await DatabaseInitializer.MigrateAsync(db);
        return database;
    }

    public DatabaseOptions Options => _options;

    public AppDbContext CreateContext(Role role = Role.LaAdministrator)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        _options.Apply(builder);
        return AppDbContext.Create(builder.Options, new FixedCurrentUser("bench", role));
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_file + suffix);
        }
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
