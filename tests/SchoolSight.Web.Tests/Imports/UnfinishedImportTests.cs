using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;
using SchoolSight.Web;

namespace SchoolSight.Web.Tests.Imports;

/// <summary>
/// What an import whose process stopped leaves, as the app shows and repairs it: an attempt with no outcome is listed as
/// "did not finish" on the pages and in the API, and a recompute an import left waiting is finished when the app starts.
/// </summary>
public abstract class UnfinishedImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnAttemptWithNoOutcome_IsShownAsDidNotFinish_InTheHistory_ItsPage_AndTheApi()
    {
        long id;
        await using (var db = _app.Database.CreateContext())
        {
            var attempt = new ImportRecord(ImportKind.Pupils, "pupils_2024-25.csv", new string('a', 64), db.UtcNow, "admin@demo-borough.example", "");
            db.Imports.Add(attempt);
            await db.SaveChangesAsync();
            id = attempt.Id;
        }
        var client = _app.ClientFor(Role.LaAdministrator);

        (await client.GetStringAsync("/Imports")).ShouldContain("Did not finish");
        var details = await client.GetStringAsync($"/Imports/{id}");
        details.ShouldContain("data-testid=\"did-not-finish\"");
        details.ShouldContain("Did not finish");
        var item = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/imports/{id}")).RootElement;
        (item.GetProperty("outcome").GetString(), item.GetProperty("outcomeText").GetString()).ShouldBe(("DidNotFinish", "Did not finish"));
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/imports")).RootElement;
        list.GetProperty("imports").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id)
            .GetProperty("outcomeText").GetString().ShouldBe("Did not finish");
    }

    [Fact]
    public async Task TheAppAtStartUp_FinishesTheRecomputeAnImportLeftWaiting()
    {
        // What a process stopped between an import's commit and its recompute leaves: the year marked, its figures stale.
        int year, figures;
        await using (var db = _app.Database.CreateContext())
        {
            year = await db.PupilDataBlocks.MaxAsync(b => b.AcademicYear);
            // The demo's synthetic England benchmark is an input of the recompute, not one of its figures.
            var computed = db.IndicatorResults.Where(r => r.AcademicYear == year && r.AreaCode != IndicatorResultSet.SyntheticCountryCode);
            figures = await computed.CountAsync();
            await computed.ExecuteDeleteAsync();
            db.PendingRecomputes.Add(new PendingRecompute(year, 0, db.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var restarted = SchoolSightApp.Build([
            "--environment=Testing", "--urls=http://127.0.0.1:0", "--hostBuilder:reloadConfigOnChange=false",
            $"--Database:Provider={_app.Database.Options.Provider}", $"--Database:ConnectionString={_app.Database.Options.ConnectionString}",
            $"--DataProtection:KeysFolder={Path.Combine(Path.GetTempPath(), "schoolsight-test-keys")}", "--Logging:LogLevel:Default=Warning"]);
        await SchoolSightApp.PrepareDatabaseAsync(restarted);
        await restarted.StartAsync();
        var recomputed = await restarted.Services.GetRequiredService<RecomputeAtStartup>().Finished.WaitAsync(TimeSpan.FromMinutes(2));
        await restarted.StopAsync();

        recomputed.ShouldNotBeNull().Years.ShouldBe([year]);
        await using (var db = _app.Database.CreateContext())
        {
            (await db.PendingRecomputes.CountAsync()).ShouldBe(0);
            (await db.IndicatorResults.CountAsync(r => r.AcademicYear == year && r.AreaCode != IndicatorResultSet.SyntheticCountryCode)).ShouldBe(figures);
        }
    }
}

public sealed class UnfinishedImportTests_Sqlite() : UnfinishedImportTests(DatabaseProvider.Sqlite);
public sealed class UnfinishedImportTests_Postgres() : UnfinishedImportTests(DatabaseProvider.Postgres);
