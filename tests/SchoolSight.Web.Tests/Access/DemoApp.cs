using SchoolSight.Core.Data;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Access;

/// <summary>One demo app per test class, for tests that do not mind each other's changes.</summary>
public abstract class DemoApp(DatabaseProvider provider) : IAsyncLifetime
{
    public SchoolSightWebFactory App { get; private set; } = null!;
    public async Task InitializeAsync() => App = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteDemoApp() : DemoApp(DatabaseProvider.Sqlite);
public sealed class PostgresDemoApp() : DemoApp(DatabaseProvider.Postgres);
