using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SchoolSight.Core.Data;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Operations;

/// <summary><c>/health</c> answers anyone, says only whether SchoolSight can use its database, and nothing more.</summary>
public abstract class HealthTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Health_Answers200_WithItsDatabase_And503_WithoutIt_ToAnyone_WithOnlyTheStatus()
    {
        await using var app = await SchoolSightWebFactory.CreateAsync(provider);
        // An app of its own over this test's database: health checks run in a scope of their own, outside the request,
        // so the app the web tests share would check its own copy of the database rather than this test's.
        await using var own = app.WithWebHostBuilder(_ => { });
        var anyone = own.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var healthy = await anyone.GetAsync("/health");
        healthy.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await healthy.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        // Once seen set up, a check asks the database for one small row instead of its migrations: still healthy, and
        // still unhealthy the moment the database goes (below).
        (await anyone.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The database goes (the SQLite file is deleted, the PostgreSQL database dropped) while SchoolSight runs.
        await app.Database.DisposeAsync();

        var unhealthy = await anyone.GetAsync("/health");
        unhealthy.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await unhealthy.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
        if (provider == DatabaseProvider.Sqlite && DatabaseReadiness.SqliteFile(app.Database.Options.ConnectionString) is { } file)
            File.Exists(file).ShouldBeFalse("asking about the database does not create one");
    }
}

public sealed class HealthTests_Sqlite() : HealthTests(DatabaseProvider.Sqlite);
public sealed class HealthTests_Postgres() : HealthTests(DatabaseProvider.Postgres);
