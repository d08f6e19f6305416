using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Time;

namespace SchoolSight.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database SchoolSight uses: <c>Database:Provider</c> (Sqlite, the embedded default, or Postgres) and
/// <c>Database:ConnectionString</c>; as environment variables <c>Database__Provider</c> and <c>Database__ConnectionString</c>.
/// <para>
/// <paramref name="ThreadSafetyChecks"/>: whether EF Core checks that no context is used by two threads at once. The
/// check sets an async-local value around every query and every row read (about a twentieth of what a page allocated),
/// to turn a programming error into a clear exception; the tests keep it on, and a running SchoolSight leaves it off
/// unless <c>Database:ThreadSafetyChecks</c> is true.
/// </para>
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString, bool ThreadSafetyChecks = true)
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
        return new DatabaseOptions(provider, connection, configuration.GetValue("Database:ThreadSafetyChecks", false));
    }

    public void Apply(DbContextOptionsBuilder builder)
    {
        builder.EnableThreadSafetyChecks(ThreadSafetyChecks);
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
    /// <summary>
    /// The database and a scoped <see cref="AppDbContext"/> per request or command, taken from a pool of contexts through
    /// <see cref="IAppDbContextSource"/>: building a context's options and services afresh for every request was a tenth
    /// of what a page allocated. Each context taken is given the scope's acting user and the LA's clock, and is returned
    /// with no one acting.
    /// </summary>
    public static IServiceCollection AddSchoolSightDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<AppDbContext>(options.Apply);
        services.AddSingleton<AppDbContextPool>();
        services.AddScoped<IAppDbContextSource>(provider => provider.GetRequiredService<AppDbContextPool>());
        services.AddScoped(provider => provider.GetRequiredService<IAppDbContextSource>().Open(
            provider.GetService<ICurrentUser>(),
            provider.GetService<LaClock>() ?? new LaClock(provider.GetService<TimeProvider>() ?? TimeProvider.System)));
        return services;
    }
}

/// <summary>Where a scope's contexts come from. The caller disposes each context it opens.</summary>
public interface IAppDbContextSource
{
    /// <summary>A context acting as <paramref name="user"/> (no one when null) on <paramref name="clock"/>.</summary>
    AppDbContext Open(ICurrentUser? user, LaClock clock);
}

/// <summary>The contexts of the configured database, lent from EF Core's pool; disposing one gives it back with no one acting.</summary>
public sealed class AppDbContextPool(IDbContextFactory<AppDbContext> pool) : IAppDbContextSource
{
    public AppDbContext Open(ICurrentUser? user, LaClock clock)
    {
        var db = pool.CreateDbContext();
        db.ActAs(user, clock);
        return db;
    }
}
