using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.Categorisation;

public abstract class ConcernOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ConcernInput Safeguarding => new() { Kind = "safeguarding", RaisedOn = new DateOnly(2026, 11, 2), Summary = "DBS checks missing for volunteers." };

    private async Task<OperationResult<int>> RecordAs(Role role, ConcernInput input, int urn = School)
    {
        await using var db = _world.As(role, urn);
        return await new RecordConcern(db).RunAsync(urn, input);
    }

    private async Task<OperationResult<int>> CloseAs(Role role, int id, CloseConcernInput input)
    {
        await using var db = _world.As(role);
        return await new CloseConcern(db).RunAsync(School, id, input);
    }

    private async Task<ConcernsView> ViewAs(Role role = Role.InterventionOfficer)
    {
        await using var db = _world.As(role);
        return (await new GetConcerns(db).RunAsync(School)).Value!;
    }

    [Fact]
    public async Task AConcern_RecordedByTheSip_IsOpenUntilAnOfficerClosesIt()
    {
        var id = (await RecordAs(Role.SchoolImprovementPartner, Safeguarding)).Value;
        var open = (await ViewAs(Role.SchoolImprovementPartner)).Open.Single();
        (open.Id, open.Kind, open.RaisedByName, open.Version).ShouldBe((id, ConcernKind.Safeguarding, "Sidney Partner", 1));
        (await ViewAs(Role.SchoolImprovementPartner)).MayClose.ShouldBeFalse();

        (await CloseAs(Role.SchoolImprovementPartner, id, new CloseConcernInput { ClosedOn = new DateOnly(2026, 11, 20), Reason = "Checks done.", Version = 1 })).IsForbidden.ShouldBeTrue();
        (await CloseAs(Role.InterventionOfficer, id, new CloseConcernInput { ClosedOn = new DateOnly(2026, 11, 20), Reason = "Checks done and verified.", Version = 1 })).Succeeded.ShouldBeTrue();
        var closed = (await ViewAs()).Closed.Single();
        (closed.ClosedOn, closed.ClosedReason, closed.ClosedByName).ShouldBe((new DateOnly(2026, 11, 20), "Checks done and verified.", "Morgan Intervention"));
        (await CloseAs(Role.InterventionOfficer, id, new CloseConcernInput { ClosedOn = new DateOnly(2026, 11, 21), Reason = "Again.", Version = 2 }))
            .Errors.Single().Message.ShouldBe("This concern is already closed.");
    }

    [Fact]
    public async Task CloseConcern_FromAStaleVersion_OrBeforeItWasRaised_IsRefused()
    {
        var id = (await RecordAs(Role.InterventionOfficer, Safeguarding)).Value;
        var stale = await CloseAs(Role.SeniorManager, id, new CloseConcernInput { ClosedOn = new DateOnly(2026, 11, 20), Reason = "Resolved.", Version = 3 });
        stale.IsConflict.ShouldBeTrue();
        var early = await CloseAs(Role.SeniorManager, id, new CloseConcernInput { ClosedOn = new DateOnly(2026, 10, 1), Reason = "Resolved.", Version = 1 });
        early.Errors.Single().ShouldBe(new Domain.DomainError("concern.closedBeforeRaised", "The concern cannot close before it was raised on 2 November 2026.", "ClosedOn"));
        var blank = await CloseAs(Role.SeniorManager, id, new CloseConcernInput { Version = 1 });
        blank.Errors.Select(e => e.Message).ShouldBe(["Enter the date the concern was closed", "Give the reason the concern is closed"], ignoreOrder: true);
        (await ViewAs()).Open.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RecordConcern_WithBadInput_ListsEveryProblem()
    {
        var result = await RecordAs(Role.InterventionOfficer, new ConcernInput { Kind = "finance", RaisedOn = new DateOnly(2026, 12, 25) });
        result.Errors.Select(e => (e.Field, e.Message)).ShouldBe(
        [
            ("Kind", "'finance' is not a kind of concern: use safeguarding or management-or-governance"),
            ("RaisedOn", "The date the concern was raised must be today or in the past"),
            ("Summary", "Describe the concern"),
        ], ignoreOrder: true);
        (await ViewAs()).Open.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    [InlineData(Role.HealthySchoolsCoordinator)]
    [InlineData(Role.QuasPanelMember)]
    [InlineData(Role.Partner)]
    public async Task Concerns_AreNeitherSeenNorRecorded_OutsideTheLaAndTheSip(Role role)
    {
        (await RecordAs(Role.InterventionOfficer, Safeguarding)).Succeeded.ShouldBeTrue();
        await using var db = _world.As(role);
        (await new GetConcerns(db).RunAsync(School)).IsForbidden.ShouldBeTrue();
        (await new RecordConcern(db).RunAsync(School, Safeguarding)).IsForbidden.ShouldBeTrue();
    }

    [Fact]
    public async Task ASip_CannotRecordOrSeeConcernsAboutASchoolTheyAreNotAssignedTo()
    {
        (await RecordAs(Role.SchoolImprovementPartner, Safeguarding, OtherSchool)).IsNotFound.ShouldBeTrue();
        await using var db = _world.As(Role.SchoolImprovementPartner);
        (await new GetConcerns(db).RunAsync(OtherSchool)).IsNotFound.ShouldBeTrue();
    }
}

public sealed class ConcernOperationsTests_Sqlite() : ConcernOperationsTests(DatabaseProvider.Sqlite);
public sealed class ConcernOperationsTests_Postgres() : ConcernOperationsTests(DatabaseProvider.Postgres);
