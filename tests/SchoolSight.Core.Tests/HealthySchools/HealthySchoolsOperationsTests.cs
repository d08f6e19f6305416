using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Tests.Categorisation;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.HealthySchools;

public abstract class HealthySchoolsOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;
    private int _version;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>Runs an operation as <paramref name="role"/>; a success keeps the record's new version for the next step.</summary>
    private async Task<OperationResult<int>> As(Role role, Func<AppDbContext, Task<OperationResult<int>>> run)
    {
        await using var db = _world.As(role);
        var result = await run(db);
        if (result.Succeeded) _version = result.Value;
        return result;
    }

    private Task<OperationResult<int>> Ok(Role role, Func<AppDbContext, Task<OperationResult<int>>> run) => As(role, async db =>
    {
        var result = await run(db);
        result.Errors.ShouldBeEmpty();
        return result;
    });

    private Task<OperationResult<int>> Move(Role role, EnhancementMove move, string? reason = null) =>
        As(role, db => new MoveEngagement(db).RunAsync(School, move, new MoveInput { Reason = reason, Version = _version }));

    private static GetEngagement Viewer(AppDbContext db) =>
        new(db, new GetSchoolIndicators(db, IndicatorCatalogueSource.Default), IndicatorCatalogueSource.Default, new PeopleNames(db));

    private async Task<EngagementView> View(Role role = Role.SchoolUser)
    {
        await using var db = _world.As(role);
        return (await Viewer(db).RunAsync(School)).Value!;
    }

    private async Task<int> LocalPriority()
    {
        await using var db = _world.As(Role.HealthySchoolsCoordinator);
        return (await new AddLocalPriority(db, IndicatorCatalogueSource.Default).RunAsync(new LocalPriorityInput { Title = "Healthy weight", IndicatorId = "PE_TWO_HOURS", Source = "JSNA 2025" })).Value;
    }

    /// <summary>The coordinator records the status the school achieved last month; the school takes its first step.</summary>
    private async Task Engaged()
    {
        await using (var db = _world.As(Role.HealthySchoolsCoordinator))
            (await new RecordStatus(db).RunAsync(School, new StatusInput { AchievedOn = new DateOnly(2026, 10, 1) })).Errors.ShouldBeEmpty();
        await Ok(Role.SchoolUser, db => new EngageSchool(db, HealthySchoolsConfiguration.Default).RunAsync(School));
    }

    [Fact]
    public async Task StartingTheEnhancementModel_IsRefusedWithTheReasonTheAnnualReviewPageGives_UntilTheSchoolMayJoin()
    {
        async Task<(OperationResult<int> Engaging, string PageSays)> TryAsync()
        {
            var engaging = await As(Role.SchoolUser, db => new EngageSchool(db, HealthySchoolsConfiguration.Default).RunAsync(School));
            await using var db = _world.As(Role.SchoolUser);
            var page = await new GetAnnualReview(db, HealthySchoolsConfiguration.Default, new ListAttachments(db), new PeopleNames(db)).RunAsync(School);
            return (engaging, page.Value!.Joining.Reason);
        }

        var (refused, reason) = await TryAsync();
        refused.Errors.Single().Code.ShouldBe("healthy.may-not-join");
        refused.Errors.Single().Message.ShouldBe(reason);
        reason.ShouldContain("does not hold the Healthy School status");

        // Achieved more than a year ago (the clock is at 23 November 2026), and no annual review this year: still refused.
        await using (var db = _world.As(Role.HealthySchoolsCoordinator))
            (await new RecordStatus(db).RunAsync(School, new StatusInput { AchievedOn = new DateOnly(2025, 11, 23) })).Errors.ShouldBeEmpty();
        (refused, reason) = await TryAsync();
        refused.Errors.Single().Message.ShouldBe(reason);
        reason.ShouldContain("the year to join without a review ended on 22 November 2026, so the school joins after its annual review");
        await using (var db = _world.As(Role.SchoolUser))
            (await db.HealthySchoolEngagements.CountAsync()).ShouldBe(0);

        // Renewed last month: the school may join directly.
        await using (var db = _world.As(Role.HealthySchoolsCoordinator))
            (await new RecordStatus(db).RunAsync(School, new StatusInput { AchievedOn = new DateOnly(2026, 10, 1), Version = 1 })).Errors.ShouldBeEmpty();
        (await TryAsync()).Engaging.Errors.ShouldBeEmpty();
        (await View()).Engagement!.Stage.ShouldBe(EnhancementStage.DevelopmentGroup);
    }

    /// <summary>Engaged, group set up, needs analysis done, two priorities chosen: at stage 4.</summary>
    private async Task AtStageFour()
    {
        var local = await LocalPriority();
        int partner;
        await using (var db = _world.As(Role.SchoolUser)) partner = await db.Partners.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        await Engaged();
        foreach (var (name, role, who) in new[] { ("Pat Chair", "Chair", GroupRepresentation.Staff), ("School council", "Member", GroupRepresentation.Pupils),
                     ("Sam Parent", "Member", GroupRepresentation.Parents), ("Gray Governor", "Member", GroupRepresentation.Governors) })
            await Ok(Role.SchoolUser, db => new AddGroupMember(db).RunAsync(School, new GroupMemberInput { Name = name, GroupRole = role, Represents = who, Version = _version }));
        await Ok(Role.HealthySchoolsCoordinator, db => new AddGroupMember(db).RunAsync(School,
            new GroupMemberInput { Name = "Nia Nurse", GroupRole = "Member", Represents = GroupRepresentation.Partner, PartnerId = partner, Version = _version }));
        await Ok(Role.SchoolUser, db => new SetKeyTasks(db).RunAsync(School, "Lead the needs analysis.", _version));
        (await Move(Role.SchoolUser, EnhancementMove.CompleteDevelopmentGroup)).Errors.ShouldBeEmpty();
        await Ok(Role.SchoolUser, db => new RecordNeedsAnalysis(db).RunAsync(School, "Too few pupils do two hours of PE.", _version));
        (await Move(Role.SchoolUser, EnhancementMove.CompleteNeedsAnalysis)).Errors.ShouldBeEmpty();
        await Ok(Role.SchoolUser, db => new AddPriority(db, IndicatorCatalogueSource.Default).RunAsync(School, new PriorityInput { Kind = PriorityKind.Local, LocalPriorityId = local, Version = _version }));
        await Ok(Role.SchoolUser, db => new AddPriority(db, IndicatorCatalogueSource.Default).RunAsync(School,
            new PriorityInput { Kind = PriorityKind.School, Title = "Pupils feel safe", IndicatorId = "PUPIL_FEEL_SAFE", Version = _version }));
        (await Move(Role.SchoolUser, EnhancementMove.ChoosePriorities)).Errors.ShouldBeEmpty();
    }

    private async Task ReadyToSubmit()
    {
        await AtStageFour();
        foreach (var priority in (await View()).Engagement!.CurrentPriorities.Select(p => p.Number).ToList())
            foreach (var (kind, group) in new[] { (OutcomeKind.Quantitative, (string?)null), (OutcomeKind.Perception, null), (OutcomeKind.Targeted, "Year 6 girls") })
                await Ok(Role.SchoolUser, db => new AddOutcome(db, IndicatorCatalogueSource.Default, new OutcomeFigures(new GetSchoolIndicators(db, IndicatorCatalogueSource.Default)))
                    .RunAsync(School, new OutcomeInput
                    {
                        PriorityNumber = priority,
                        Kind = kind,
                        Description = $"{kind} outcome",
                        TargetGroup = group,
                        Baseline = 40,
                        Target = 60,
                        ByWhen = new DateOnly(2028, 7, 1),
                        EvidencedBy = "The pupil survey",
                        Version = _version
                    }));
        await Ok(Role.SchoolUser, db => new AddSuccessIndicator(db).RunAsync(School,
            new SuccessIndicatorInput { Description = "Lunchtime club running", Timescale = new DateOnly(2027, 3, 1), Kind = SuccessIndicatorKind.Process, Version = _version }));
    }

    [Fact]
    public async Task ASchool_GoesFromItsFirstStepToAConfirmedOutcome_ThroughTheQuas()
    {
        await ReadyToSubmit();
        (await Move(Role.SchoolUser, EnhancementMove.SubmitToQuas)).Errors.ShouldBeEmpty();
        _world.Clock.Advance(TimeSpan.FromDays(3));
        await using (var db = _world.As(Role.QuasPanelMember))
        {
            var item = (await new GetQuasQueue(db, new PeopleNames(db)).RunAsync()).Value!.Single();
            (item.Urn, item.What, item.DaysWaiting, item.Answered).ShouldBe((School, "Stage 4 form", 3, false));
        }
        (await Move(Role.QuasPanelMember, EnhancementMove.AskForClarification, "How is the targeted outcome evidenced?")).Errors.ShouldBeEmpty();
        (await Move(Role.SchoolUser, EnhancementMove.SubmitToQuas)).Errors.Single().Message.ShouldBe("Answer the QUAS's request for clarification before sending the form again.");
        await Ok(Role.SchoolUser, db => new AnswerQuas(db).RunAsync(School, new AnswerInput { Answer = "Club registers, each term.", Version = _version }));
        (await Move(Role.SchoolUser, EnhancementMove.SubmitToQuas)).Errors.ShouldBeEmpty();
        (await Move(Role.QuasPanelMember, EnhancementMove.Approve, "Clear and measurable.")).Errors.ShouldBeEmpty();

        var approved = await View(Role.Governor);
        (approved.Engagement!.Stage, approved.Engagement.ApprovedOn).ShouldBe((EnhancementStage.BaselinesAndActivities, _world.Clock.Today));
        approved.Exchange.Select(x => x.Entry.Kind).ShouldBe([QuasEntryKind.Submitted, QuasEntryKind.AskedForClarification, QuasEntryKind.Answered, QuasEntryKind.Submitted, QuasEntryKind.Approved]);
        approved.Exchange[1].Entry.Text.ShouldBe("How is the targeted outcome evidenced?");

        await Ok(Role.SchoolUser, db => new AddActivity(db).RunAsync(School, new ActivityInput { Description = "Daily mile", Reach = ActivityReach.Universal, Version = _version }));
        (await Move(Role.SchoolUser, EnhancementMove.StartImplementation)).Errors.ShouldBeEmpty();
        (await Move(Role.SchoolUser, EnhancementMove.StartMonitoring)).Errors.ShouldBeEmpty();
        await Ok(Role.SchoolUser, db => new ChangeSuccessIndicator(db).RunAsync(School, 1,
            new SuccessIndicatorInput { Description = "Lunchtime club running twice a week", Timescale = new DateOnly(2027, 4, 1), Reason = "Demand.", Version = _version }));
        await Ok(Role.SchoolUser, db => new AssessSuccessIndicator(db).RunAsync(School, 1, new AssessmentInput { Met = true, Evidence = "Registers", Version = _version }));
        (await Move(Role.SchoolUser, EnhancementMove.StartReview)).Errors.ShouldBeEmpty();
        (await As(Role.SchoolUser, db => new ReviewOutcome(db, new OutcomeFigures(new GetSchoolIndicators(db, IndicatorCatalogueSource.Default)))
            .RunAsync(School, 1, OutcomeMove.SendAsMet, new MoveInput { Evidence = "Survey: 63% active.", Version = _version }))).Errors.ShouldBeEmpty();
        (await As(Role.QuasPanelMember, db => new ReviewOutcome(db, new OutcomeFigures(new GetSchoolIndicators(db, IndicatorCatalogueSource.Default)))
            .RunAsync(School, 1, OutcomeMove.Confirm, new MoveInput { Reason = "Well evidenced.", Version = _version }))).Errors.ShouldBeEmpty();

        var done = await View();
        done.Engagement!.Barometer.ShouldBe((1, 1));
        done.Engagement.SuccessIndicators.Single().Earlier.Single().Description.ShouldBe("Lunchtime club running");
        done.Outcomes.Single(o => o.Outcome.Number == 1).Outcome.State.ShouldBe(OutcomeState.Met);
        await using (var db = _world.As(Role.HealthySchoolsCoordinator))
        {
            var row = (await new ListHealthySchools(db).RunAsync()).Value!.Single();
            (row.Stage, row.Awards, row.EsisMet, row.EsisSet).ShouldBe((EnhancementStage.Review, 1, 1, 1));
            (await db.AuditEntries.Where(a => a.EntityType == nameof(HealthySchoolEngagement) && a.SchoolUrn == School).CountAsync()).ShouldBeGreaterThan(10);
        }
    }

    [Fact]
    public async Task AChange_FromAStaleVersion_IsRefusedNamingWhoChangedIt()
    {
        await Engaged();
        var seen = _version;
        await Ok(Role.HealthySchoolsCoordinator, db => new SetKeyTasks(db).RunAsync(School, "Plan the year.", seen));
        var stale = await As(Role.SchoolUser, db => new SetKeyTasks(db).RunAsync(School, "Another plan.", seen));
        stale.IsConflict.ShouldBeTrue();
        stale.Errors.Single().Message.ShouldStartWith($"This {EngagementChanges.What} was changed by {Names[Role.HealthySchoolsCoordinator]}");
        (await View()).Engagement!.KeyTasks.ShouldBe("Plan the year.");
    }

    [Fact]
    public async Task AGovernorReads_ButTheQuasAndGovernorsCannotDoTheSchoolsWork_AndOthersSeeNothing()
    {
        await Engaged();
        (await View(Role.Governor)).Engagement.ShouldNotBeNull();
        (await As(Role.Governor, db => new SetKeyTasks(db).RunAsync(School, "Tasks", null))).IsForbidden.ShouldBeTrue();
        (await As(Role.QuasPanelMember, db => new SetKeyTasks(db).RunAsync(School, "Tasks", null))).IsForbidden.ShouldBeTrue();
        (await As(Role.SchoolUser, db => new MoveEngagement(db).RunAsync(School, EnhancementMove.Approve, new MoveInput { Reason = "x", Version = _version }))).Errors[0].Kind
            .ShouldBe(ErrorKind.Rule);
        foreach (var role in new[] { Role.SchoolImprovementPartner, Role.Partner })
        {
            await using var db = _world.As(role);
            (await Viewer(db).RunAsync(School)).IsForbidden.ShouldBeTrue();
            (await new SetKeyTasks(db).RunAsync(School, "Tasks", null)).IsForbidden.ShouldBeTrue();
        }
        await using (var other = _world.As(Role.SchoolUser, OtherSchool))
        {
            (await Viewer(other).RunAsync(School)).IsNotFound.ShouldBeTrue();
            (await new SetKeyTasks(other).RunAsync(School, "Tasks", null)).IsNotFound.ShouldBeTrue();
        }
        await using (var head = _world.As(Role.SchoolUser))
            (await new AddLocalPriority(head, IndicatorCatalogueSource.Default).RunAsync(new LocalPriorityInput { Title = "x", IndicatorId = "PE_TWO_HOURS" })).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task ARefusedMove_ListsEveryReason_AndChangesNothing()
    {
        await Engaged();
        var refused = await Move(Role.SchoolUser, EnhancementMove.CompleteDevelopmentGroup);
        refused.Errors.Count.ShouldBe(6);
        refused.Errors.ShouldAllBe(e => e.Kind == ErrorKind.Rule);
        (await View()).Engagement!.Stage.ShouldBe(EnhancementStage.DevelopmentGroup);
        (await As(Role.SchoolUser, db => new EngageSchool(db, HealthySchoolsConfiguration.Default).RunAsync(School))).Errors.Single().Code.ShouldBe("healthy.engaged");
    }
}

public sealed class HealthySchoolsOperationsTests_Sqlite() : HealthySchoolsOperationsTests(DatabaseProvider.Sqlite);
public sealed class HealthySchoolsOperationsTests_Postgres() : HealthySchoolsOperationsTests(DatabaseProvider.Postgres);
