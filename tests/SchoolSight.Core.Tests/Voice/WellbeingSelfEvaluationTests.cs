using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Tests.Categorisation;
using SchoolSight.Core.Voice;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Voice;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.Voice;

public abstract class WellbeingSelfEvaluationTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Year = 2026;
    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;
    private int _version;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<OperationResult<int>> As(Role role, Func<AppDbContext, Task<OperationResult<int>>> run, int urn = School)
    {
        await using var db = _world.As(role, urn);
        var result = await run(db);
        if (result.Succeeded) _version = result.Value;
        return result;
    }

    private Task<OperationResult<int>> Draft(EcmOutcome outcome, string grade, int? plan = null, Role role = Role.SchoolUser, int urn = School) =>
        As(role, db => new RecordOutcomeEvaluation(db).RunAsync(urn, Year, outcome, new OutcomeEvaluationInput
        {
            Grade = grade,
            Strengths = "Pupils say they feel safe and know whom to ask for help.",
            Priorities = [new() { Text = "Cut persistent absence among pupils on free school meals", PlanPriorities = plan is { } p ? [p] : [] }],
            Version = _version == 0 ? null : _version,
        }), urn);

    private Task<OperationResult<int>> Move(EcmOutcome outcome, OutcomeEvaluationMove move, Role role = Role.SchoolUser, string? reason = null) =>
        As(role, db => new MoveOutcomeEvaluation(db).RunAsync(School, Year, outcome, move, new OutcomeMoveInput { Reason = reason, Version = _version }));

    private async Task<SelfEvaluationView> View(Role role = Role.SchoolUser)
    {
        await using var db = _world.As(role);
        return (await new GetSelfEvaluation(db, new GetSchoolIndicators(db, IndicatorCatalogueSource.Default), new PeopleNames(db)).RunAsync(School, Year)).Value!;
    }

    [Fact]
    public async Task AHead_CompletesAnOutcome_AndTheSip_DisagreesOnlyWithAComment()
    {
        int plan;
        await using (var officer = _world.As(Role.InterventionOfficer))
            plan = (await new KeepPlanPriority(officer).RunAsync(null, new PlanPriorityInput { Title = "Every child in school every day", Source = "CYPP 2025-2028" })).Value;
        (await Draft(EcmOutcome.StaySafe, "strong-standard", plan)).Errors.ShouldBeEmpty();

        (await Move(EcmOutcome.StaySafe, OutcomeEvaluationMove.Agree, Role.SchoolImprovementPartner)).Errors.Single().Code.ShouldBe("wellbeing.draft");
        (await Move(EcmOutcome.StaySafe, OutcomeEvaluationMove.Complete)).Errors.ShouldBeEmpty();
        (await Draft(EcmOutcome.StaySafe, "exceptional")).Errors.Single().Code.ShouldBe("wellbeing.completed");

        var refused = await Move(EcmOutcome.StaySafe, OutcomeEvaluationMove.Disagree, Role.SchoolImprovementPartner);
        refused.Errors.Single().Message.ShouldBe("Say why you disagree with the school's judgement.");
        (await Move(EcmOutcome.StaySafe, OutcomeEvaluationMove.Disagree, Role.SchoolImprovementPartner, "Bullying reports rose this year.")).Errors.ShouldBeEmpty();

        var view = await View(Role.Governor);
        var safe = view.Outcome(EcmOutcome.StaySafe);
        safe.State.ShouldBe(OutcomeEvaluationState.Completed);
        safe.Record!.Grade.ShouldBe(JudgementGrade.Of(ReportCardGrade.StrongStandard));
        (safe.Record.SipAgrees, safe.Record.SipComment, safe.SipName).ShouldBe((false, "Bullying reports rose this year.", "Sidney Partner · School improvement partner"));
        view.PlanPriority(safe.Record.Priorities.Single().Serves.Single()).ShouldBe("Every child in school every day");
        view.Status.ShouldBe("Draft");
        view.Outcome(EcmOutcome.BeHealthy).State.ShouldBe(OutcomeEvaluationState.Draft);
        await using var db = _world.As(Role.LaAdministrator);
        (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(OutcomeEvaluation))).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task CompletingTheFifthOutcome_GivesTheSchoolsPersonalDevelopmentJudgement_WhichIsNotRecordedElsewhere()
    {
        string[] grades = ["exceptional", "strong-standard", "strong-standard", "expected-standard", "needs-attention"];
        foreach (var (outcome, grade) in EcmOutcomes.All.Zip(grades))
        {
            (await Draft(outcome, grade)).Errors.ShouldBeEmpty();
            (await Move(outcome, OutcomeEvaluationMove.Complete)).Errors.ShouldBeEmpty();
        }
        var view = await View();
        view.Status.ShouldBe("Completed");
        view.History.Single().PersonalDevelopment.ShouldBe(JudgementGrade.Of(ReportCardGrade.StrongStandard));

        await using (var db = _world.As(Role.SchoolUser))
        {
            var judgements = (await new GetJudgements(db).RunAsync(School)).Value!.Year(Year)!;
            var pd = judgements.Rows.Single(r => r.Area == JudgementArea.PersonalDevelopmentAndWellbeing).SelfEvaluation!;
            (pd.Grade, pd.Note).ShouldBe((JudgementGrade.Of(ReportCardGrade.StrongStandard), MoveOutcomeEvaluation.PersonalDevelopmentNote));
            var changed = await new RecordJudgements(db).RunAsync(School, new JudgementsInput
            {
                AcademicYear = "2026/27",
                Source = "self-evaluation",
                JudgedOn = new DateOnly(2026, 11, 20),
                Grades = new() { ["personal-development-and-wellbeing"] = "exceptional" },
            });
            changed.Errors.Single().Code.ShouldBe("judgements.from-wellbeing");
        }

        (await Move(EcmOutcome.BeHealthy, OutcomeEvaluationMove.Reopen)).Errors.Single().Message.ShouldBe("Say why you are reopening it.");
        (await Move(EcmOutcome.BeHealthy, OutcomeEvaluationMove.Reopen, reason: "New attendance figures")).Errors.ShouldBeEmpty();
        (await View()).Evaluation!.CompletedOn.ShouldBeNull();
    }

    [Fact]
    public async Task OnlyTheSchool_RecordsIt_AStaleVersionIsRefused_AndAnotherSchoolCannotSeeIt()
    {
        (await Draft(EcmOutcome.BeHealthy, "good")).Errors.Single().Code.ShouldBe("wellbeing.grade");
        (await Draft(EcmOutcome.BeHealthy, "expected-standard")).Errors.ShouldBeEmpty();
        var seen = _version;
        (await Draft(EcmOutcome.BeHealthy, "needs-attention")).Errors.ShouldBeEmpty();
        _version = seen;
        (await Draft(EcmOutcome.BeHealthy, "exceptional")).IsConflict.ShouldBeTrue();

        _version = 0;
        (await Draft(EcmOutcome.BeHealthy, "exceptional", role: Role.Governor)).IsForbidden.ShouldBeTrue();
        (await Draft(EcmOutcome.BeHealthy, "exceptional", role: Role.SchoolImprovementPartner)).IsForbidden.ShouldBeTrue();
        (await Draft(EcmOutcome.BeHealthy, "exceptional", role: Role.SchoolUser, urn: OtherSchool)).Errors.ShouldBeEmpty();
        await using (var other = _world.As(Role.SchoolUser, OtherSchool))
            (await new GetSelfEvaluation(other, new GetSchoolIndicators(other, IndicatorCatalogueSource.Default), new PeopleNames(other)).RunAsync(School, Year)).IsNotFound.ShouldBeTrue();
        await using (var head = _world.As(Role.SchoolUser))
            (await new KeepPlanPriority(head).RunAsync(null, new PlanPriorityInput { Title = "x" })).IsForbidden.ShouldBeTrue();
    }
}

public sealed class WellbeingSelfEvaluationTests_Sqlite() : WellbeingSelfEvaluationTests(DatabaseProvider.Sqlite);
public sealed class WellbeingSelfEvaluationTests_Postgres() : WellbeingSelfEvaluationTests(DatabaseProvider.Postgres);
