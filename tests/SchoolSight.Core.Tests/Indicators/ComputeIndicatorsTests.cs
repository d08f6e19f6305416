using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Indicators;

public abstract class ComputeIndicatorsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Millbrook = RegisterData.FirstUrn;          // primary, North
    private const int Ashcombe = RegisterData.FirstUrn + 1;       // primary, North
    private const int Valewood = RegisterData.FirstUrn + 2;       // primary, North
    private const int Saltmarsh = RegisterData.FirstUrn + 20;     // secondary, South
    private TestDatabase _database = null!;
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
        // Millbrook: 30 year 6 pupils, 21 at the expected standard; 4 of the 10 FSM pupils (a small group for suppression).
        await StoreAsync(Millbrook, 2024, new PupilBuilder()
            .Add(4, ("KS2_RWM_EXP", "Y"), ("FSM", "Y")).Add(6, ("KS2_RWM_EXP", "N"), ("FSM", "Y"))
            .Add(17, ("KS2_RWM_EXP", "Y")).Add(3, ("KS2_RWM_EXP", "N")).Add(40, ("NCYear", "3")).Build());
        await StoreAsync(Millbrook, 2023, new PupilBuilder().Add(15, ("KS2_RWM_EXP", "Y")).Add(15, ("KS2_RWM_EXP", "N")).Add(40, ("NCYear", "3")).Build());
        await StoreAsync(Ashcombe, 2024, new PupilBuilder().Add(10, ("KS2_RWM_EXP", "Y")).Add(10, ("KS2_RWM_EXP", "N"), ("FSM", "Y")).Add(50, ("NCYear", "2")).Build());
        await StoreAsync(Valewood, 2024, new PupilBuilder().Add(25, ("KS2_RWM_EXP", "Y")).Add(5, ("KS2_RWM_EXP", "N")).Add(45, ("NCYear", "1")).Build());
        await StoreAsync(Saltmarsh, 2024, new PupilBuilder().Add(50, ("NCYear", "11"), ("KS4_EM_95", "Y"), ("KS4_ATT8", "55")).Add(50, ("NCYear", "11"), ("KS4_EM_95", "N"), ("KS4_ATT8", "35")).Build());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task StoreAsync(int urn, int year, PupilColumns pupils)
    {
        await using var db = _database.AsAdmin();
        var data = PupilBlockCodec.Encode(pupils);
        var refs = PupilBlockCodec.EncodeRefs(pupils.PupilRefs);
        var existing = await db.PupilDataBlocks.FindAsync(urn, year);
        if (existing is null) db.PupilDataBlocks.Add(new PupilDataBlock(urn, year, pupils.Count, PupilBlockCodec.Hash(data, refs), data, refs, 0, db.UtcNow));
        else existing.Replace(pupils.Count, PupilBlockCodec.Hash(data, refs), data, refs, 0, db.UtcNow);
        await db.SaveChangesAsync();
    }

    private async Task<IndicatorTallies> TalliesOf(AreaKind kind, string code, int year)
    {
        await using var db = _database.AsAdmin();
        var set = await db.IndicatorResults.SingleAsync(r => r.AreaKind == kind && r.AreaCode == code && r.AcademicYear == year);
        return TalliesCodec.Decode(set.Data, _source.Computer.Slots);
    }

    private async Task<ComputeResult> ComputeAsync(bool full = false)
    {
        await using var db = _database.AsAdmin();
        return await new ComputeIndicators(db, _source).RunAsync(new ComputeRequest(full));
    }

    [Fact]
    public async Task Compute_CountsEachSchoolYear_AndSumsThemIntoLocalityLaAndEngland()
    {
        var result = await ComputeAsync();

        result.SchoolYearsComputed.ShouldBe(5);
        result.Years.ShouldBe([2023, 2024]);
        var rwm = _source.Computer.Slots.ToList().FindIndex(s => s.Id == "KS2_RWM_EXP");
        (await TalliesOf(AreaKind.School, Millbrook.ToString(), 2024))[rwm, PupilGroup.All].ShouldBe(new Tally(21, 30, 0, 30));
        var la = await TalliesOf(AreaKind.LocalAuthority, "999", 2024);
        la[rwm, PupilGroup.All].ShouldBe(new Tally(21 + 10 + 25, 30 + 20 + 30, 0, 80));
        la[rwm, PupilGroup.Fsm].ShouldBe(new Tally(4, 20, 0, 20));
        (await TalliesOf(AreaKind.England, IndicatorResultSet.EnglandCode, 2024))[rwm, PupilGroup.All].N.ShouldBe(56);
        await using var db = _database.AsAdmin();
        var north = await db.Localities.Where(l => l.Name == "North").Select(l => l.Id).SingleAsync();
        (await TalliesOf(AreaKind.Locality, north.ToString(), 2024))[rwm, PupilGroup.All].D.ShouldBe(80);
    }

    [Fact]
    public async Task FloorStandard_CountsSchoolsBelowIt_InTheYearsTheDfESetOne()
    {
        // 2018/19, the last year of floor standards: 70% and 83% are above the floor whatever the progress; 40% with
        // reading progress -6 and maths -8 is below it.
        await StoreAsync(Millbrook, 2018, new PupilBuilder().Add(21, ("KS2_RWM_EXP", "Y")).Add(9, ("KS2_RWM_EXP", "N")).Build());
        await StoreAsync(Valewood, 2018, new PupilBuilder().Add(25, ("KS2_RWM_EXP", "Y")).Add(5, ("KS2_RWM_EXP", "N")).Build());
        await StoreAsync(Ashcombe, 2018, new PupilBuilder()
            .Add(8, ("KS2_RWM_EXP", "Y"), ("KS2_READ_PROG", "-6"), ("KS2_MAT_PROG", "-8"))
            .Add(12, ("KS2_RWM_EXP", "N"), ("KS2_READ_PROG", "-6"), ("KS2_MAT_PROG", "-8")).Build());
        await ComputeAsync();
        var floor = _source.Computer.Slots.ToList().FindIndex(s => s.Id == "KS2_BELOW_FLOOR");
        var then = (await TalliesOf(AreaKind.LocalAuthority, "999", 2018))[floor, PupilGroup.All];
        (then.N, then.D).ShouldBe((1, 3));

        // 2024/25: the DfE sets no floor standard, so no school is counted either way.
        (await TalliesOf(AreaKind.LocalAuthority, "999", 2024))[floor, PupilGroup.All].IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Compute_LeavesOutEveryFigureTheDfEDidNotPublishForTheYear()
    {
        // Progress scores in the pupil file for 2023/24, a year the DfE published none (no key stage 1 baseline).
        await StoreAsync(Valewood, 2023, new PupilBuilder().Add(25, ("KS2_RWM_EXP", "Y"), ("KS2_READ_PROG", "2")).Add(5, ("KS2_RWM_EXP", "N"), ("KS2_READ_PROG", "-1")).Build());
        await ComputeAsync();

        var slots = _source.Computer.Slots.ToList();
        var school = await TalliesOf(AreaKind.School, Valewood.ToString(), 2023);
        school[slots.FindIndex(s => s.Id == "KS2_RWM_EXP"), PupilGroup.All].D.ShouldBe(30);
        school[slots.FindIndex(s => s.Id == "KS2_READ_PROG"), PupilGroup.All].IsEmpty.ShouldBeTrue();
        (await TalliesOf(AreaKind.England, IndicatorResultSet.EnglandCode, 2023))[slots.FindIndex(s => s.Id == "KS2_READ_PROG"), PupilGroup.All].IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task Recompute_RedoesOnlyWhatChanged()
    {
        await ComputeAsync();
        var again = await ComputeAsync();
        again.SchoolYearsComputed.ShouldBe(0);
        again.SchoolYearsUnchanged.ShouldBe(5);
        again.Years.ShouldBeEmpty();

        await StoreAsync(Ashcombe, 2024, new PupilBuilder().Add(20, ("KS2_RWM_EXP", "Y")).Build());
        var changed = await ComputeAsync();
        changed.SchoolYearsComputed.ShouldBe(1);
        changed.Years.ShouldBe([2024]);
        var rwm = _source.Computer.Slots.ToList().FindIndex(s => s.Id == "KS2_RWM_EXP");
        (await TalliesOf(AreaKind.LocalAuthority, "999", 2024))[rwm, PupilGroup.All].ShouldBe(new Tally(21 + 20 + 25, 80, 0, 80));

        (await ComputeAsync(full: true)).SchoolYearsComputed.ShouldBe(5);
    }

    [Fact]
    public async Task SimilarSchools_AreChosenWithinThePhase()
    {
        await ComputeAsync();
        await using var db = _database.AsAdmin();
        var set = await db.SimilarSchoolSets.SingleAsync(s => s.Urn == Millbrook && s.AcademicYear == 2024);
        set.MemberList().Select(m => m.Urn).Order().ShouldBe([Ashcombe, Valewood]);
        set.Method.ShouldContain("same phase");
    }

    [Fact]
    public async Task SchoolDataPage_ShowsTheSchoolAgainstItsBenchmarks()
    {
        await ComputeAsync();
        await using var db = _database.AsAdmin();
        var view = (await new GetSchoolIndicators(db, _source).RunAsync(Millbrook))!;

        view.AcademicYear.ShouldBe(2024);
        view.Years.ShouldBe([2023, 2024]);
        view.Suppressed.ShouldBeFalse();
        view.SimilarSchools.Count.ShouldBe(2);
        var row = view.Rows.Single(r => r.Indicator.Id == "KS2_RWM_EXP");
        row.School.Value.ShouldBe(70);
        row.Benchmarks.Single(b => b.Label == "LA 999").Figure.Value.ShouldBe(100.0 * 56 / 80);
        row.Trend.Select(t => t.Figure.Value).ShouldBe([50, 70]);
        row.Groups.Single(g => g.Group == PupilGroup.Fsm).Figure.Value.ShouldBe(40);
        // FSM gap: national (here, all schools held) non-FSM 52/60 minus Millbrook's FSM 40%.
        view.Rows.Single(r => r.Indicator.Id == "KS2_FSM_GAP").School.Value!.Value.ShouldBe(100.0 * 52 / 60 - 40, 1e-9);
    }

    [Fact]
    public async Task SchoolDataPage_SuppressesSmallGroups_ForAGovernor()
    {
        await ComputeAsync();
        await using var db = _database.CreateContext(new FixedCurrentUser("governor@demo-borough.example", Role.Governor, scope: SchoolScope.Of([Millbrook])));
        var view = (await new GetSchoolIndicators(db, _source).RunAsync(Millbrook))!;

        view.Suppressed.ShouldBeTrue();
        var groups = view.Rows.Single(r => r.Indicator.Id == "KS2_RWM_EXP").Groups;
        groups.Single(g => g.Group == PupilGroup.Fsm).Figure.Suppressed.ShouldBeTrue();      // 4 pupils counted
        groups.Single(g => g.Group == PupilGroup.NonFsm).Figure.Suppressed.ShouldBeTrue();   // would give FSM away
        groups.Single(g => g.Group == PupilGroup.All).Figure.Value.ShouldBe(70);
    }

    [Fact]
    public async Task SchoolDataPage_IsNotShownForAnotherSchool()
    {
        await ComputeAsync();
        await using var db = _database.AsSchoolUser(Ashcombe);
        (await new GetSchoolIndicators(db, _source).RunAsync(Millbrook)).ShouldBeNull();
    }
}

public sealed class ComputeIndicatorsTests_Sqlite() : ComputeIndicatorsTests(DatabaseProvider.Sqlite);
public sealed class ComputeIndicatorsTests_Postgres() : ComputeIndicatorsTests(DatabaseProvider.Postgres);
