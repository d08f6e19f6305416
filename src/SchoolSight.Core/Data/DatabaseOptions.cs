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
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText)
            && !Enum.TryParse(providerText.Replace("PostgreSQL", "Postgres", StringComparison.OrdinalIgnoreCase), ignoreCase: true, out provider) | !Enum.IsDefined(provider))
            throw new DatabaseSetupException($"Database:Provider is '{providerText}': it must be Sqlite or Postgres.");
        var connection = configuration["Database:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new DatabaseSetupException("Database:ConnectionString must be set when Database:Provider is Postgres.");
            connection = DefaultSqlite;
        }
        return new DatabaseOptions(provider, connection);
    }

    public void Apply(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly("SchoolSight.Migrations.Sqlite"));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("SchoolSight.Migrations.Postgres"));
                break;
        }
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
