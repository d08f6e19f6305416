using System.Net;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests;

public abstract class HomePageTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Home_WhenSignedOut_RedirectsToSignIn()
    {
        var response = await _app.AnonymousClient().GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/SignIn");
    }

    [Fact]
    public async Task Home_ForAnLaAdministrator_ShowsTheDemoLaAndItsOpenSchools()
    {
        var html = await _app.ClientFor(Role.LaAdministrator).GetStringAsync("/");
        html.ShouldContain("Demo Borough");
        html.ShouldContain("Open schools by phase");
    }
}

public sealed class HomePageTests_Sqlite() : HomePageTests(DatabaseProvider.Sqlite);
public sealed class HomePageTests_Postgres() : HomePageTests(DatabaseProvider.Postgres);
