using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.ImprovingOutcomes;

/// <summary>The people of the programme tests and a helper to act as them at the test clock's time.</summary>
public sealed class ProgrammeWorld(TestDatabase database, TestClock clock)
{
    public const int School = RegisterData.FirstUrn;
    public const int OtherSchool = RegisterData.FirstUrn + 1;
    public const string Officer = "mi@demo-borough.example";
    public const string SecondOfficer = "second.mi@demo-borough.example";
    public const string Smt = "smt@demo-borough.example";
    public const string Qa = "qa@demo-borough.example";
    public const string Head = "head@demo-borough.example";
    public const string Sip = "sip@demo-borough.example";

    public TestClock Clock => clock;
    public TestDatabase Database => database;

    public AppDbContext As(Role role, string? name = null, int? urn = null, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        database.CreateContext(new FixedCurrentUser(name ?? role switch
        {
            Role.SeniorManager => Smt,
            Role.QualityAssuranceManager => Qa,
            Role.SchoolUser => Head,
            Role.SchoolImprovementPartner => Sip,
            _ => Officer,
        }, role, scope: urn is { } u ? SchoolScope.Of([u]) : role is Role.SchoolUser or Role.Governor or Role.SchoolImprovementPartner ? SchoolScope.Of([School]) : SchoolScope.Everything), clock, interceptors);

    public void On(int year, int month, int day) => clock.SetDay(new DateOnly(year, month, day));

    public async Task<int> VersionOf(int caseId)
    {
        await using var db = As(Role.InterventionOfficer);
        return (await new GetCase(db).RunAsync(caseId))!.Case.Version;
    }

    /// <summary>Proposes a case for <paramref name="urn"/> and takes it to active support, as the real people would.</summary>
    public async Task<int> ActiveCaseAsync(int urn = School, DateOnly? started = null)
    {
        var start = started ?? new DateOnly(2026, 9, 7);
        clock.SetDay(start);
        int id;
        await using (var db = As(Role.InterventionOfficer))
            id = Ok(await new ProposeEntry(db).RunAsync(new ProposeEntryInput { Urn = urn, Tier = SupportTier.Targeted, Ground = ConcernGround.StandardsUnacceptablyLow, Concerns = "KS2 below floor.", CaseOfficerName = "Morgan Intervention", CaseOfficerEmail = Officer }));
        await using (var db = As(Role.SeniorManager))
            Ok(await new MoveCase(db).RunAsync(id, new MoveCaseInput { Move = CaseMoveName.AgreeEntry, Reason = "Agreed at SMT.", Version = await VersionOf(id) }));
        await using (var db = As(Role.InterventionOfficer))
        {
            Ok(await new RecordBaseline(db).RunAsync(id, new BaselineInput { Source = BaselineSource.OfstedInspection, AssessedOn = start.AddDays(-60), Strengths = "Behaviour.", AreasForImprovement = "Reading.", Version = await VersionOf(id) }));
            Ok(await new RecordEntryCommunications(db).RunAsync(id, new CommunicationsInput { GovernorsToldOn = start, StaffToldOn = start, LaTeamsToldOn = start, ParentsCommunication = "Letter home.", Version = await VersionOf(id) }));
            Ok(await new ChoosePlan(db).RunAsync(id, new PlanInput { Kind = PlanKind.RaisingAchievementPlan, Title = "RAP", Version = await VersionOf(id) }));
            Ok(await new AddPlanAction(db).RunAsync(id, new PlanActionInput { Description = "Phonics catch-up", Owner = "Deputy head", DueOn = start.AddDays(90), SuccessCriteria = "85% pass the phonics check" }));
            Ok(await new AddGroupMember(db).RunAsync(id, new MemberInput { Name = "Jordan Head", Role = ManagementGroupRole.Headteacher }));
            Ok(await new AddGroupMember(db).RunAsync(id, new MemberInput { Name = "Gray Governor", Role = ManagementGroupRole.Governor }));
            Ok(await new MoveCase(db).RunAsync(id, new MoveCaseInput { Move = CaseMoveName.StartSupport, Version = await VersionOf(id) }));
        }
        return id;
    }

    public static T Ok<T>(OperationResult<T> result)
    {
        result.Errors.ShouldBeEmpty(string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }
}
