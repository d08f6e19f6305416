using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SchoolSight.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database SchoolSight uses: <c>Database:Provider</c> (Sqlite, the embedded default, or Postgres) and
/// <c>Database:ConnectionString</c>; as environment variables <c>Database__Provider</c> and <c>Database__ConnectionString</c>.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqlite = "Data Source=data/schoolsight.db";

    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.Parse<DatabaseProvider>(providerText.Replace("PostgreSQL", "Postgres", StringComparison.OrdinalIgnoreCase), ignoreCase: true);
        var connection = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database:ConnectionString must be set when Database:Provider is Postgres.");
            connection = DefaultSqlite;
        }
        return new DatabaseOptions(provider, connection);
    }

    public void Apply(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(ConnectionString);
                builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly("SchoolSight.Migrations.Sqlite"));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("SchoolSight.Migrations.Postgres"));
                break;
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(csb.DataSource) || csb.DataSource == ":memory:" || csb.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

public static class DatabaseServiceCollectionExtensions
{
    public static IServiceCollection AddSchoolSightDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddDbContext<AppDbContext>(options.Apply);
        return services;
    }
}
