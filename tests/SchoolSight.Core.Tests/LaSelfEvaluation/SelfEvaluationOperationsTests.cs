using SchoolSight.Core.Data;
using SchoolSight.Core.LaSelfEvaluation;
using SchoolSight.Core.Tests.Categorisation;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.Domain.Sip;
using SchoolSight.Domain.Workflows;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.LaSelfEvaluation;

public abstract class SelfEvaluationOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Year = 2025;
    private static readonly QualityStandardsSource Source = new();
    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static RateStandardInput Input(string standard, SefPhase phase, RagRating rating, string[] met, int version = 0, string? reason = null, string? evidence = null) =>
        new(Year, standard, phase, rating, met, evidence, reason, null, null, version);

    private async Task<OperationResult<int>> RateAs(Role role, RateStandardInput input)
    {
        await using var db = _world.As(role);
        return await new RateStandard(db, Source).RunAsync(input);
    }

    private async Task<SelfEvaluationDashboard> DashboardAs(Role role = Role.SeniorManager)
    {
        await using var db = _world.As(role);
        return (await new GetSelfEvaluation(db, Source).RunAsync(Year)).Value!;
    }

    private async Task PutInSpecialMeasuresAsync(int urn)
    {
        await using var db = _database.CreateContext(new FixedCurrentUser("seed"));
        db.OfstedInspections.Add(new OfstedInspection(urn, new OfstedOutcome
        {
            InspectionDate = new DateOnly(2024, 3, 5),
            OverallEffectiveness = OfstedJudgement.Inadequate,
            CategoryOfConcern = CategoryOfConcern.SpecialMeasures,
        }, 1));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Good_WithItsCriticalCriteria_IsRecordedWithTheEvidence()
    {
        var result = await RateAs(Role.QualityAssuranceManager, Input("1.1", SefPhase.Primary, RagRating.Good, ["1.1-g-effective", "1.1-g-priorities"],
            evidence: "Headteachers' survey 2025 | https://intranet.example/survey\nLA data page | /Data/La"));
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        var cell = (await DashboardAs()).Cell("1.1", SefPhase.Primary)!;
        (cell.Rating, cell.Version, cell.Evidence.Count).ShouldBe((RagRating.Good, 1, 2));
        cell.Evidence[1].ShouldBe(("LA data page", "/Data/La"));
    }

    [Fact]
    public async Task Good_WithoutItsCriticalCriterion_IsRefusedWithTheReason()
    {
        var result = await RateAs(Role.SeniorManager, Input("1.1", SefPhase.Primary, RagRating.Good, ["1.1-g-priorities"]));
        result.Errors.Single().Message.ShouldContain("Good needs the critical criterion");
        (await DashboardAs()).IsStarted.ShouldBeFalse();
    }

    [Fact]
    public async Task AComputedCriterion_TickedOtherwise_NeedsAReason()
    {
        await PutInSpecialMeasuresAsync(School);
        var dashboard = await DashboardAs();
        dashboard.Figures.For(ComputedMeasure.SchoolsInOfstedCategories, SefPhase.Primary)!.Value.ShouldBe(1);

        var ticked = new[] { "2.3-os-no-categories", "2.3-os-all-good", "2.3-g-early", "2.3-g-trajectory" };
        var refused = await RateAs(Role.SeniorManager, Input("2.3", SefPhase.Primary, RagRating.Outstanding, ticked));
        refused.Errors.Single().Field.ShouldBe("OverrideReason");
        refused.Errors.Single().Message.ShouldContain("There are no schools in Ofsted categories.");

        var accepted = await RateAs(Role.SeniorManager, Input("2.3", SefPhase.Primary, RagRating.Outstanding, ticked, reason: "The school left special measures last week; Ofsted has not yet published."));
        accepted.Succeeded.ShouldBeTrue(string.Join("; ", accepted.Errors.Select(e => e.Message)));
        var cell = (await DashboardAs()).Cell("2.3", SefPhase.Primary)!;
        cell.OverrideReason.ShouldNotBeNull();
        cell.ComputedFigures!.ShouldContain("1 of the LA's");
    }

    [Fact]
    public async Task AReviewerJudgingAReportsFeatures_ChangesTheIntelligenceCell()
    {
        var sip = new Actor("Sidney Partner", Role.SchoolImprovementPartner, SipUserId);
        var today = new DateOnly(2026, 11, 23);
        int visitId;
        await using (var db = _world.As(Role.SchoolImprovementPartner))
        {
            var visit = RecordOfVisit.Start(School, new DateOnly(2026, 11, 10), sip, null);
            visit.Write(new VisitContent("Autumn review", "KS2 70% expected", "On track", "Phonics", "Maths", SelfEvaluationRobustness.Robust, "Tracking data",
                true, true, "Asked for the maths data by group", [new AgreedAction("Maths plan", "Head", new DateOnly(2026, 12, 18))], [], null), new DateOnly(2026, 11, 10), today);
            visit.Issue(new MoveContext(sip, DateTime.UtcNow, today), timely: true, judgementsRecorded: false);
            db.SipVisits.Add(visit);
            await db.SaveChangesAsync();
            visitId = visit.Id;
        }
        var good = Input("2.4", SefPhase.Primary, RagRating.Good, ["2.4-g-systems", "2.4-g-features"]) with { AcademicYear = 2026 };
        (await RateAs(Role.SeniorManager, good)).Succeeded.ShouldBeTrue("the report still waits for its reviewer, so the features are not yet a figure");

        await using (var db = _world.As(Role.QualityAssuranceManager))
        {
            var visit = db.SipVisits.Single(v => v.Id == visitId);
            visit.Review(true, true, "Well evidenced.", new Actor("qa@demo-borough.example", Role.QualityAssuranceManager), today);
            await db.SaveChangesAsync();
        }
        await using (var db = _world.As(Role.SeniorManager))
        {
            var figures = (await new GetSelfEvaluation(db, Source).RunAsync(2026)).Value!.Figures;
            figures.For(ComputedMeasure.ReportsMissingOneOrTwoFeatures, SefPhase.Primary)!.Value.ShouldBe(100m);
            figures.For(ComputedMeasure.TargetsInLine, SefPhase.Primary)!.Value.ShouldBe(100m);
        }
        var again = await RateAs(Role.SeniorManager, good with { Version = 1 });
        again.Errors.Select(e => e.Message).ShouldContain(m => m.Contains("finds it not met"));
        var capped = await RateAs(Role.SeniorManager, good with { CriteriaMet = ["2.4-g-systems"], Version = 1 });
        capped.Errors.Select(e => e.Message).ShouldContain(m => m.Contains("no better than Requires some improvement"));
        (await RateAs(Role.SeniorManager, good with { Rating = RagRating.RequiresSomeImprovement, CriteriaMet = [], Version = 1 })).Succeeded.ShouldBeTrue();
        await using (var db = _world.As(Role.SeniorManager))
        {
            var cell = (await new GetSelfEvaluation(db, Source).RunAsync(2026)).Value!.Cell("2.4", SefPhase.Primary)!;
            cell.Rating.ShouldBe(RagRating.RequiresSomeImprovement);
            cell.Met.ShouldContain("2.4-ni-one-or-two");
            cell.ComputedFigures!.ShouldContain("1 of 1 issued SIP reports of 2026/27 for primary schools miss one or two");
        }
    }

    [Fact]
    public async Task ACriticalCriterionMetInALowerColumn_CapsTheRating()
    {
        var result = await RateAs(Role.SeniorManager, Input("1.2", SefPhase.Secondary, RagRating.Good, ["1.2-g-vision", "1.2-si-unaware"]));
        result.Errors.Single().Message.ShouldContain("no better than Requires significant improvement");
    }

    [Fact]
    public async Task AStaleRating_IsRefusedNamingWhoChangedIt()
    {
        (await RateAs(Role.QualityAssuranceManager, Input("1.1", SefPhase.Primary, RagRating.RequiresSomeImprovement, []))).Succeeded.ShouldBeTrue();
        (await RateAs(Role.SeniorManager, Input("1.1", SefPhase.Primary, RagRating.RequiresSignificantImprovement, [], version: 1))).Succeeded.ShouldBeTrue();
        var stale = await RateAs(Role.QualityAssuranceManager, Input("1.1", SefPhase.Primary, RagRating.Good, ["1.1-g-effective"], version: 1));
        stale.IsConflict.ShouldBeTrue();
        stale.Errors.Single().Message.ShouldContain("smt@demo-borough.example");
    }

    [Fact]
    public async Task SignOff_NeedsEveryStandardRated_AndTheSmt()
    {
        (await RateAs(Role.SeniorManager, Input("1.1", SefPhase.Primary, RagRating.RequiresSomeImprovement, []))).Succeeded.ShouldBeTrue();
        await using (var db = _world.As(Role.SeniorManager))
        {
            var early = await new MoveSelfEvaluation(db, Source).RunAsync(Year, SelfEvaluationMove.SignOff, "Agreed at the SMT.", 1);
            early.Errors.Single().Message.ShouldContain("Rate every standard before signing off: 26 still to rate, the first standard 1.1 for Early Years");
        }
        await RateEverythingAsync();
        await using (var db = _world.As(Role.QualityAssuranceManager))
            (await new MoveSelfEvaluation(db, Source).RunAsync(Year, SelfEvaluationMove.SignOff, "Agreed.", 1)).IsForbidden.ShouldBeTrue();
        await using (var db = _world.As(Role.SeniorManager))
            (await new MoveSelfEvaluation(db, Source).RunAsync(Year, SelfEvaluationMove.SignOff, "Agreed at the SMT.", 1)).Succeeded.ShouldBeTrue();
        var signed = await DashboardAs(Role.InterventionOfficer);
        (signed.State, signed.SignedOffBy).ShouldBe((SelfEvaluationState.SignedOff, Names[Role.SeniorManager]));
        signed.OverallFor(StandardGroup.Impact, null)!.Rating.ShouldBe(RagRating.RequiresSomeImprovement);
        (await RateAs(Role.SeniorManager, Input("1.1", SefPhase.Primary, RagRating.RequiresSomeImprovement, [], version: 1))).Errors.Single().Message.ShouldContain("signed off");
    }

    private async Task RateEverythingAsync()
    {
        foreach (var standard in Source.Standards.Standards)
            foreach (var phase in RagRatings.Phases.Where(standard.AppliesTo))
            {
                var current = (await DashboardAs()).Cell(standard.Id, phase)!;
                var met = standard.CriteriaFor(phase).Where(c => c.Band is not null && c.Level == RagRating.RequiresSomeImprovement && c.Band.Measure == ComputedMeasure.TargetsInLine).Select(c => c.Id).ToArray();
                var result = await RateAs(Role.SeniorManager, Input(standard.Id, phase, RagRating.RequiresSomeImprovement, met, current.Version));
                result.Succeeded.ShouldBeTrue($"{standard.Id} {phase}: " + string.Join("; ", result.Errors.Select(e => e.Message)));
            }
    }

    [Theory]
    [InlineData(Role.InterventionOfficer, true, false)]
    [InlineData(Role.LaAdministrator, true, false)]
    [InlineData(Role.QualityAssuranceManager, true, true)]
    [InlineData(Role.SchoolImprovementPartner, false, false)]
    [InlineData(Role.SchoolUser, false, false)]
    [InlineData(Role.Governor, false, false)]
    [InlineData(Role.Partner, false, false)]
    [InlineData(Role.HealthySchoolsCoordinator, false, false)]
    public async Task WhoMayReadAndRate_FollowsTheAccessRules(Role role, bool reads, bool rates)
    {
        await using var db = _world.As(role);
        (await new GetSelfEvaluation(db, Source).RunAsync(Year)).IsForbidden.ShouldBe(!reads);
        (await new RateStandard(db, Source).RunAsync(Input("1.1", SefPhase.Primary, RagRating.RequiresSomeImprovement, []))).IsForbidden.ShouldBe(!rates);
    }
}

public sealed class SelfEvaluationOperationsTests_Sqlite() : SelfEvaluationOperationsTests(DatabaseProvider.Sqlite);
public sealed class SelfEvaluationOperationsTests_Postgres() : SelfEvaluationOperationsTests(DatabaseProvider.Postgres);
