using SchoolSight.Core.Data;
using SchoolSight.Core.Sip;
using SchoolSight.Core.Tests.Categorisation;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Sip;
using SchoolSight.Domain.Workflows;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.Sip;

public abstract class SipEvidenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task TheYearsEvidence_GivesEachVisitsJudgementsAndFeatures_AndEachSipsHeadship()
    {
        var sip = new Actor("Sidney Partner", Role.SchoolImprovementPartner, SipUserId);
        var today = new DateOnly(2026, 11, 23);
        await using (var db = _world.As(Role.SchoolImprovementPartner))
        {
            var visit = RecordOfVisit.Start(School, new DateOnly(2026, 11, 10), sip, null);
            visit.Write(new VisitContent("Autumn review", "KS2 70% expected", "On track", "Phonics", "Maths", SelfEvaluationRobustness.Robust, "Tracking data",
                true, false, "Asked for the maths data by group", [new AgreedAction("Maths plan", "Head", new DateOnly(2026, 12, 18))], [], null), new DateOnly(2026, 11, 10), today);
            visit.Issue(new MoveContext(sip, DateTime.UtcNow, today), timely: true, judgementsRecorded: false);
            db.SipVisits.Add(visit);
            await db.SaveChangesAsync();
        }
        await using (var db = _world.As(Role.LaAdministrator))
        {
            db.SipProfiles.Add(new SipProfile(SipUserId, true, Domain.Register.SchoolPhase.Secondary));
            await db.SaveChangesAsync();
        }

        await using var smt = _world.As(Role.SeniorManager);
        var evidence = await new GetSipEvidence(smt).RunAsync(2026);
        var only = evidence.Visits.ShouldHaveSingleItem();
        (only.Urn, only.IsIssued, only.TargetsInLineWithGuidance, only.TrackingAccurate, only.Missing).ShouldBe((School, true, true, false, null));
        only.Features.Where(f => f.Has is null).Select(f => f.Feature).ShouldBe([ReportFeature.AccurateAndEvidenced, ReportFeature.EvidenceOfChallenge]);
        only.Features.Single(f => f.Feature == ReportFeature.FeedsRiskRegister).Has.ShouldBe(false);
        var sipRow = evidence.Sips.ShouldHaveSingleItem();
        (sipRow.HasHeadshipExperience, sipRow.HeadshipPhase, sipRow.AssignedUrns.Single()).ShouldBe((true, Domain.Register.SchoolPhase.Secondary, School));
    }
}

public sealed class SipEvidenceTests_Sqlite() : SipEvidenceTests(DatabaseProvider.Sqlite);
public sealed class SipEvidenceTests_Postgres() : SipEvidenceTests(DatabaseProvider.Postgres);
