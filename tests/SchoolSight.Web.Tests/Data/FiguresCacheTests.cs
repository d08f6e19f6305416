using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Data;

/// <summary>
/// Figures kept in memory between requests never outlive the recompute that replaces them: a school's data page, its
/// summary and the LA ranking show the new figures after a pupil import and its recompute, whether the web app ran them
/// or another process did (a context of its own, as the <c>schoolsight</c> command line has, which tells the web app
/// nothing but the figures' version in the database).
/// </summary>
public abstract class FiguresCacheTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Urn = DemoSeeder.DemoHeadSchoolUrn + 6;
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private HttpClient Officer => _app.ClientFor(Role.InterventionOfficer);

    /// <summary>What the pages show of the school's figures: its indicators export and the LA ranking export.</summary>
    private async Task<(string School, string Ranking)> FiguresShownAsync() =>
        (await Officer.GetStringAsync($"/Schools/{Urn}/Data?year=2024&format=csv"),
         await Officer.GetStringAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024&format=csv"));

    [Fact]
    public async Task ThePagesFigures_Change_AfterAnImportAndRecomputeInTheWebApp()
    {
        var before = await FiguresShownAsync();
        (await Officer.GetStringAsync($"/Schools/{Urn}")).ShouldNotBeEmpty();

        using var form = new MultipartFormDataContent { { Csv(DataFile.Pupils([Urn], seed: 11).ToBytes()), "file", "pupils.csv" } };
        (await _app.ClientFor(Role.LaAdministrator).PostAsync("/api/v1/imports/pupils", form)).EnsureSuccessStatusCode();

        var after = await FiguresShownAsync();
        after.School.ShouldNotBe(before.School);
        after.Ranking.ShouldNotBe(before.Ranking);
        after.ShouldBe(await FiguresShownAsync());
    }

    [Fact]
    public async Task ThePagesFigures_Change_AfterAnImportAndRecomputeByAnotherProcess()
    {
        var before = await FiguresShownAsync();
        long version;
        await using (var db = _app.Database.CreateContext(ActingUsers.CommandLine()))
        {
            version = await db.FiguresVersions.Select(v => v.Version).SingleAsync();
            // As `schoolsight import pupils` does: its own context and operations, none of the web app's services.
            await using var file = new MemoryStream(DataFile.Pupils([Urn], seed: 12).ToBytes());
            var import = await new ImportPupils(db, new ComputeIndicators(db, IndicatorCatalogueSource.Default)).RunAsync(new DataImportRequest(file, "pupils.csv"));
            import.Value!.Applied.ShouldBeTrue();
        }
        await using (var db = _app.Database.CreateContext())
            (await db.FiguresVersions.Select(v => v.Version).SingleAsync()).ShouldBe(version + 1);

        // The web app reads the version at most a second old.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var after = await FiguresShownAsync();
        after.School.ShouldNotBe(before.School);
        after.Ranking.ShouldNotBe(before.Ranking);
    }

    [Fact]
    public async Task ARecomputeThatChangesNoFigure_LeavesTheVersionAlone()
    {
        await using var db = _app.Database.CreateContext(ActingUsers.CommandLine());
        var version = await db.FiguresVersions.Select(v => v.Version).SingleAsync();

        var result = await new ComputeIndicators(db, IndicatorCatalogueSource.Default).RunAsync(new ComputeRequest());

        result.SchoolYearsComputed.ShouldBe(0);
        (await db.FiguresVersions.Select(v => v.Version).SingleAsync()).ShouldBe(version);
    }

    private static ByteArrayContent Csv(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}

public sealed class FiguresCacheTests_Sqlite() : FiguresCacheTests(DatabaseProvider.Sqlite);
public sealed class FiguresCacheTests_Postgres() : FiguresCacheTests(DatabaseProvider.Postgres);
