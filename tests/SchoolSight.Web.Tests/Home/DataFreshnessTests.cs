using System.Net;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Home;

/// <summary>What data SchoolSight holds and how old it is; the demo's data is recorded like any import.</summary>
public abstract class DataFreshnessTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheImportsPage_ListsTheDemosDataAsImports_NotNothingImported()
    {
        var html = await _app.ClientFor(Role.LaAdministrator).GetStringAsync("/Imports");
        html.ShouldNotContain("Nothing has been imported yet");
        html.ShouldContain("pupils_2024-25.csv");
        html.ShouldContain("surveys_2022-23.csv");
        html.ShouldContain("href=\"/Data/Freshness\"");
    }

    [Fact]
    public async Task TheFreshnessPage_SaysWhatIsHeld_FromWhichFile_ForWhichYears_AndHowOld()
    {
        var html = await _app.ClientFor(Role.InterventionOfficer).GetStringAsync("/Data/Freshness");
        html.ShouldContain("Pupil-level data, 2024/25");
        html.ShouldContain("Pupil and parent surveys, 2022/23");
        html.ShouldContain("From pupils_2024-25.csv");
        html.ShouldContain("(today)");
        html.ShouldContain("What is missing");
        html.ShouldNotContain("data-testid=\"nothing-held\"");
    }

    [Fact]
    public async Task TheFreshnessPage_NamesTheSchoolsWhoseLatestDataIsMissing()
    {
        int urn;
        await using (var db = _app.Database.CreateContext())
        {
            var latest = db.PupilDataBlocks.Max(b => b.AcademicYear);
            var block = db.PupilDataBlocks.Where(b => b.AcademicYear == latest).OrderBy(b => b.Urn).First();
            urn = block.Urn;
            db.PupilDataBlocks.Remove(block);
            await db.SaveChangesAsync();
        }
        var html = await _app.ClientFor(Role.InterventionOfficer).GetStringAsync("/Data/Freshness");
        var gaps = html[html.IndexOf("data-testid=\"data-gaps\"", StringComparison.Ordinal)..];
        gaps.ShouldContain($"href=\"/Schools/{urn}/Data\"");
        gaps.ShouldContain("Pupil-level data for 2024/25");
    }

    [Fact]
    public async Task ASchoolUser_CannotSeeTheLasDataHoldings()
    {
        (await _app.ClientFor(Role.SchoolUser).GetAsync("/Data/Freshness")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }
}

public sealed class DataFreshnessTests_Sqlite() : DataFreshnessTests(DatabaseProvider.Sqlite);
public sealed class DataFreshnessTests_Postgres() : DataFreshnessTests(DatabaseProvider.Postgres);
