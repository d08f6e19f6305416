using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.CategorisationWorld;

namespace SchoolSight.Core.Tests.Categorisation;

public abstract class RiskRegisterTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await CategorisationWorld.CreateAsync(provider);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<RiskRegister> Run(RiskRegisterFilter? filter = null)
    {
        await using var db = _database.As(Role.SeniorManager);
        return await new GetRiskRegister(db, IndicatorCatalogueSource.Default).RunAsync(filter ?? RiskRegisterFilter.Everything);
    }

    [Fact]
    public async Task EveryOpenSchool_IsListed_MostSupportFirst_ThenByName()
    {
        var register = await Run();
        register.Rows.Count.ShouldBe(RegisterData.SchoolCount - 3, "the three closed schools are left out");
        register.Rows.ShouldNotContain(r => r.Urn == RegisterData.FirstUrn + 9);
        register.Rows.Select(r => r.Urn).Take(4).ShouldBe([Rising, LeavingMeasures, Proposed, register.Rows[3].Urn]);
        register.Rows[3].Level.ShouldBeNull();
        var uncategorised = register.Rows.Skip(3).Select(r => r.Name).ToList();
        uncategorised.ShouldBe([.. uncategorised.Order(StringComparer.OrdinalIgnoreCase)]);
        register.AsAt.ShouldBe(new DateOnly(2026, 11, 1));
        register.LaName.ShouldBe("Demo Borough");
    }

    [Fact]
    public async Task ASchoolsRow_HasItsLevel_Movement_Reasons_Ofsted_Judgements_AndTrend()
    {
        var row = (await Run()).Rows.Single(r => r.Urn == Rising);
        row.Locality.ShouldBe("North");
        row.Phase.ShouldBe(SchoolPhase.Primary);
        row.Level.ShouldBe(LevelOfSupport.Intensive);
        row.Movement.ShouldBe(new LevelMovement(1, LevelOfSupport.Targeted, LevelOfSupport.Intensive, new DateOnly(2026, 5, 1)));
        row.Reasons.ShouldBe(["KS2 expected standard below the floor", "SIP judges leadership inadequate"]);
        row.ProposedLevel.ShouldBeNull();
        (row.Ofsted!.InspectionDate, row.Ofsted.Framework, row.Ofsted.Overall, row.Ofsted.Category)
            .ShouldBe((new DateOnly(2026, 9, 15), OfstedFramework.ReportCard, (OfstedJudgement?)null, (CategoryOfConcern?)CategoryOfConcern.SpecialMeasures));
        CategorisationText.Ofsted(row.Ofsted).ShouldBe("Report card: attendance and behaviour needs attention, leadership and governance urgent improvement; special measures (15 September 2026)");
        row.Sip.ShouldBe(new OverallJudgement(OfstedJudgement.Inadequate, 2026, JudgementArea.OverallEffectiveness));
        row.SelfEvaluation.ShouldBe(new OverallJudgement(OfstedJudgement.RequiresImprovement, 2026, JudgementArea.OverallEffectiveness));
        row.Trend.ShouldBe(new HeadlineTrend("KS2_RWM_EXP", row.Trend!.IndicatorName, TrendDirection.Improving));
        row.Case.ShouldBeNull();
        CategorisationText.MovementText(row.Movement).ShouldBe("▲ moved up to more support, from Targeted to Intensive, on 1 May 2026");
    }

    [Fact]
    public async Task TheLatestJudgement_AnOpenProposal_AndTheSecondaryFallbackTrend_AreShown()
    {
        var row = (await Run()).Rows.Single(r => r.Urn == Proposed);
        row.Level.ShouldBe(LevelOfSupport.Universal);
        row.Movement.ShouldBe(new LevelMovement(0, null, LevelOfSupport.Universal, new DateOnly(2025, 12, 1)));
        row.ProposedLevel.ShouldBe(LevelOfSupport.Intensive);
        CategorisationText.Proposed(row.ProposedLevel).ShouldBe("Proposed: Intensive");
        row.Sip.ShouldBe(new OverallJudgement(OfstedJudgement.Good, 2025, JudgementArea.OverallEffectiveness));
        CategorisationText.Judgement(row.Sip).ShouldBe("Good (2025/26)");
        row.SelfEvaluation.ShouldBe(new OverallJudgement(OfstedJudgement.Outstanding, 2025, JudgementArea.OverallEffectiveness));
        row.Trend!.IndicatorId.ShouldBe("KS4_ATT8", "no Progress 8, so Attainment 8");
        row.Trend.Direction.ShouldBe(TrendDirection.Declining);
        row.Ofsted.ShouldBeNull();
    }

    [Fact]
    public async Task ASchoolWithNoLevel_IsNotYetCategorised_AndShowsItsOpenCase()
    {
        var rows = (await Run()).Rows;
        var inProgramme = rows.Single(r => r.Urn == InProgramme);
        inProgramme.Level.ShouldBeNull();
        inProgramme.Movement.ShouldBeNull();
        inProgramme.Reasons.ShouldBeEmpty();
        inProgramme.Case.ShouldNotBeNull();
        inProgramme.Case.State.ShouldBe(CaseState.Active);
        inProgramme.Case.Tier.ShouldBe(SupportTier.Targeted);
        CategorisationText.Level(inProgramme.Level).ShouldBe("Not yet categorised");

        var nothing = rows.Single(r => r.Urn == Uncategorised);
        nothing.Trend!.Direction.ShouldBe(TrendDirection.NotEnoughYears);
        (nothing.Sip, nothing.SelfEvaluation, nothing.Ofsted, nothing.Case).ShouldBe((null, null, null, null));
        rows.Single(r => r.Urn == Special).Trend!.IndicatorId.ShouldBe("ABSENCE_RATE");

        var leaving = rows.Single(r => r.Urn == LeavingMeasures);
        leaving.Ofsted!.Framework.ShouldBe(OfstedFramework.ReportCard);
        CategorisationText.Ofsted(leaving.Ofsted).ShouldBe("Report card: every area expected standard or better (20 May 2026)");
    }

    [Fact]
    public async Task Filters_NarrowByLocality_Phase_AndLevel()
    {
        var all = await Run();
        var north = all.Localities.Single(l => l.Name == "North").Id;
        (await Run(new RiskRegisterFilter(LocalityId: north))).Rows.ShouldAllBe(r => r.Locality == "North");
        (await Run(new RiskRegisterFilter(LocalityId: north))).Rows.Count.ShouldBe(18);
        (await Run(new RiskRegisterFilter(Phase: SchoolPhase.Secondary))).Rows.Select(r => r.Urn).ShouldBe([LeavingMeasures, Proposed, .. Enumerable.Range(RegisterData.FirstUrn + 22, 4)], ignoreOrder: true);
        (await Run(new RiskRegisterFilter(Level: LevelOfSupport.Intensive))).Rows.Select(r => r.Urn).ShouldBe([Rising]);
        var none = (await Run(new RiskRegisterFilter(NotYetCategorised: true))).Rows;
        none.Count.ShouldBe(all.Rows.Count - 3);
        none.ShouldContain(r => r.Urn == InProgramme);
        none.ShouldAllBe(r => r.Level == null);
        (await Run(new RiskRegisterFilter(LocalityId: north, Level: LevelOfSupport.Targeted))).Rows.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("x", null, null, "locality")]
    [InlineData(null, "Kindergarten", null, "phase")]
    [InlineData(null, null, "severe", "level")]
    public void ABadFilter_IsNamed(string? locality, string? phase, string? level, string field)
    {
        var (_, errors) = RiskRegisterFilter.Parse(locality, phase, level);
        errors.Single().Field.ShouldBe(field);
    }

    [Fact]
    public void AGoodFilter_IsRead()
    {
        var (filter, errors) = RiskRegisterFilter.Parse("3", "secondary", "none");
        errors.ShouldBeEmpty();
        filter.ShouldBe(new RiskRegisterFilter(3, SchoolPhase.Secondary, null, true));
        RiskRegisterFilter.Parse(null, null, "Targeted").Filter.Level.ShouldBe(LevelOfSupport.Targeted);
    }
}

public sealed class RiskRegisterTests_Sqlite() : RiskRegisterTests(DatabaseProvider.Sqlite);
public sealed class RiskRegisterTests_Postgres() : RiskRegisterTests(DatabaseProvider.Postgres);
