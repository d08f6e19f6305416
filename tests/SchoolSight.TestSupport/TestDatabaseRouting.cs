using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Time;

namespace SchoolSight.TestSupport;

/// <summary>
/// Lets one app serve many tests, each over its own copy of the database: a request carrying
/// <see cref="Header"/> (the test's connection string), or a scope made through <see cref="RoutedServices"/>, gets an
/// <see cref="AppDbContext"/> over that database; anything else uses the app's configured one.
/// </summary>
internal static class TestDatabaseRouting
{
    public const string Header = "X-SchoolSight-Test-Database";

    public static void AddTestDatabaseRouting(this IServiceCollection services)
    {
        services.AddScoped<TestDatabaseRoute>();
        services.AddScoped<IAppDbContextSource>(provider => provider.GetRequiredService<TestDatabaseRoute>().Options is { } routed
            ? new RoutedContexts(routed)
            : provider.GetRequiredService<AppDbContextPool>());
        services.AddSingleton<IStartupFilter, RouteRequests>();
    }

    /// <summary>Contexts over a test's own database: made for the scope (not pooled), as many test databases come and go.</summary>
    private sealed class RoutedContexts(DatabaseOptions database) : IAppDbContextSource
    {
        public AppDbContext Open(ICurrentUser? user, LaClock clock)
        {
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            database.Apply(builder);
            return AppDbContext.Create(builder.Options, user, laClock: clock);
        }
    }

    /// <summary>The database this scope's <see cref="AppDbContext"/> opens; null for the app's configured one.</summary>
    internal sealed class TestDatabaseRoute
    {
        public DatabaseOptions? Options { get; set; }
    }

    /// <summary>Reads the header before anything else runs, so every service of the request sees the test's database.</summary>
    private sealed class RouteRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[Header].ToString() is { Length: > 0 } connection)
                {
                    var configured = context.RequestServices.GetRequiredService<DatabaseOptions>();
                    context.RequestServices.GetRequiredService<TestDatabaseRoute>().Options = configured with { ConnectionString = connection };
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>The app's services as one test sees them: every scope made through it opens the test's database.</summary>
    internal sealed class RoutedServices(IServiceProvider root, DatabaseOptions database)
        : IServiceProvider, IKeyedServiceProvider, IServiceScopeFactory
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(IServiceScopeFactory) ? this : root.GetService(serviceType);

        public object? GetKeyedService(Type serviceType, object? serviceKey) =>
            ((IKeyedServiceProvider)root).GetKeyedService(serviceType, serviceKey);

        public object GetRequiredKeyedService(Type serviceType, object? serviceKey) =>
            ((IKeyedServiceProvider)root).GetRequiredKeyedService(serviceType, serviceKey);

        public IServiceScope CreateScope()
        {
            var scope = root.CreateScope();
            scope.ServiceProvider.GetRequiredService<TestDatabaseRoute>().Options = database;
            return scope;
        }
    }
}
