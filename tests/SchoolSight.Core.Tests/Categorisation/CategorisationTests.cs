using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SchoolSight.Core.Access;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Categorisation;

/// <summary>Proposals from the default criteria, SMT decisions, the school's view, rule set uploads and the what-if preview.</summary>
public abstract class CategorisationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Millbrook = RegisterData.FirstUrn;          // primary, attainment far below England two years running
    private const int Ashcombe = RegisterData.FirstUrn + 1;       // primary, doing well
    private const int Valewood = RegisterData.FirstUrn + 2;       // primary, doing well
    private const int Saltmarsh = RegisterData.FirstUrn + 20;     // secondary
    private const string Smt = "director@demo-borough.example";
    private const string OtherSmt = "deputy.director@demo-borough.example";
    private TestDatabase _database = null!;
    private readonly TestClock _clock = new(2026, 11, 23);
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;
    private readonly RuleSets _ruleSets = new(IndicatorCatalogueSource.Default);
    private int _openSchools;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
        foreach (var year in new[] { 2023, 2024 })
        {
            // 6 of 30 at the expected standard (England, the three schools, 60%), with poor progress scores that the
            // DfE published none of for 2023/24 and 2024/25, so they count for nothing.
            await StoreAsync(Millbrook, year, new PupilBuilder()
                .Add(6, ("KS2_RWM_EXP", "Y"), ("KS2_READ_PROG", "-6"), ("KS2_MAT_PROG", "-8"))
                .Add(24, ("KS2_RWM_EXP", "N"), ("KS2_READ_PROG", "-7"), ("KS2_MAT_PROG", "-9")).Build());
            foreach (var urn in new[] { Ashcombe, Valewood })
                await StoreAsync(urn, year, new PupilBuilder()
                    .Add(24, ("KS2_RWM_EXP", "Y"), ("KS2_READ_PROG", "1"), ("KS2_MAT_PROG", "1"))
                    .Add(6, ("KS2_RWM_EXP", "N"), ("KS2_READ_PROG", "0"), ("KS2_MAT_PROG", "0")).Build());
        }
        await using var db = _database.AsAdmin();
        await new ComputeIndicators(db, _source).RunAsync(new ComputeRequest(true));
        _openSchools = (await db.Schools.Select(s => s.Details.Status).ToListAsync()).Count(s => s != Domain.Register.SchoolStatus.Closed);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task StoreAsync(int urn, int year, PupilColumns pupils)
    {
        await using var db = _database.AsAdmin();
        var data = PupilBlockCodec.Encode(pupils);
        var refs = PupilBlockCodec.EncodeRefs(pupils.PupilRefs);
        db.PupilDataBlocks.Add(new PupilDataBlock(urn, year, pupils.Count, PupilBlockCodec.Hash(data, refs), data, refs, 0, db.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>A recent good Ofsted inspection and this year's self-evaluation and SIP judgements: nothing missing to review.</summary>
    private async Task GiveFullEvidenceAsync(int urn)
    {
        await using var db = _database.AsAdmin();
        var import = new Domain.Imports.ImportRecord(Domain.Imports.ImportKind.Ofsted, "ofsted.csv", new string('1', 64), db.UtcNow, "admin", "LA 999");
        db.Imports.Add(import);
        await db.SaveChangesAsync();
        db.OfstedInspections.Add(new OfstedInspection(urn, new OfstedOutcome
        {
            InspectionDate = new DateOnly(2024, 5, 1),
            OverallEffectiveness = OfstedJudgement.Good,
            SafeguardingEffective = true,
            QualityOfEducation = OfstedJudgement.Good,
            BehaviourAndAttitudes = OfstedJudgement.Good,
            PersonalDevelopment = OfstedJudgement.Good,
            LeadershipAndManagement = OfstedJudgement.Good,
        }, import.Id));
        foreach (var source in new[] { JudgementSource.SelfEvaluation, JudgementSource.SchoolImprovementPartner })
            db.SchoolJudgements.Add(new SchoolJudgement(urn, 2026, source, JudgementArea.OverallEffectiveness, OfstedJudgement.Good, new DateOnly(2026, 10, 1), null, "someone"));
        await db.SaveChangesAsync();
    }

    private AppDbContext As(string name, Role role) => _database.CreateContext(new FixedCurrentUser(name, role), _clock);

    private async Task<ProposalRun> ProposeAsync(Role role = Role.QualityAssuranceManager)
    {
        await using var db = As("qa@demo-borough.example", role);
        var result = await new ProposeLevels(db, _ruleSets, new CategorisationEvidence(db, _source)).RunAsync();
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    private async Task<LevelProposal> OpenProposalAsync(int urn)
    {
        await using var db = _database.AsAdmin();
        return await db.LevelProposals.SingleAsync(p => p.Urn == urn && p.Status == ProposalStatus.Open);
    }

    private async Task<OperationResult<SchoolLevelDecision>> DecideAsync(int urn, LevelOfSupport? level = null, string? reason = null, string who = Smt, Role role = Role.SeniorManager)
    {
        var proposal = await OpenProposalAsync(urn);
        await using var db = As(who, role);
        return await new AgreeLevel(db).RunAsync(new LevelDecisionInput(proposal.Id, proposal.Version, level, reason));
    }

    [Fact]
    public async Task Propose_GivesEveryOpenSchoolAProposal_WithTheRulesThatFired_TheirEvidence_AndTheDatesOfTheData()
    {
        var run = await ProposeAsync();

        run.Schools.ShouldBe(_openSchools);
        run.New.ShouldBe(_openSchools);
        run.RuleSetVersion.ShouldBe("2026.3");
        var millbrook = await OpenProposalAsync(Millbrook);
        millbrook.ProposedLevel.ShouldBe(LevelOfSupport.Intensive);
        var explanation = ProposalExplanation.FromJson(millbrook.Explanation);
        var low = explanation.Fired.Single(r => r.Id == "ks2-standards-unacceptably-low");
        low.Evidence.Select(e => e.Date).ShouldBe(["2023/24", "2024/25"]);
        low.Evidence.ShouldAllBe(e => e.Value.StartsWith("20.0% (30 pupils); England 60.0%"));
        // Low attainment in the latest year is the same evidence: implied by the higher rule, not a second reason.
        explanation.Fired.ShouldNotContain(r => r.Id == "ks2-attainment-low");
        explanation.ImpliedRules.ShouldContain(r => r.Rule.Id == "ks2-attainment-low" && r.ImpliedBy == low.Description);
        explanation.Fired.ShouldNotContain(r => r.Id.Contains("progress"));

        // Ashcombe is doing well but has no Ofsted outcome, self-evaluation or SIP judgement: missing, so reviewed, not assumed good.
        var ashcombe = await OpenProposalAsync(Ashcombe);
        ashcombe.ProposedLevel.ShouldBe(LevelOfSupport.Universal);
        ashcombe.NeedsReview.ShouldBeTrue();
        var why = ProposalExplanation.FromJson(ashcombe.Explanation);
        why.Fired.Select(r => r.Id).ShouldBe(["no-recent-ofsted", "no-recent-self-evaluation", "no-recent-sip-judgement"], ignoreOrder: true);
        why.Missing.ShouldContain("Ofsted: no inspection held");
    }

    [Fact]
    public async Task Propose_ReadsOfstedJudgementsAndConcerns()
    {
        await using (var db = _database.AsAdmin())
        {
            var import = new Domain.Imports.ImportRecord(Domain.Imports.ImportKind.Ofsted, "ofsted.csv", new string('0', 64), db.UtcNow, "admin", "LA 999");
            db.Imports.Add(import);
            await db.SaveChangesAsync();
            db.OfstedInspections.Add(new OfstedInspection(Valewood, new OfstedOutcome
            {
                InspectionDate = new DateOnly(2025, 6, 4),
                OverallEffectiveness = OfstedJudgement.Inadequate,
                CategoryOfConcern = CategoryOfConcern.SeriousWeaknesses,
                LeadershipAndManagement = OfstedJudgement.Inadequate,
                SafeguardingEffective = true,
            }, import.Id));
            db.SchoolJudgements.Add(new SchoolJudgement(Saltmarsh, 2026, JudgementSource.SchoolImprovementPartner, JudgementArea.OverallEffectiveness,
                OfstedJudgement.RequiresImprovement, new DateOnly(2026, 10, 14), null, "sip@demo-borough.example"));
            db.SchoolConcerns.Add(new SchoolConcern(Ashcombe, ConcernKind.Safeguarding, new DateOnly(2026, 11, 2), "Site security.", "officer@demo-borough.example"));
            var closed = new SchoolConcern(Saltmarsh, ConcernKind.Safeguarding, new DateOnly(2026, 1, 10), "Resolved.", "officer@demo-borough.example");
            closed.Close(new DateOnly(2026, 3, 1), "Fencing repaired.", "officer@demo-borough.example");
            db.SchoolConcerns.Add(closed);
            await db.SaveChangesAsync();
        }

        await ProposeAsync();

        var valewood = ProposalExplanation.FromJson((await OpenProposalAsync(Valewood)).Explanation);
        valewood.Level.ShouldBe(LevelOfSupport.Intensive);
        valewood.Fired.Single(r => r.Id == "ofsted-serious-weaknesses").Evidence.Single().ShouldBe(new("Ofsted inspection", "Serious weaknesses", "4 June 2025"));
        valewood.Fired.ShouldNotContain(r => r.Id == "ofsted-special-measures");

        var saltmarsh = ProposalExplanation.FromJson((await OpenProposalAsync(Saltmarsh)).Explanation);
        saltmarsh.Level.ShouldBe(LevelOfSupport.Targeted);
        saltmarsh.Fired.Single(r => r.Id == "sip-judges-requires-improvement").Evidence.Single().Date.ShouldBe("2026/27, judged 14 October 2026");
        saltmarsh.Fired.ShouldNotContain(r => r.Id == "safety-threatened");

        var ashcombe = ProposalExplanation.FromJson((await OpenProposalAsync(Ashcombe)).Explanation);
        ashcombe.Level.ShouldBe(LevelOfSupport.Intensive);
        ashcombe.Fired.Single(r => r.Id == "safety-threatened").Evidence.Single().Date.ShouldBe("raised 2 November 2026");
    }

    [Fact]
    public async Task ProposingAgain_WithNothingChanged_KeepsTheOpenProposals_AndAChangeReplacesOnlyThatSchools()
    {
        await ProposeAsync();
        var again = await ProposeAsync();
        again.New.ShouldBe(0);
        again.Unchanged.ShouldBe(_openSchools);

        await using (var db = _database.AsAdmin())
        {
            db.SchoolConcerns.Add(new SchoolConcern(Valewood, ConcernKind.ManagementOrGovernance, new DateOnly(2026, 11, 20), "Governors resigned.", "officer"));
            await db.SaveChangesAsync();
        }
        var third = await ProposeAsync();
        third.New.ShouldBe(1);
        await using var check = _database.AsAdmin();
        (await check.LevelProposals.CountAsync(p => p.Urn == Valewood && p.Status == ProposalStatus.Superseded)).ShouldBe(1);
        (await OpenProposalAsync(Valewood)).ProposedLevel.ShouldBe(LevelOfSupport.Targeted);
    }

    [Fact]
    public async Task OnlyLaStaffMayPropose()
    {
        await using var db = As("head@demo-borough.example", Role.SchoolUser);
        var result = await new ProposeLevels(db, _ruleSets, new CategorisationEvidence(db, _source)).RunAsync();
        result.Succeeded.ShouldBeFalse();
        (await db.LevelProposals.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task OnlyTheSmt_ChangesASchoolsLevel_AndTheDecisionKeepsWhoWhenWhyAndTheRuleSetVersion()
    {
        await ProposeAsync();

        var refused = await DecideAsync(Millbrook, who: "qa@demo-borough.example", role: Role.QualityAssuranceManager);
        refused.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("Only a member of the senior management team can agree a school's level of support");
        await using (var db = _database.AsAdmin()) (await db.SchoolLevels.CountAsync()).ShouldBe(0);

        var agreed = await DecideAsync(Millbrook, reason: "Agreed at SMT on 23 November.");
        agreed.Errors.ShouldBeEmpty();
        await using var check = _database.AsAdmin();
        var decision = await check.SchoolLevels.SingleAsync(d => d.Urn == Millbrook);
        decision.Level.ShouldBe(LevelOfSupport.Intensive);
        decision.PreviousLevel.ShouldBeNull();
        decision.AgreedWithProposal.ShouldBeTrue();
        decision.DecidedBy.ShouldBe(Smt);
        decision.DecidedByRole.ShouldBe(Role.SeniorManager);
        decision.DecidedAt.ShouldBe(_clock.GetUtcNow().UtcDateTime);
        decision.Reason.ShouldBe("Agreed at SMT on 23 November.");
        decision.RuleSetVersion.ShouldBe("2026.3");
        const string TwoYearsLow = "In each of the last two years with results, the share of pupils reaching the expected standard";
        decision.ReasonLines.ShouldContain(l => l.StartsWith(TwoYearsLow, StringComparison.Ordinal) && l.Contains("2024/25"));
        // The page takes each stored line apart again: what the rule says, the level it points to, its evidence.
        var low = decision.ReasonParts.Single(r => r.Description.StartsWith(TwoYearsLow, StringComparison.Ordinal));
        low.Level.ShouldBe(LevelOfSupport.Intensive);
        low.Description.ShouldNotContain("[");
        low.Evidence.ShouldNotBeNull().ShouldContain("2024/25");
        decision.ReasonSummaries.ShouldBe(decision.ReasonParts.Select(r => r.Description));
        (await check.LevelProposals.SingleAsync(p => p.Urn == Millbrook)).Status.ShouldBe(ProposalStatus.Agreed);
        (await check.AuditEntries.CountAsync(a => a.EntityType == nameof(SchoolLevelDecision) && a.SchoolUrn == Millbrook)).ShouldBe(1);
    }

    [Fact]
    public async Task SettingAnotherLevel_NeedsAReason_AndIsKeptAsAChange()
    {
        await ProposeAsync();

        var noReason = await DecideAsync(Millbrook, LevelOfSupport.Targeted);
        noReason.Errors.ShouldHaveSingleItem().Field.ShouldBe("Reason");

        (await DecideAsync(Millbrook, LevelOfSupport.Targeted, "A new headteacher started in September; support already in place.")).Errors.ShouldBeEmpty();
        await using var db = _database.AsAdmin();
        var decision = await db.SchoolLevels.SingleAsync(d => d.Urn == Millbrook);
        decision.Level.ShouldBe(LevelOfSupport.Targeted);
        decision.ProposedLevel.ShouldBe(LevelOfSupport.Intensive);
        decision.AgreedWithProposal.ShouldBeFalse();
        (await db.LevelProposals.SingleAsync(p => p.Urn == Millbrook)).Status.ShouldBe(ProposalStatus.Changed);
    }

    [Fact]
    public async Task AgreeingWhenEvidenceIsMissing_NeedsToSayWhatWasReviewed()
    {
        await ProposeAsync();
        (await DecideAsync(Ashcombe)).Errors.ShouldHaveSingleItem().Message.ShouldContain("say what you reviewed");
        (await DecideAsync(Ashcombe, reason: "Inspection due this term; SIP visit booked.")).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task TwoSmtMembersDecidingTheSameProposal_TheSecondIsToldItChanged()
    {
        await ProposeAsync();
        var proposal = await OpenProposalAsync(Millbrook);
        await using var first = As(Smt, Role.SeniorManager);
        await using var second = As(OtherSmt, Role.SeniorManager);
        var firstResult = await new AgreeLevel(first).RunAsync(new LevelDecisionInput(proposal.Id, proposal.Version, null, "Agreed."));
        var secondResult = await new AgreeLevel(second).RunAsync(new LevelDecisionInput(proposal.Id, proposal.Version, LevelOfSupport.Targeted, "Targeted is enough."));

        firstResult.Errors.ShouldBeEmpty();
        secondResult.IsConflict.ShouldBeTrue();
        secondResult.Errors[0].Message.ShouldContain($"changed by {Smt}");
        await using var db = _database.AsAdmin();
        (await db.SchoolLevels.CountAsync(d => d.Urn == Millbrook)).ShouldBe(1);
    }

    /// <summary>Runs an action once, just before the context begins a transaction: after its reads, before its writes.</summary>
    private sealed class Meanwhile(Func<Task> action) : DbTransactionInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await action();
            }
            return result;
        }
    }

    private async Task AddGovernanceConcernAsync(int urn)
    {
        await using var add = _database.AsAdmin();
        add.SchoolConcerns.Add(new SchoolConcern(urn, ConcernKind.ManagementOrGovernance, new DateOnly(2026, 11, 20), "Clerk to governors resigned.", "officer"));
        await add.SaveChangesAsync();
    }

    [Fact]
    public async Task ProposingWhileTheSmtDecidesAProposalItWouldReplace_SavesNothing_AndSaysSo()
    {
        await ProposeAsync();
        var millbrook = await OpenProposalAsync(Millbrook);
        await AddGovernanceConcernAsync(Millbrook);
        int before;
        await using (var db = _database.AsAdmin()) before = await db.LevelProposals.CountAsync();

        // The SMT agrees Millbrook's proposal after this run has read it and before it replaces it.
        await using var qa = _database.CreateContext(new FixedCurrentUser("qa@demo-borough.example", Role.QualityAssuranceManager), _clock,
            new Meanwhile(async () => (await DecideAsync(Millbrook, reason: "Agreed at SMT.")).Errors.ShouldBeEmpty()));
        var run = await new ProposeLevels(qa, _ruleSets, new CategorisationEvidence(qa, _source)).RunAsync();

        run.IsConflict.ShouldBeTrue();
        run.Errors.Single().Message.ShouldContain("nothing has been saved");
        await using (var check = _database.AsAdmin())
        {
            (await check.LevelProposals.CountAsync()).ShouldBe(before);
            (await check.LevelProposals.SingleAsync(p => p.Id == millbrook.Id)).Status.ShouldBe(ProposalStatus.Agreed);
            (await check.SchoolLevels.CountAsync(d => d.Urn == Millbrook)).ShouldBe(1);
        }
        // Proposing again picks up the concern against the level the SMT agreed.
        (await ProposeAsync()).New.ShouldBe(1);
        (await OpenProposalAsync(Millbrook)).Explanation.ShouldContain("governance-concern");
    }

    [Fact]
    public async Task TwoRunsProposingForTheSameSchoolAtOnce_LeaveOneOpenProposal()
    {
        await ProposeAsync();
        (await DecideAsync(Millbrook, reason: "Agreed.")).Errors.ShouldBeEmpty();
        await AddGovernanceConcernAsync(Millbrook);
        // Millbrook has no open proposal now, so both runs add one: the database keeps one open proposal per school.

        // A second run writes its new proposal for Millbrook after this run has read the old one.
        await using var qa = _database.CreateContext(new FixedCurrentUser("qa@demo-borough.example", Role.QualityAssuranceManager), _clock,
            new Meanwhile(async () => (await ProposeAsync(Role.InterventionOfficer)).New.ShouldBe(1)));
        var run = await new ProposeLevels(qa, _ruleSets, new CategorisationEvidence(qa, _source)).RunAsync();

        run.IsConflict.ShouldBeTrue();
        await using var check = _database.AsAdmin();
        (await check.LevelProposals.CountAsync(p => p.Urn == Millbrook && p.Status == ProposalStatus.Open)).ShouldBe(1);
    }

    [Fact]
    public async Task AgreeingUnchangedLevelsWhileAnotherSmtMemberDecidesOne_AgreesNone_AndSaysSo()
    {
        await GiveFullEvidenceAsync(Millbrook);
        await ProposeAsync();
        (await DecideAsync(Millbrook, reason: "Agreed.")).Errors.ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromDays(1));
        await AddGovernanceConcernAsync(Millbrook);
        (await ProposeAsync()).New.ShouldBe(1);

        await using var db = _database.CreateContext(new FixedCurrentUser(Smt, Role.SeniorManager), _clock, new Meanwhile(async () =>
            (await DecideAsync(Millbrook, LevelOfSupport.Targeted, "The clerk has been replaced: targeted is enough.", OtherSmt)).Errors.ShouldBeEmpty()));
        var agreed = await new AgreeLevel(db).AgreeUnchangedAsync("Termly review: no change.");

        agreed.IsConflict.ShouldBeTrue();
        await using var check = _database.AsAdmin();
        var levels = await check.SchoolLevels.Where(d => d.Urn == Millbrook).OrderBy(d => d.Id).ToListAsync();
        levels.Count.ShouldBe(2);
        (levels[^1].Level, levels[^1].DecidedBy).ShouldBe((LevelOfSupport.Targeted, OtherSmt));
    }

    [Fact]
    public async Task TheHistory_RecordsEachMove_AndTheSchoolSeesOnlyItsOwnAgreedLevel_WithoutTheLasConcerns()
    {
        await ProposeAsync();
        (await DecideAsync(Valewood, reason: "Checked the data with the SIP.")).Errors.ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromDays(30));
        await using (var db = _database.AsAdmin())
        {
            db.SchoolConcerns.Add(new SchoolConcern(Valewood, ConcernKind.Safeguarding, new DateOnly(2026, 12, 1), "Serious incident.", "officer"));
            await db.SaveChangesAsync();
        }
        await ProposeAsync();
        (await DecideAsync(Valewood, reason: "Safeguarding review under way.")).Errors.ShouldBeEmpty();

        await using var school = _database.CreateContext(new FixedCurrentUser("head@valewood.example", Role.SchoolUser, scope: Domain.Access.SchoolScope.Of([Valewood])), _clock);
        var view = (await new GetSchoolLevel(school, _ruleSets).RunAsync(Valewood)).Value;
        view.ShouldNotBeNull();
        view.Current!.Level.ShouldBe(LevelOfSupport.Intensive);
        view.Current.PreviousLevel.ShouldBe(LevelOfSupport.Universal);
        view.Current.Movement.ShouldBe(1);
        view.History.Count.ShouldBe(2);
        // The concern is the LA's: the school is told only that the LA holds information, and the SMT's own reason.
        view.Current.ReasonLines.ShouldContain(SchoolLevelDecision.HeldByTheLa);
        view.Current.ReasonLines.ShouldNotContain(l => l.Contains("safety of pupils or staff") || l.Contains("oncern") || l.Contains("afeguarding"));
        view.Current.Reason.ShouldBe("Safeguarding review under way.");
        view.SeesProposals.ShouldBeFalse();
        view.OpenProposalId.ShouldBeNull();
        var la = (await new GetSchoolLevel(As("qa@la.example", Role.QualityAssuranceManager), _ruleSets).RunAsync(Valewood)).Value;
        la!.Current!.ReasonLines.ShouldContain(l => l.Contains("safety of pupils or staff") && l.Contains(Domain.Categorisation.Rules.ConcernCondition.EvidenceLabel));
        la.Current.ReasonLines.ShouldNotContain(SchoolLevelDecision.HeldByTheLa);
        (await new GetSchoolLevel(school, _ruleSets).RunAsync(Millbrook)).Errors.ShouldHaveSingleItem().Kind.ShouldBe(ErrorKind.NotFound);
        (await new GetProposals(school).OverviewAsync()).Errors.ShouldHaveSingleItem().Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Fact]
    public async Task AgreeUnchanged_AgreesOnlyProposalsThatKeepTheCurrentLevelWithNothingToReview()
    {
        await GiveFullEvidenceAsync(Millbrook);
        await ProposeAsync();
        (await DecideAsync(Millbrook, reason: "Agreed.")).Errors.ShouldBeEmpty();
        _clock.Advance(TimeSpan.FromDays(1));
        // Nothing has changed since the level was agreed: nothing new to propose for the school.
        (await ProposeAsync()).New.ShouldBe(0);
        // A governance concern fires another rule, but the level stays intensive.
        await AddGovernanceConcernAsync(Millbrook);
        (await ProposeAsync()).New.ShouldBe(1);
        await using var db = As(Smt, Role.SeniorManager);
        var agreed = await new AgreeLevel(db).AgreeUnchangedAsync("Termly review: no change.");
        agreed.Value.ShouldBe(1);
        (await db.SchoolLevels.CountAsync(d => d.Urn == Millbrook)).ShouldBe(2);
        (await db.LevelProposals.CountAsync(p => p.Status == ProposalStatus.Open)).ShouldBe(_openSchools - 1);
    }

    private const string Draft = """
        version: "2027.1"
        name: Stricter criteria
        rules:
          - id: ks2-low
            description: Fewer than 80% reach the expected standard.
            source: LA policy 2027
            level: targeted
            phases: [primary]
            when:
              - indicator: KS2_RWM_EXP
                worse-than: 81
          - id: no-ks2
            description: No KS2 results.
            source: LA policy 2027
            level: review
            phases: [primary]
            when:
              - missing: KS2_RWM_EXP
        """;

    [Fact]
    public async Task UploadingABadRuleSet_ListsEveryProblem_AndStoresNothing()
    {
        await using var db = As("admin@demo-borough.example", Role.LaAdministrator);
        var result = await new ManageRuleSets(db, _ruleSets).UploadAsync(Draft.Replace("missing: KS2_RWM_EXP", "missing: KS2_RWM").Replace("worse-than: 81", "worse-than: lots"));

        result.Errors.Select(e => e.Message).ShouldBe(
        [
            "Line 11, column 21: 'worse-than: lots' is not a comparison: give a number in the indicator's unit (a percentage, higher is better) or a benchmark: england, la or locality",
            "Line 18, column 18: 'KS2_RWM' is not evidence a rule can find missing: use ofsted, self-evaluation, sip or an indicator id: did you mean KS2_RWM_EXP or KS2_RWM_HIGH or KS2_RWM_CIC?",
        ]);
        (await db.RuleSets.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task WhatIf_ShowsWhichSchoolsWouldMoveAndWhy_ThenAdoptingChangesTheProposals()
    {
        await using (var db = As("qa@demo-borough.example", Role.QualityAssuranceManager))
        {
            var upload = await new ManageRuleSets(db, _ruleSets).UploadAsync(Draft);
            upload.Errors.ShouldBeEmpty();
            var preview = await new PreviewRuleSet(db, _ruleSets, new CategorisationEvidence(db, _source)).RunAsync(upload.Value!.Id);
            preview.Errors.ShouldBeEmpty();
            var whatIf = preview.Value!;
            whatIf.DraftVersion.ShouldBe("2027.1");
            // Millbrook falls from intensive to targeted under the draft (it has no two-year rule); Ashcombe and Valewood
            // (80%) rise to targeted; schools with no evidence stop being reviewed for Ofsted, SIP and self-evaluation.
            var millbrook = whatIf.Changes.Single(c => c.Urn == Millbrook);
            millbrook.Direction.ShouldBe(-1);
            millbrook.NoLongerFiring.ShouldContain(r => r.Contains("at least 20 percentage points below England's"));
            var ashcombe = whatIf.Changes.Single(c => c.Urn == Ashcombe);
            ashcombe.Direction.ShouldBe(1);
            ashcombe.DraftProposal.ShouldBe(LevelOfSupport.Targeted);
            ashcombe.NowFiring.ShouldBe(["Fewer than 80% reach the expected standard."]);
            whatIf.MoreSupport.ShouldBe(2);
            whatIf.LessSupport.ShouldBe(1);

            var notAllowed = await new ManageRuleSets(db, _ruleSets).AdoptAsync(upload.Value.Id, "Stricter.");
            notAllowed.Succeeded.ShouldBeFalse();
            (await db.LevelProposals.CountAsync()).ShouldBe(0);
        }

        await using (var smt = As(Smt, Role.SeniorManager))
        {
            var id = await smt.RuleSets.Where(r => r.Version == "2027.1").Select(r => r.Id).SingleAsync();
            (await new ManageRuleSets(smt, _ruleSets).AdoptAsync(id, "Agreed by SMT for 2027.")).Errors.ShouldBeEmpty();
            (await smt.RuleSets.SingleAsync(r => r.Version == "2026.3")).Status.ShouldBe(RuleSetStatus.Retired);
        }
        await ProposeAsync();
        (await OpenProposalAsync(Ashcombe)).RuleSetVersion.ShouldBe("2027.1");
        (await OpenProposalAsync(Ashcombe)).ProposedLevel.ShouldBe(LevelOfSupport.Targeted);
    }

    [Fact]
    public async Task WhatIf_ARuleThatFiresUnderBothButPointsElsewhere_IsGivenAsTheReason()
    {
        var shipped = RuleSets.ReadDefault();
        const string Intensive = "    level: intensive\n    phases: [primary, all-through]\n";
        var at = shipped.IndexOf("  - id: ks2-standards-unacceptably-low", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        var end = shipped.IndexOf(Intensive, at, StringComparison.Ordinal);
        var draft = shipped[..end].Replace("version: \"2026.3\"", "version: \"2027.2\"", StringComparison.Ordinal)
            + Intensive.Replace("intensive", "targeted", StringComparison.Ordinal) + shipped[(end + Intensive.Length)..];

        await using var db = As("qa@demo-borough.example", Role.QualityAssuranceManager);
        var upload = await new ManageRuleSets(db, _ruleSets).UploadAsync(draft);
        upload.Errors.ShouldBeEmpty();
        var whatIf = (await new PreviewRuleSet(db, _ruleSets, new CategorisationEvidence(db, _source)).RunAsync(upload.Value!.Id)).Value!;

        // Millbrook's two years far below England now point to targeted: it would get less support, for that reason only.
        var millbrook = whatIf.Changes.Single(c => c.Urn == Millbrook);
        millbrook.Direction.ShouldBe(-1);
        millbrook.DraftProposal.ShouldBe(LevelOfSupport.Targeted);
        millbrook.NowFiring.ShouldBeEmpty();
        millbrook.NoLongerFiring.ShouldBeEmpty();
        millbrook.PointingElsewhere.ShouldBe(
            ["In each of the last two years with results, the share of pupils reaching the expected standard in reading, writing and maths at key stage 2 was at least 20 percentage points below England's, by more than chance: standards are low and likely to remain so. Now targeted, was intensive."]);
        whatIf.Changes.ShouldAllBe(c => c.Direction <= 0);
    }
}

public sealed class CategorisationTests_Sqlite() : CategorisationTests(DatabaseProvider.Sqlite);
public sealed class CategorisationTests_Postgres() : CategorisationTests(DatabaseProvider.Postgres);
