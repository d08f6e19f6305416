using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.CategorisationWorld;

namespace SchoolSight.Core.Tests.Categorisation;

/// <summary>
/// The SSEB meets on 1 March, 15 June and 20 October 2026; the North board first meets on 20 October 2026. Between
/// the first two SSEB meetings <see cref="CategorisationWorld.Rising"/> moved from Targeted to Intensive,
/// <see cref="CategorisationWorld.LeavingMeasures"/> left special measures and <see cref="CategorisationWorld.InProgramme"/>
/// entered the programme.
/// </summary>
public abstract class BoardPackTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private int _march, _june, _october, _north, _northId;

    public async Task InitializeAsync()
    {
        _database = await CategorisationWorld.CreateAsync(provider);
        await using var db = _database.As(Role.QualityAssuranceManager);
        _northId = await db.Localities.Where(l => l.Name == "North").Select(l => l.Id).SingleAsync();
        _march = await Create(db, BoardMeetingInput.Sseb, new DateOnly(2026, 3, 1), MeetingPurpose.MajorSchoolImprovementIssues);
        _june = await Create(db, BoardMeetingInput.Sseb, new DateOnly(2026, 6, 15), MeetingPurpose.ProgressOfSchoolsCausingConcern);
        _october = await Create(db, BoardMeetingInput.Sseb, new DateOnly(2026, 10, 20), MeetingPurpose.ProgressOfSchoolsCausingConcern);
        _north = await Create(db, _northId.ToString(), new DateOnly(2026, 10, 20), MeetingPurpose.ProgressOfSchoolsCausingConcern);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static async Task<int> Create(AppDbContext db, string board, DateOnly day, MeetingPurpose purpose)
    {
        var result = await new CreateBoardMeeting(db).RunAsync(new BoardMeetingInput { Board = board, MeetsOn = day, Purpose = purpose, Notes = "Agenda to follow." });
        result.Errors.ShouldBeEmpty();
        return result.Value;
    }

    private async Task<BoardPack> Pack(int id)
    {
        await using var db = _database.As(Role.SeniorManager);
        return (await new GetBoardPack(db, new GetBoardMeeting(db), new PeopleNames(db)).RunAsync(id))!;
    }

    [Fact]
    public async Task APack_ShowsLevelsAsAtTheMeetingsDate()
    {
        var march = await Pack(_march);
        var north = march.Sections.Single(s => s.Name == "North");
        north.CausingConcern.Single(r => r.Urn == Rising).Level.ShouldBe(LevelOfSupport.Targeted, "Intensive came on 1 May");
        north.CausingConcern.ShouldNotContain(r => r.Urn == InProgramme, "its case was proposed in April");
        var south = march.Sections.Single(s => s.Name == "South");
        var leaving = south.InOfstedCategories.Single();
        leaving.Urn.ShouldBe(LeavingMeasures);
        leaving.Ofsted.ShouldBe(new OfstedAsAt(new DateOnly(2024, 3, 1), OfstedJudgement.Inadequate, CategoryOfConcern.SpecialMeasures));
        south.CausingConcern.Select(r => r.Urn).ShouldBe([LeavingMeasures]);
        march.Sections.Select(s => s.Name).ShouldBe(["North", "South"]);
    }

    [Fact]
    public async Task TheFirstMeeting_SaysThereIsNothingToCompareWith_AndShowsNoMovement()
    {
        var march = await Pack(_march);
        march.Previous.ShouldBeNull();
        march.Sections.ShouldAllBe(s => s.LevelChanges.Count == 0 && s.OfstedChanges.Count == 0 && s.CaseChanges.Count == 0);
        march.Counts.ShouldAllBe(c => c.Then == null);
        BoardPackText.NoPreviousMeeting(march).ShouldContain("there is no previous meeting to compare with");
        (await Pack(_north)).Previous.ShouldBeNull("the North board has not met before, whatever the SSEB did");
    }

    [Fact]
    public async Task Movement_BetweenTwoMeetings_ShowsLevelChanges_SchoolsLeavingACategory_AndCasesEntered()
    {
        var june = await Pack(_june);
        june.Previous!.Id.ShouldBe(_march);
        var north = june.Sections.Single(s => s.Name == "North");
        var change = north.LevelChanges.Single();
        change.ShouldBe(new LevelChangeRow(Rising, change.Name, LevelOfSupport.Targeted, LevelOfSupport.Intensive, Smt, new DateOnly(2026, 5, 1)));
        BoardPackText.LevelChange(change).ShouldBe($"from Targeted to Intensive, decided by {Smt} on 1 May 2026");
        var entered = north.CaseChanges.Single();
        (entered.Urn, entered.Entered, entered.On, entered.Tier).ShouldBe((InProgramme, true, new DateOnly(2026, 4, 1), SupportTier.Targeted));
        north.CausingConcern.Select(r => r.Urn).ShouldBe([Rising, InProgramme]);
        north.CausingConcern[1].Case!.State.ShouldBe(CaseState.Active);

        var south = june.Sections.Single(s => s.Name == "South");
        south.InOfstedCategories.ShouldBeEmpty();
        var left = south.OfstedChanges.Single();
        (left.Urn, left.Left, left.Entered).ShouldBe((LeavingMeasures, true, false));
        BoardPackText.OfstedChange(left).ShouldStartWith("Left an Ofsted category: Report card: every area expected standard or better (20 May 2026)");
        south.LevelChanges.ShouldBeEmpty();

        june.Counts.Single(c => c.Level == LevelOfSupport.Intensive).ShouldBe(new LevelCount(LevelOfSupport.Intensive, 0, 1));
        june.Counts.Single(c => c.Level == LevelOfSupport.Targeted).ShouldBe(new LevelCount(LevelOfSupport.Targeted, 2, 1));
        june.Counts.Single(c => c.Level == LevelOfSupport.Universal).ShouldBe(new LevelCount(LevelOfSupport.Universal, 1, 1));
        june.Counts.Sum(c => c.Now).ShouldBe(27);
    }

    [Fact]
    public async Task APack_GivesTheReasonsThatDecidedEachLevel_NotEveryRuleThatFired()
    {
        await using (var db = _database.As(Role.SeniorManager))
        {
            db.SchoolLevels.Add(new SchoolLevelDecision(Rising, LevelOfSupport.Intensive, LevelOfSupport.Intensive, LevelOfSupport.Intensive, null, "2026.1",
                "Ofsted judged the school inadequate at its latest inspection. [Intensive] Evidence: Ofsted inspection: Inadequate (20 May 2026)\n" +
                "Persistent absence is well above England. [Targeted] Evidence: Persistent absence: 31.0% (2024/25)\n" +
                "There is no Ofsted inspection in the last five years. [Review]",
                Smt, Role.SeniorManager, At(2026, 6, 1), "Agreed as proposed."));
            db.SchoolLevels.Add(new SchoolLevelDecision(InProgramme, LevelOfSupport.Intensive, LevelOfSupport.Targeted, LevelOfSupport.Targeted, null, "2026.1",
                "Ofsted judged the school requires improvement at its latest inspection. [Targeted]",
                Smt, Role.SeniorManager, At(2026, 6, 2), "The head and chair of governors have both resigned."));
            await db.SaveChangesAsync();
        }

        var north = (await Pack(_june)).Sections.Single(s => s.Name == "North");

        north.CausingConcern.Single(r => r.Urn == Rising).Reasons.ShouldBe(["Ofsted judged the school inadequate at its latest inspection."]);
        north.CausingConcern.Single(r => r.Urn == InProgramme).Reasons.ShouldBe(
            ["Set at intensive by the SMT, not the proposed targeted: The head and chair of governors have both resigned."]);
    }

    [Fact]
    public async Task ALevelAgreedBeforeTheCriteriaWereHeld_ShowsWhatTheSmtRecorded()
    {
        await using (var db = _database.As(Role.SeniorManager))
        {
            db.SchoolLevels.Add(new SchoolLevelDecision(LeavingMeasures, LevelOfSupport.Targeted, LevelOfSupport.Targeted, null, null, "pre-2026", "",
                Smt, Role.SeniorManager, At(2026, 2, 1), "Annual categorisation: targeted, on the school's special measures monitoring visits."));
            await db.SaveChangesAsync();
        }

        var south = (await Pack(_march)).Sections.Single(s => s.Name == "South");

        south.CausingConcern.Single().Reasons.ShouldBe(["Annual categorisation: targeted, on the school's special measures monitoring visits."]);
    }

    [Fact]
    public async Task EachSchool_SaysWhatChangedSinceTheLastMeeting_WithConcernsOnlyForThoseWhoKeepThem()
    {
        await using (var db = _database.As(Role.SeniorManager))
        {
            db.SchoolConcerns.Add(new SchoolConcern(Rising, ConcernKind.Safeguarding, new DateOnly(2026, 4, 2), "Referral from the school nursing service.", Smt));
            var import = new ImportRecord(ImportKind.Ks2, "ks2.csv", "abc", At(2026, 4, 10), Smt, "LA");
            import.Applied(10, 10, 10, 0, 0, 0);
            db.Imports.Add(import);
            await db.SaveChangesAsync();
        }

        var june = await Pack(_june);

        june.NewResults.ShouldBe(["Key stage 2 results imported on 10 April 2026"]);
        var north = june.Sections.Single(s => s.Name == "North");
        north.CausingConcern.Single(r => r.Urn == Rising).Changes.ShouldBe(
            ["Level moved from targeted to intensive on 1 May 2026", "Open concerns recorded by the LA: 0 → 1"]);
        june.Sections.Single(s => s.Name == "South").CausingConcern.Single(r => r.Urn == LeavingMeasures).Changes
            .ShouldBe(["Inspected by Ofsted: Report card: every area expected standard or better (20 May 2026)"]);
        north.CausingConcern.Single(r => r.Urn == InProgramme).Changes.ShouldHaveSingleItem().ShouldStartWith("Programme: not in the programme → tier 1");
        BoardPackText.NewResults(june).ShouldBe("New published results since the previous meeting: Key stage 2 results imported on 10 April 2026.");
        var pdf = System.Net.WebUtility.HtmlDecode(BoardPackDocument.Html(june, []));
        pdf.ShouldContain("Level moved from targeted to intensive on 1 May 2026; Open concerns recorded by the LA: 0 → 1");
        pdf.ShouldContain("Key stage 2 results imported on 10 April 2026");
        BoardPackTable.Table(june).Rows.ShouldContain(r => r[3] as string == north.CausingConcern[0].Name && r[6] as string == BoardPackText.Changes(north.CausingConcern[0]));
        (await Pack(_march)).Sections.ShouldAllBe(s => s.CausingConcern.All(r => r.Changes.Count == 0), "the first meeting has nothing to compare with");

        // Only LA staff who keep the LA's concerns are told how many there are.
        await using var panel = _database.As(Role.QuasPanelMember);
        var seen = (await new GetBoardPack(panel, new GetBoardMeeting(panel), new PeopleNames(panel)).RunAsync(_june))!;
        seen.Sections.SelectMany(s => s.CausingConcern).SelectMany(r => r.Changes).ShouldNotContain(c => c.Contains("concerns"));
    }

    [Fact]
    public async Task EachSchool_ListsItsNewResults_AndItsNewSipAndSelfEvaluationJudgements_AsChanges()
    {
        await using (var db = _database.As(Role.SeniorManager))
        {
            var ks2 = new ImportRecord(ImportKind.Ks2, "ks2.csv", "abc", At(2026, 4, 10), Smt, "LA");
            ks2.Applied(10, 10, 10, 0, 0, 0);
            var before = new ImportRecord(ImportKind.Absence, "absence.csv", "def", At(2026, 2, 10), Smt, "LA");
            before.Applied(10, 10, 10, 0, 0, 0);
            db.Imports.AddRange(ks2, before);
            await db.SaveChangesAsync();
            db.PublishedFigures.AddRange(
                new PublishedFigure(AreaKind.School, Rising.ToString(), 2025, "PTRWM_EXP", 55m, null, ks2.Id),
                new PublishedFigure(AreaKind.School, Rising.ToString(), 2025, "READPROG", -1.2m, null, ks2.Id),
                new PublishedFigure(AreaKind.School, LeavingMeasures.ToString(), 2024, "PERCTOT", 6.1m, null, before.Id));
            // The SIP's report card judgements, made between the meetings; the school's own, made before the first.
            db.SchoolJudgements.AddRange(
                new SchoolJudgement(Rising, 2025, JudgementSource.SchoolImprovementPartner, JudgementArea.LeadershipAndGovernance,
                    JudgementGrade.Of(ReportCardGrade.NeedsAttention), new DateOnly(2026, 5, 20), null, "sip"),
                new SchoolJudgement(Rising, 2025, JudgementSource.SchoolImprovementPartner, JudgementArea.Inclusion,
                    JudgementGrade.Of(ReportCardGrade.ExpectedStandard), new DateOnly(2026, 5, 20), null, "sip"),
                new SchoolJudgement(LeavingMeasures, 2025, JudgementSource.SelfEvaluation, JudgementArea.Achievement,
                    JudgementGrade.Of(ReportCardGrade.StrongStandard), new DateOnly(2026, 2, 20), null, "head"));
            await db.SaveChangesAsync();
        }

        var june = await Pack(_june);

        var rising = june.Sections.Single(s => s.Name == "North").CausingConcern.Single(r => r.Urn == Rising).Changes;
        rising.ShouldContain("New key stage 2 results for 2025/26, imported on 10 April 2026");
        rising.ShouldContain("New judgements by the school improvement partner on 20 May 2026: inclusion expected standard, leadership and governance needs attention");
        var leaving = june.Sections.Single(s => s.Name == "South").CausingConcern.Single(r => r.Urn == LeavingMeasures).Changes;
        leaving.ShouldNotContain(c => c.StartsWith("New", StringComparison.Ordinal), "its figures and judgements came before the previous meeting");
        System.Net.WebUtility.HtmlDecode(BoardPackDocument.Html(june, [])).ShouldContain("New key stage 2 results for 2025/26, imported on 10 April 2026");
    }

    [Fact]
    public async Task ASchoolEnteringACategory_IsMovementAtTheNextMeeting()
    {
        var october = await Pack(_october);
        october.Previous!.Id.ShouldBe(_june);
        var north = october.Sections.Single(s => s.Name == "North");
        var entered = north.OfstedChanges.Single();
        (entered.Urn, entered.Entered).ShouldBe((Rising, true));
        north.InOfstedCategories.Select(r => r.Urn).ShouldBe([Rising]);
        north.LevelChanges.ShouldBeEmpty();
    }

    [Fact]
    public async Task ALocalityBoard_ShowsOnlyItsOwnSchools()
    {
        var pack = await Pack(_north);
        pack.Meeting.BoardName.ShouldBe("North Locality School Effectiveness Board");
        pack.Sections.Select(s => s.Name).ShouldBe(["North"]);
        pack.Sections[0].Schools.ShouldBe(18);
        pack.Sections[0].CausingConcern.Select(r => r.Urn).ShouldBe([Rising, InProgramme]);
        pack.Counts.Sum(c => c.Now).ShouldBe(18);
    }

    [Fact]
    public async Task Meetings_AreListedByBoard_NextAndPast()
    {
        await using var db = _database.As(Role.InterventionOfficer, new TestClock(2026, 7, 1));
        var boards = await new ListBoardMeetings(db).RunAsync();
        boards.Select(b => b.BoardName).ShouldBe([BoardMeeting.SsebName, "North Locality School Effectiveness Board", "South Locality School Effectiveness Board"]);
        boards[0].Past.Select(m => m.Id).ShouldBe([_june, _march]);
        boards[0].Next.Select(m => m.Id).ShouldBe([_october]);
        boards[1].Next.Select(m => m.Id).ShouldBe([_north]);
        boards[2].Next.ShouldBeEmpty();
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAMessagePerField_AndNothingIsSaved()
    {
        await using var db = _database.As(Role.LaAdministrator);
        var empty = await new CreateBoardMeeting(db).RunAsync(new BoardMeetingInput { Notes = new string('x', 4001) });
        empty.Errors.Select(e => e.Field).ShouldBe(["Board", "MeetsOn", "Purpose", "Notes"]);
        var sameDay = await new CreateBoardMeeting(db).RunAsync(new BoardMeetingInput { Board = "sseb", MeetsOn = new DateOnly(2026, 6, 15), Purpose = MeetingPurpose.ProgressOfSchoolsCausingConcern });
        sameDay.Errors.Single().Message.ShouldBe("This board already has a meeting on 15 June 2026");
        var unknown = await new CreateBoardMeeting(db).RunAsync(new BoardMeetingInput { Board = "9999", MeetsOn = new DateOnly(2026, 6, 16), Purpose = MeetingPurpose.ProgressOfSchoolsCausingConcern });
        unknown.Errors.Single().Field.ShouldBe("Board");
        (await db.BoardMeetings.CountAsync()).ShouldBe(4);

        await using var officer = _database.As(Role.InterventionOfficer);
        (await new CreateBoardMeeting(officer).RunAsync(new BoardMeetingInput { Board = "sseb", MeetsOn = new DateOnly(2026, 7, 1), Purpose = MeetingPurpose.MajorSchoolImprovementIssues }))
            .Errors.Single().Code.ShouldBe("board.role");
    }

    [Fact]
    public async Task AStaleEdit_IsRefused_NamingWhoChangedTheMeeting()
    {
        await using (var db = _database.As(Role.SeniorManager))
            (await new EditBoardMeeting(db).RunAsync(_june, new BoardMeetingInput { MeetsOn = new DateOnly(2026, 6, 16), Purpose = MeetingPurpose.ProgressOfSchoolsCausingConcern, Version = 1 }))
                .Succeeded.ShouldBeTrue();
        await using (var db = _database.As(Role.LaAdministrator))
        {
            var stale = await new EditBoardMeeting(db).RunAsync(_june, new BoardMeetingInput { MeetsOn = new DateOnly(2026, 6, 17), Purpose = MeetingPurpose.MajorSchoolImprovementIssues, Version = 1 });
            stale.IsConflict.ShouldBeTrue();
            stale.Errors.Single().Message.ShouldStartWith($"This board meeting was changed by {Smt}");
        }
        await using var check = _database.As(Role.LaAdministrator);
        var meeting = await check.BoardMeetings.SingleAsync(m => m.Id == _june);
        (meeting.MeetsOn, meeting.Purpose, meeting.Version).ShouldBe((new DateOnly(2026, 6, 16), MeetingPurpose.ProgressOfSchoolsCausingConcern, 2));
    }
}

public sealed class BoardPackTests_Sqlite() : BoardPackTests(DatabaseProvider.Sqlite);
public sealed class BoardPackTests_Postgres() : BoardPackTests(DatabaseProvider.Postgres);
