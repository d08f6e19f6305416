using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Home;

/// <summary>The one-screen summary at the top of a school's page, as each reader may see it.</summary>
public abstract class SchoolSummaryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;
    private const int Urn = DemoSeeder.DemoHeadSchoolUrn;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheSchoolPage_OpensWithItsSummary_EachPartLinkedToItsDetail()
    {
        var html = await _app.ClientFor(Role.InterventionOfficer).GetStringAsync($"/Schools/{Urn}");
        html.ShouldContain("data-testid=\"school-summary\"");
        html.ShouldContain("data-testid=\"summary-level\"");
        html.ShouldContain($"href=\"/Schools/{Urn}/Level\"");
        html.ShouldContain("data-testid=\"summary-programme\"");
        html.ShouldContain("Next deadline:");
        html.ShouldContain("data-testid=\"summary-ofsted\"");
        html.ShouldContain($"href=\"/Schools/{Urn}/Judgements\"");
        var sip = DemoSeeder.DemoUsers.Single(u => u.Role == Role.SchoolImprovementPartner).Name;
        var sipRow = html[html.IndexOf("data-testid=\"summary-sip\"", StringComparison.Ordinal)..];
        sipRow[..sipRow.IndexOf("</dd>", StringComparison.Ordinal)].ShouldContain(sip);
        var indicators = html[html.IndexOf("data-testid=\"summary-indicators\"", StringComparison.Ordinal)..];
        System.Text.RegularExpressions.Regex.Matches(indicators[..indicators.IndexOf("</dl>", StringComparison.Ordinal)], $"href=\"/Schools/{Urn}/Data/").Count.ShouldBe(6);
    }

    [Fact]
    public async Task AHeadteacher_SeesTheirSchoolsSummary_WithoutTheLasProposal()
    {
        var html = await _app.ClientFor(Role.SchoolUser).GetStringAsync($"/Schools/{Urn}");
        html.ShouldContain("data-testid=\"summary-level\"");
        html.ShouldNotContain("/Categorisation/Proposals");
    }

    [Fact]
    public async Task ARoleThatDoesNotSeeLevels_GetsTheSummaryWithoutTheLevelOrJudgements()
    {
        var html = await _app.ClientFor(Role.HealthySchoolsCoordinator).GetStringAsync($"/Schools/{Urn}");
        html.ShouldContain("data-testid=\"school-summary\"");
        html.ShouldNotContain("data-testid=\"summary-level\"");
        html.ShouldNotContain("data-testid=\"summary-judgements\"");
        html.ShouldNotContain("data-testid=\"summary-programme\"");
    }
}

public sealed class SchoolSummaryTests_Sqlite() : SchoolSummaryTests(DatabaseProvider.Sqlite);
public sealed class SchoolSummaryTests_Postgres() : SchoolSummaryTests(DatabaseProvider.Postgres);
