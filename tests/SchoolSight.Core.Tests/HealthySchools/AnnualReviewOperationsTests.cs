using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.Data;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Tests.Categorisation;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.HealthySchools;

public abstract class AnnualReviewOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly HealthySchoolsConfiguration Configuration = HealthySchoolsConfiguration.Default;
    private const int Year = 2026;
    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
        await using var db = _database.CreateContext(new FixedCurrentUser("seed"));
        db.Users.Add(new AppUser { Id = "quas-1", UserName = Names[Role.QuasPanelMember], DisplayName = "Quinn Panel", Role = Role.QuasPanelMember });
        db.Users.Add(new AppUser { Id = "quas-2", UserName = "second.quas@demo-borough.example", DisplayName = "Robin Panel", Role = Role.QuasPanelMember });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ConfirmCriterion Confirm(AppDbContext db) =>
        new(db, Configuration, new AttachFile(db, new AttachmentOptions(), new DatabaseAttachmentStore(db), new AcceptingScanner(), ImportTempFolder.Default));

    private async Task<AnnualReviewView> View(Role role = Role.SchoolUser, int urn = School)
    {
        await using var db = _world.As(role, urn);
        var result = await new GetAnnualReview(db, Configuration, new ListAttachments(db), new PeopleNames(db)).RunAsync(urn, Year);
        result.Errors.ShouldBeEmpty();
        return result.Value!;
    }

    /// <summary>Every criterion confirmed and the review self-validated by the school's head.</summary>
    private async Task Validated(int urn)
    {
        await using var db = _world.As(Role.SchoolUser, urn);
        foreach (var c in Configuration.Criteria.All)
            (await Confirm(db).RunAsync(urn, new CriterionInput { CriterionId = c.Id, Evidence = "Seen in the minutes", Year = Year })).Errors.ShouldBeEmpty();
        (await new SelfValidateReview(db, Configuration).RunAsync(urn, Year, null)).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheCoordinatorRecordsTheStatus_AndThePageSaysWhichPathwayApplies()
    {
        (await View()).Joining.MayJoin.ShouldBeFalse();
        await using (var head = _world.As(Role.SchoolUser))
            (await new RecordStatus(head).RunAsync(School, new StatusInput { AchievedOn = new DateOnly(2026, 3, 1) })).IsForbidden.ShouldBeTrue();
        await using (var db = _world.As(Role.HealthySchoolsCoordinator))
            (await new RecordStatus(db).RunAsync(School, new StatusInput { AchievedOn = new DateOnly(2026, 3, 1) })).Errors.ShouldBeEmpty();
        var view = await View();
        view.StatusCurrent.ShouldBeTrue();
        view.LapsesOn.ShouldBe(new DateOnly(2029, 3, 1));
        view.Joining.Pathway.ShouldBe(JoiningPathway.Direct);
        view.Joining.MayJoin.ShouldBeTrue();
        view.Joining.Reason.ShouldContain("until 28 February 2027");

        await using (var db = _world.As(Role.HealthySchoolsCoordinator))
            (await new RecordStatus(db).RunAsync(School, new StatusInput { LapsedOn = new DateOnly(2026, 11, 1), Version = 1 })).Errors.ShouldBeEmpty();
        (await View()).Joining.MayJoin.ShouldBeFalse();
        await using (var stale = _world.As(Role.HealthySchoolsCoordinator))
            (await new RecordStatus(stale).RunAsync(School, new StatusInput { AchievedOn = new DateOnly(2026, 11, 2), Version = 1 })).IsConflict.ShouldBeTrue();
    }

    [Fact]
    public async Task TheSchoolConfirmsEachCriterionWithEvidenceAndAFile_ThenSelfValidates_AndItsStatusJoinsAfterTheReview()
    {
        await using (var db = _world.As(Role.HealthySchoolsCoordinator))
            (await new RecordStatus(db).RunAsync(School, new StatusInput { AchievedOn = new DateOnly(2008, 6, 1) })).Errors.ShouldBeEmpty();
        var settings = Configuration.Settings with { RenewalYears = 50 };
        var first = Configuration.Criteria.All.First();
        await using (var db = _world.As(Role.SchoolUser))
        {
            var pdf = new MemoryStream("%PDF-1.4\n%%EOF\n"u8.ToArray());
            (await Confirm(db).RunAsync(School, new CriterionInput { CriterionId = first.Id, Evidence = "The PSHE scheme of work", Year = Year },
                new AttachFile.Upload(pdf, "pshe-scheme.pdf"))).Errors.ShouldBeEmpty();
            var refused = await new SelfValidateReview(db, Configuration).RunAsync(School, Year, null);
            refused.Errors.Count.ShouldBe(Configuration.Criteria.All.Count() - 1);
        }
        var view = await View(Role.Governor);
        view.Review!.ConfirmationOf(first.Id)!.Evidence.ShouldBe("The PSHE scheme of work");
        view.Files.Single().FileName.ShouldBe("pshe-scheme.pdf");
        view.Files.Single().Description.ShouldBe(first.Id);

        await Validated(School);
        (await View()).Review!.IsSelfValidated.ShouldBeTrue();
        await using (var db = _world.As(Role.SchoolUser))
            (await db.AnnualReviews.CountAsync()).ShouldBe(1);
        await using (var other = _world.As(Role.SchoolUser, OtherSchool))
            (await Confirm(other).RunAsync(School, new CriterionInput { CriterionId = first.Id, Evidence = "x", Year = Year })).IsNotFound.ShouldBeTrue();
        settings.RenewalYears.ShouldBe(50);
    }

    [Fact]
    public async Task TheDraw_TakesAtLeastTenPercentOfTheYearsValidatedReviews_AssignsThemToThePanel_AndTheyWaitInTheQueue()
    {
        for (var i = 0; i < 12; i++) await Validated(RegisterData.FirstUrn + i);
        ModerationDrawView draw;
        await using (var head = _world.As(Role.SchoolUser))
            (await new DrawModerationSample(head, Configuration, new PeopleNames(head)).RunAsync(new ModerationDrawInput { Year = Year })).IsForbidden.ShouldBeTrue();
        await using (var db = _world.As(Role.QuasPanelMember))
        {
            var result = await new DrawModerationSample(db, Configuration, new PeopleNames(db)).RunAsync(new ModerationDrawInput { Year = Year, Seed = 2026 });
            result.Errors.ShouldBeEmpty();
            draw = result.Value!;
            (await new DrawModerationSample(db, Configuration, new PeopleNames(db)).RunAsync(new ModerationDrawInput { Year = Year, Seed = 1 })).Errors.Single().Kind.ShouldBe(ErrorKind.Conflict);
        }
        draw.Reviews.ShouldBe(12);
        draw.Drawn.Count.ShouldBe(2);
        draw.Seed.ShouldBe(2026);
        draw.Checks.ShouldBeTrue();
        draw.Drawn.Select(d => d.Urn).ShouldBe(ModerationSample.Draw(Enumerable.Range(RegisterData.FirstUrn, 12), 2026, 0.10));
        draw.Drawn.Select(d => d.Moderator).ShouldBe(["Quinn Panel · QUAS panel member", "Robin Panel · QUAS panel member"], ignoreOrder: true);

        await using (var db = _world.As(Role.QuasPanelMember))
        {
            var queue = (await new GetQuasQueue(db, new PeopleNames(db)).RunAsync()).Value!;
            queue.Count.ShouldBe(2);
            queue.ShouldAllBe(q => q.What.StartsWith("Annual review 2026/27 drawn for moderation"));
            (await new ListModerationDraws(db, new PeopleNames(db)).RunAsync()).Single().Seed.ShouldBe(2026L);
        }

        var mine = draw.Drawn.Single(d => d.Moderator.StartsWith("Quinn", StringComparison.Ordinal)).Urn;
        var theirs = draw.Drawn.Single(d => d.Urn != mine).Urn;
        (await View(Role.QuasPanelMember, mine)).MayModerate.ShouldBeTrue();
        (await View(Role.QuasPanelMember, theirs)).MayModerate.ShouldBeFalse();
        await using (var db = _world.As(Role.QuasPanelMember))
        {
            (await new RecordModeration(db, Configuration).RunAsync(theirs, new ModerationInput { Outcome = ModerationOutcome.Agreed, Year = Year })).IsForbidden.ShouldBeTrue();
            (await new RecordModeration(db, Configuration).RunAsync(mine, new ModerationInput { Outcome = ModerationOutcome.Agreed, Comments = "Evidence is clear.", Year = Year }))
                .Errors.ShouldBeEmpty();
            (await new GetQuasQueue(db, new PeopleNames(db)).RunAsync()).Value!.Single().Urn.ShouldBe(theirs);
        }
        (await View(Role.SchoolUser, mine)).Review!.ModerationOutcome.ShouldBe(ModerationOutcome.Agreed);
    }

    [Fact]
    public async Task NothingValidated_NothingToDraw()
    {
        await using var db = _world.As(Role.HealthySchoolsCoordinator);
        (await new DrawModerationSample(db, Configuration, new PeopleNames(db)).RunAsync(new ModerationDrawInput { Year = Year })).Errors.Single().Code.ShouldBe("healthy.nothing-to-draw");
    }
}

public sealed class AnnualReviewOperationsTests_Sqlite() : AnnualReviewOperationsTests(DatabaseProvider.Sqlite);
public sealed class AnnualReviewOperationsTests_Postgres() : AnnualReviewOperationsTests(DatabaseProvider.Postgres);
