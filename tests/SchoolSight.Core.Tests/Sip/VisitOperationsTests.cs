using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Sip;
using SchoolSight.Core.Tests.Categorisation;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.Sip;

public abstract class VisitOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateOnly VisitDay = new(2026, 11, 16);
    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<T> As<T>(Role role, Func<AppDbContext, Task<T>> run, int urn = School)
    {
        await using var db = _world.As(role, urn);
        return await run(db);
    }

    private static VisitInput Written(int version) => new()
    {
        VisitedOn = VisitDay,
        Purpose = "Autumn review of the school's self-evaluation",
        Targets = "KS2: 72% at the expected standard in reading, writing and maths",
        ProgressTowardsTargets = "On track in reading; maths behind",
        KeyStrengths = "Early reading",
        Priorities = "Maths in upper key stage 2",
        Robustness = SelfEvaluationRobustness.PartlyRobust,
        EvidenceBase = "Tracking data checked against books",
        TargetsInLineWithGuidance = true,
        TrackingAccurate = false,
        Actions = [new ActionInput { Action = "Maths action plan", Owner = "Headteacher", DueBy = new DateOnly(2027, 1, 15) }],
        Version = version,
    };

    private async Task<(int Id, int Version)> DraftAsync()
    {
        var id = (await As(Role.SchoolImprovementPartner, db => new StartVisit(db).RunAsync(School, VisitDay))).Value;
        var version = await As(Role.SchoolImprovementPartner, db => new SaveVisit(db).RunAsync(id, Written(1)));
        version.Errors.ShouldBeEmpty();
        return (id, version.Value);
    }

    private Task<OperationResult<int>> Move(Role role, int id, VisitMove move, int version, string? comment = null, int urn = School) =>
        As(role, db => new MoveVisit(db, new SipOptions()).RunAsync(id, move, new VisitMoveInput { Comment = comment, Version = version }), urn);

    [Fact]
    public async Task ASipIssuesAVisit_TheHeadMarksItInaccurate_AndAReviewerJudgesTheFeatures()
    {
        var (id, version) = await DraftAsync();
        (await As(Role.SchoolImprovementPartner, db => new RecordJudgements(db).RunAsync(School, new JudgementsInput
        {
            AcademicYear = "2026/27",
            Source = "sip",
            JudgedOn = VisitDay,
            Grades = new() { ["leadership-and-governance"] = "expected-standard" },
        }))).Errors.ShouldBeEmpty();

        var issued = await Move(Role.SchoolImprovementPartner, id, VisitMove.Issue, version);
        issued.Errors.ShouldBeEmpty();
        (await Move(Role.SchoolUser, id, VisitMove.MarkInaccurate, issued.Value)).Errors.Single().Code.ShouldBe("sip.comment");
        var answered = await Move(Role.SchoolUser, id, VisitMove.MarkInaccurate, issued.Value, "Maths is not behind: the tracking was last term's.");
        answered.Errors.ShouldBeEmpty();

        (await As(Role.SchoolUser, db => new ReviewVisit(db).RunAsync(id, new ReviewInput { AccurateAndEvidenced = true, EvidenceOfChallenge = true, Version = answered.Value })))
            .IsForbidden.ShouldBeTrue();
        (await As(Role.QualityAssuranceManager, db => new ReviewVisit(db).RunAsync(id, new ReviewInput { AccurateAndEvidenced = false, EvidenceOfChallenge = true, Version = answered.Value })))
            .Errors.ShouldBeEmpty();

        var view = (await As(Role.Governor, db => new GetVisit(db).RunAsync(id))).Value!;
        view.Visit.Status.ShouldBe(VisitStatus.MarkedInaccurate);
        view.Visit.SchoolComment.ShouldBe("Maths is not behind: the tracking was last term's.");
        view.Visit.Features.Where(f => f.Has == false).Select(f => f.Feature).ShouldBe([ReportFeature.AccurateAndEvidenced]);
        view.Visit.FeedsRiskRegister.ShouldBe(true);
        view.Visit.Timely.ShouldBe(true);

        var quality = (await As(Role.InterventionOfficer, db => new GetReportQuality(db, new ListVisits(db)).RunAsync(2026))).Value!;
        (quality.LaWide.Issued, quality.LaWide.Judged, quality.LaWide.MissingOneOrTwo, quality.LaWide.ShareMissingOneOrTwo).ShouldBe((1, 1, 1, 1.0));
        quality.PerSip.Single().Who.ShouldBe("Sidney Partner");
    }

    [Fact]
    public async Task ADraft_IsNotVisibleToTheSchool_UntilTheSipIssuesIt()
    {
        var (id, version) = await DraftAsync();
        foreach (var role in new[] { Role.SchoolUser, Role.Governor })
        {
            (await As(role, db => new ListVisits(db).RunAsync(School))).Value!.ShouldBeEmpty();
            (await As(role, db => new GetVisit(db).RunAsync(id))).IsNotFound.ShouldBeTrue();
        }
        (await Move(Role.SchoolUser, id, VisitMove.MarkAccurate, version)).IsNotFound.ShouldBeTrue();

        (await Move(Role.SchoolImprovementPartner, id, VisitMove.Issue, version)).Errors.ShouldBeEmpty();
        (await As(Role.SchoolUser, db => new ListVisits(db).RunAsync(School))).Value!.Single().Id.ShouldBe(id);
    }

    [Fact]
    public async Task AnotherSchool_CannotReadTheSchoolsReports()
    {
        var (id, version) = await DraftAsync();
        (await Move(Role.SchoolImprovementPartner, id, VisitMove.Issue, version)).Errors.ShouldBeEmpty();
        (await As(Role.SchoolUser, db => new ListVisits(db).RunAsync(null), OtherSchool)).Value!.ShouldBeEmpty();
        (await As(Role.SchoolUser, db => new GetVisit(db).RunAsync(id), OtherSchool)).IsNotFound.ShouldBeTrue();
        (await As(Role.Partner, db => new ListVisits(db).RunAsync(null))).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task ASip_RecordsVisitsOnlyToTheirAssignedSchools_AndTheHeadCannotRecordOne()
    {
        (await As(Role.SchoolImprovementPartner, db => new StartVisit(db).RunAsync(OtherSchool, VisitDay), OtherSchool)).IsNotFound.ShouldBeTrue();
        (await As(Role.SchoolUser, db => new StartVisit(db).RunAsync(School, VisitDay))).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task AStaleSave_IsRefusedAsAConflict()
    {
        var (id, version) = await DraftAsync();
        (await As(Role.SchoolImprovementPartner, db => new SaveVisit(db).RunAsync(id, Written(version)))).Errors.ShouldBeEmpty();
        (await As(Role.SchoolImprovementPartner, db => new SaveVisit(db).RunAsync(id, Written(version)))).IsConflict.ShouldBeTrue();
    }

    [Fact]
    public async Task TheNextVisit_CarriesForwardTheActions_AndTheHeadReadsThePairedVisitOnlyOnceItsSummaryIsSent()
    {
        var (id, version) = await DraftAsync();
        (await Move(Role.SchoolImprovementPartner, id, VisitMove.Issue, version)).Errors.ShouldBeEmpty();
        _world.Clock.Advance(TimeSpan.FromDays(30));
        var next = (await As(Role.SchoolImprovementPartner, db => new StartVisit(db).RunAsync(School, new DateOnly(2026, 12, 14)))).Value;
        var view = (await As(Role.SchoolImprovementPartner, db => new GetVisit(db).RunAsync(next))).Value!;
        view.Visit.EarlierActions.Single().Action.ShouldBe("Maths action plan");

        var grades = PairedVisitAspects.All.ToDictionary(a => a, a => (int?)2);
        var input = new PairedVisitInput { VisitId = id, VisitedOn = VisitDay, Grades = grades, Evidence = PairedVisitAspects.All.ToDictionary(a => a, a => (string?)"Seen in the meeting") };
        var paired = await As(Role.QualityAssuranceManager, db => new SavePairedVisit(db).RunAsync(null, input));
        paired.Errors.ShouldBeEmpty();
        (await As(Role.SchoolUser, db => new GetPairedVisit(db).RunAsync(paired.Value))).IsNotFound.ShouldBeTrue();
        (await As(Role.QualityAssuranceManager, db => new SavePairedVisit(db).RunAsync(paired.Value, input with { SendSummary = true, Version = 1 }))).Errors.ShouldBeEmpty();
        (await As(Role.SchoolUser, db => new GetPairedVisit(db).RunAsync(paired.Value))).Value!.ReportGrade.ShouldBe(PairedVisitGrade.Good);

        var service = (await As(Role.QualityAssuranceManager, db => new GetSipService(db, new SipOptions()).RunAsync(2026))).Value!.Single();
        (service.VisitsMade, service.VisitsDue, service.PairedVisits.Single().Grades[PairedVisitAspect.Challenge]).ShouldBe((2, 3, PairedVisitGrade.Good));
    }
}

public sealed class VisitOperationsTests_Sqlite() : VisitOperationsTests(DatabaseProvider.Sqlite);
public sealed class VisitOperationsTests_Postgres() : VisitOperationsTests(DatabaseProvider.Postgres);
