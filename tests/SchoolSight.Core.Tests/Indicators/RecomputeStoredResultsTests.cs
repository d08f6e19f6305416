using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>
/// A full recompute keeps the school tallies it has just counted in memory for the areas and similar schools, and writes
/// every result in bulk. On a realistic sample (40 synthetic schools of every phase in three localities, two years of
/// pupil and survey files imported as an LA would), what it stores is what counting each school's stored blocks gives,
/// and the areas and similar schools are those that summing the stored school results gives, whether every school was
/// just counted, none was, or only one.
/// </summary>
public abstract class RecomputeStoredResultsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] Years = [2023, 2024];
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schoolsight-recompute-{Guid.NewGuid():N}");
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var establishments = SyntheticEstablishments.Local(40, 7);
        var files = SyntheticDataFiles.Write(_folder, establishments, Years[0], Years.Length, 7);
        var localities = "URN,Locality\n" + string.Concat(establishments.Select((e, i) => $"{e.Urn},{new[] { "North", "South", "Coast" }[i % 3]}\n"));
        await using (var db = _database.AsAdmin())
        await using (var stream = File.OpenRead(files.EstablishmentFile))
        {
            var gias = await new ImportGias(db).RunAsync(new GiasImportRequest(stream, "establishments.csv", GiasImportScope.EveryLa,
                GiasLocalities.FromFile(new MemoryStream(Encoding.UTF8.GetBytes(localities)), "localities.csv")));
            gias.Value!.Applied.ShouldBeTrue();
        }
        foreach (var year in files.Years)
        {
            await using var db = _database.AsAdmin();
            await using (var stream = File.OpenRead(year.PupilFile))
                (await new ImportPupils(db).RunAsync(new DataImportRequest(stream, Path.GetFileName(year.PupilFile)))).Value!.Applied.ShouldBeTrue();
            await using (var stream = File.OpenRead(year.SurveyFile))
                (await new ImportSurveys(db).RunAsync(new DataImportRequest(stream, Path.GetFileName(year.SurveyFile)))).Value!.Applied.ShouldBeTrue();
        }
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected TestDatabase Database => _database;

    protected async Task<ComputeResult> ComputeAsync(ComputeRequest request)
    {
        await using var db = _database.AsAdmin();
        return await new ComputeIndicators(db, _source).RunAsync(request);
    }

    /// <summary>Every stored result and similar-school set but the time each was computed, in a fixed order.</summary>
    private async Task<List<string>> StoredAsync()
    {
        await using var db = _database.AsAdmin();
        var results = await db.IndicatorResults.AsNoTracking().ToListAsync();
        var sets = await db.SimilarSchoolSets.IgnoreQueryFilters().AsNoTracking().ToListAsync();
        return [.. results.Select(r => $"{r.AreaKind} {r.AreaCode} {r.AcademicYear} {r.Source} {r.InputHash} {Convert.ToHexString(r.Data)}")
            .Concat(sets.Select(s => $"similar {s.Urn} {s.AcademicYear} {s.Method} {s.Members}")).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task FullRecompute_StoresForEachSchoolWhatCountingItsStoredBlocksGives()
    {
        var result = await ComputeAsync(new ComputeRequest(Full: true));

        var computer = _source.Computer;
        await using var db = _database.AsAdmin();
        var pupils = await db.PupilDataBlocks.AsNoTracking().ToDictionaryAsync(b => (b.Urn, b.AcademicYear), b => b.Data);
        var surveys = await db.SurveyDataBlocks.AsNoTracking().ToDictionaryAsync(b => (b.Urn, b.AcademicYear), b => b.Data);
        var schoolYears = pupils.Keys.Union(surveys.Keys).Count();
        schoolYears.ShouldBeGreaterThan(70);
        result.SchoolYearsComputed.ShouldBe(schoolYears);
        var stored = await db.IndicatorResults.AsNoTracking().Where(r => r.AreaKind == AreaKind.School).ToListAsync();
        stored.Count.ShouldBe(schoolYears);
        foreach (var row in stored)
        {
            var key = (int.Parse(row.AreaCode), row.AcademicYear);
            var tallies = computer.Compute(pupils.TryGetValue(key, out var p) ? PupilBlockCodec.Decode(p) : null,
                surveys.TryGetValue(key, out var s) ? SurveyBlockCodec.Decode(s) : null);
            computer.WithholdUnpublished(tallies, row.AcademicYear);
            Convert.ToHexString(row.Data).ShouldBe(Convert.ToHexString(TalliesCodec.Encode(tallies)), $"school {row.AreaCode}, {row.AcademicYear}");
        }
        (await db.IndicatorResults.CountAsync(r => r.AreaKind == AreaKind.Locality)).ShouldBe(6);
        (await db.SimilarSchoolSets.IgnoreQueryFilters().CountAsync()).ShouldBe(result.SimilarSetsComputed);
    }

    [Fact]
    public async Task AreasFromTheSchoolsJustCounted_EqualAreasFromTheStoredSchoolResults()
    {
        await ComputeAsync(new ComputeRequest(Full: true));
        var fromMemory = await StoredAsync();

        // Nothing changed: every school's tallies are read back from its stored result, as before.
        var again = await ComputeAsync(new ComputeRequest(Years: Years, AreasOfEveryYear: true));

        again.SchoolYearsComputed.ShouldBe(0);
        again.AreasComputed.ShouldBeGreaterThan(0);
        (await StoredAsync()).ShouldBe(fromMemory);
    }

    [Fact]
    public async Task AreasFromOneSchoolJustCountedAndTheRestStored_EqualAreasFromEverySchoolJustCounted()
    {
        await ComputeAsync(new ComputeRequest(Full: true));
        var full = await StoredAsync();
        await using (var db = _database.AsAdmin())
        {
            var urn = (await db.PupilDataBlocks.OrderBy(b => b.Urn).FirstAsync()).Urn.ToString();
            await db.IndicatorResults.Where(r => r.AreaKind == AreaKind.School && r.AreaCode == urn && r.AcademicYear == Years[1]).ExecuteDeleteAsync();
        }

        var one = await ComputeAsync(new ComputeRequest());

        one.SchoolYearsComputed.ShouldBe(1);
        one.Years.ShouldBe([Years[1]]);
        (await StoredAsync()).ShouldBe(full);
    }
}

public sealed class RecomputeStoredResultsTests_Sqlite() : RecomputeStoredResultsTests(DatabaseProvider.Sqlite);
public sealed class RecomputeStoredResultsTests_Postgres() : RecomputeStoredResultsTests(DatabaseProvider.Postgres)
{
    /// <summary>Every year's school results are stored compressed with LZ4, the later years' too (the server's answer remembered).</summary>
    [Fact]
    public async Task FullRecompute_StoresEveryYearsSchoolResultsCompressedWithLz4()
    {
        await ComputeAsync(new ComputeRequest(Full: true));

        await using var db = Database.AsAdmin();
        var methods = await db.Database.SqlQueryRaw<string>(
            """SELECT DISTINCT "AcademicYear"::text || ' ' || coalesce(pg_column_compression("Data")::text, 'none') AS "Value" FROM "IndicatorResults" WHERE "AreaKind" = 'School' AND octet_length("Data") > 4096""").ToListAsync();
        methods.Order().ShouldBe(["2023 lz4", "2024 lz4"]);
    }
}
