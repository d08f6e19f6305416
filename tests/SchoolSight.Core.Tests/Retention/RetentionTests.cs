using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Retention;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Retention;

/// <summary>
/// Pupil data retention on 6 December 2026 (academic year 2026/27) with the default period (the current year and the
/// four before it, so from 2022/23): blocks of 2019/20 and 2020/21 go, 2023/24 and 2024/25 stay.
/// </summary>
public abstract class RetentionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] Urns = [RegisterData.FirstUrn, RegisterData.FirstUrn + 1, RegisterData.FirstUrn + 20];
    private static readonly int[] OldYears = [2019, 2020];
    private static readonly int[] KeptYears = [2023, 2024];
    private readonly TestClock _clock = new(2026, 12, 6);
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
        await using var db = Db();
        foreach (var year in OldYears.Concat(KeptYears))
            foreach (var urn in Urns)
            {
                var pupils = IndicatorTestData.Pupils(urn, year);
                var data = PupilBlockCodec.Encode(pupils);
                var refs = PupilBlockCodec.EncodeRefs(pupils.PupilRefs);
                db.PupilDataBlocks.Add(new PupilDataBlock(urn, year, pupils.Count, PupilBlockCodec.Hash(data, refs), data, refs, 0, db.UtcNow));
                if (urn == Urns[2]) continue;
                var survey = IndicatorTestData.Survey(urn, year);
                var answers = SurveyBlockCodec.Encode(survey);
                db.SurveyDataBlocks.Add(new SurveyDataBlock(urn, year, survey.Count, SurveyBlockCodec.Hash(answers), answers, 0, db.UtcNow));
            }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AppDbContext Db() => _database.CreateContext(new FixedCurrentUser("retention@demo-borough.example"), _clock);

    private async Task ComputeAsync(bool full = false)
    {
        await using var db = Db();
        await new ComputeIndicators(db, _source).RunAsync(new ComputeRequest(full));
    }

    private async Task<RetentionResult> RetainAsync(bool dryRun = false)
    {
        await using var db = Db();
        return await new ApplyRetention(db, new ComputeIndicators(db, _source)).RunAsync(new RetentionRequest(RetentionOptions.DefaultPupilDataYears, dryRun));
    }

    /// <summary>Every stored result set and similar-school set, as text, in key order.</summary>
    private async Task<List<string>> FiguresAsync()
    {
        await using var db = Db();
        var results = await db.IndicatorResults.AsNoTracking().ToListAsync();
        var similar = await db.SimilarSchoolSets.AsNoTracking().ToListAsync();
        return
        [
            .. results.OrderBy(r => r.AreaKind).ThenBy(r => r.AreaCode, StringComparer.Ordinal).ThenBy(r => r.AcademicYear)
                .Select(r => $"{r.AreaKind}/{r.AreaCode}/{r.AcademicYear}/{r.Source}/{Convert.ToBase64String(r.Data)}"),
            .. similar.OrderBy(s => s.Urn).ThenBy(s => s.AcademicYear).Select(s => $"similar/{s.Urn}/{s.AcademicYear}/{s.Members}"),
        ];
    }

    private async Task<List<(int Urn, int Year)>> BlocksAsync()
    {
        await using var db = Db();
        var pupils = await db.PupilDataBlocks.Select(b => new { b.Urn, b.AcademicYear }).ToListAsync();
        var surveys = await db.SurveyDataBlocks.Select(b => new { b.Urn, b.AcademicYear }).ToListAsync();
        return [.. pupils.Concat(surveys).Select(b => (b.Urn, b.AcademicYear)).Order()];
    }

    [Fact]
    public async Task Retention_RemovesOnlyPupilAndSurveyBlocksOlderThanThePeriod()
    {
        await ComputeAsync();

        var result = await RetainAsync();

        result.OldestYearKept.ShouldBe(2022);
        result.Years.Select(y => y.AcademicYear).ShouldBe(OldYears);
        result.PupilBlocks.ShouldBe(6);
        result.SurveyBlocks.ShouldBe(4);
        var left = await BlocksAsync();
        left.Select(b => b.Year).Distinct().Order().ShouldBe(KeptYears);
        left.Count.ShouldBe(2 * (3 + 2));
    }

    [Fact]
    public async Task Retention_AuditsEachBlockRemoved_AndTheRun()
    {
        await ComputeAsync();

        await RetainAsync();

        await using var db = Db();
        var removed = await db.AuditEntries.Where(a => a.Action == AuditAction.Deleted).ToListAsync();
        removed.Where(a => a.EntityType == nameof(PupilDataBlock)).Select(a => a.EntityKey).Order()
            .ShouldBe(OldYears.SelectMany(y => Urns.Select(u => $"{u}/{y}")).Order());
        removed.Where(a => a.EntityType == nameof(SurveyDataBlock)).Select(a => a.EntityKey).Order()
            .ShouldBe(OldYears.SelectMany(y => Urns.Take(2).Select(u => $"{u}/{y}")).Order());
        var block = removed.Single(a => a.EntityKey == $"{Urns[0]}/2019" && a.EntityType == nameof(PupilDataBlock));
        block.SchoolUrn.ShouldBe(Urns[0]);
        block.UserName.ShouldBe("retention@demo-borough.example");
        JsonDocument.Parse(block.Changes!).RootElement.GetProperty("pupils")[0].GetInt32().ShouldBe(IndicatorTestData.Pupils(Urns[0], 2019).Count);
        var run = removed.Single(a => a.EntityType == ApplyRetention.RunEntity);
        run.EntityKey.ShouldBe("before 2022/23");
        var years = JsonDocument.Parse(run.Changes!).RootElement.GetProperty("Years");
        years.EnumerateArray().Select(y => y.GetProperty("AcademicYear").GetString()).ShouldBe(["2019/20", "2020/21"]);
        years[0].GetProperty("PupilBlocks").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Retention_KeepsTheIndicatorsComputedFromTheRemovedData_AndAFullRecomputeKeepsThem()
    {
        await ComputeAsync();
        var before = await FiguresAsync();
        before.ShouldContain(f => f.StartsWith($"School/{Urns[0]}/2019/", StringComparison.Ordinal));

        await RetainAsync();
        (await FiguresAsync()).ShouldBe(before);

        await ComputeAsync(full: true);
        (await FiguresAsync()).ShouldBe(before);
        await ComputeAsync();
        (await FiguresAsync()).ShouldBe(before);

        // And they still show: the school's data page has its 2019/20 figures.
        await using var db = Db();
        var view = (await new GetSchoolIndicators(db, _source).RunAsync(Urns[0], 2019))!;
        view.AcademicYear.ShouldBe(2019);
        view.Years.ShouldBe([.. OldYears, .. KeptYears]);
        view.Rows.ShouldContain(r => r.School.Value != null);
    }

    [Fact]
    public async Task Retention_ComputesFiguresNotYetComputed_BeforeRemovingTheData()
    {
        await RetainAsync();

        await using var db = Db();
        var kept = await db.IndicatorResults.Where(r => r.AreaKind == AreaKind.School && r.AcademicYear == 2019).ToListAsync();
        kept.Select(r => r.AreaCode).Order().ShouldBe(Urns.Select(u => u.ToString()).Order());
        kept.ShouldAllBe(r => r.InputHash == IndicatorResultSet.KeptAfterRetention);
        (await db.IndicatorResults.AnyAsync(r => r.AreaKind == AreaKind.LocalAuthority && r.AcademicYear == 2020)).ShouldBeTrue();
    }

    [Fact]
    public async Task Retention_DryRun_ChangesNothing()
    {
        await ComputeAsync();
        var blocks = await BlocksAsync();
        var figures = await FiguresAsync();
        int audit;
        await using (var db = Db()) audit = await db.AuditEntries.CountAsync();

        var result = await RetainAsync(dryRun: true);

        result.DryRun.ShouldBeTrue();
        result.PupilBlocks.ShouldBe(6);
        result.SurveyBlocks.ShouldBe(4);
        (await BlocksAsync()).ShouldBe(blocks);
        (await FiguresAsync()).ShouldBe(figures);
        await using (var db = Db()) (await db.AuditEntries.CountAsync()).ShouldBe(audit);
        await using (var db = Db())
            (await db.IndicatorResults.AnyAsync(r => r.InputHash == IndicatorResultSet.KeptAfterRetention)).ShouldBeFalse();
    }

    [Fact]
    public async Task Retention_WithNothingOlderThanThePeriod_ChangesNothing()
    {
        await RetainAsync();
        await using var db = Db();
        var audit = await db.AuditEntries.CountAsync();

        var again = await RetainAsync();

        again.Years.ShouldBeEmpty();
        (await db.AuditEntries.CountAsync()).ShouldBe(audit);
    }

    [Fact]
    public async Task RetentionScheduler_RemovesOldBlocks_InTheBackground_AsTheNamedScheduler()
    {
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<TimeProvider>(_clock)
            // As in the web app: outside a request, the acting user is whoever the scope was created for.
            .AddScoped<ICurrentUser>(provider => provider.GetRequiredService<ScopeActor>().User ?? ActingUsers.Nobody)
            .AddSchoolSightDatabase(_database.Options)
            .AddSchoolSightCore()
            .Configure<RetentionOptions>(o =>
            {
                o.FirstRunAfter = TimeSpan.Zero;
                o.Interval = TimeSpan.FromHours(1);
            })
            .BuildServiceProvider();
        var scheduler = ActivatorUtilities.CreateInstance<RetentionScheduler>(services);

        await scheduler.StartAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (scheduler.CompletedRuns < 1 && waited.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(50);
        await scheduler.StopAsync(CancellationToken.None);

        scheduler.CompletedRuns.ShouldBe(1);
        (await BlocksAsync()).Select(b => b.Year).Distinct().Order().ShouldBe(KeptYears);
        await using var db = Db();
        (await db.AuditEntries.SingleAsync(a => a.EntityType == ApplyRetention.RunEntity)).UserName.ShouldBe("SchoolSight scheduler");
    }
}

public sealed class RetentionTests_Sqlite() : RetentionTests(DatabaseProvider.Sqlite);
public sealed class RetentionTests_Postgres() : RetentionTests(DatabaseProvider.Postgres);
