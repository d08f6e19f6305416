using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Voice;

/// <summary>An online survey on a real database: opening it, answering with a code, coming back, sending, and the store.</summary>
public abstract class OnlineSurveyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Urn = 999101;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        db.Schools.Add(Build.School(Urn));
        db.Schools.Add(Build.School(999102, "Other School"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<IReadOnlyList<string>> OpenAsync(int codesPerClass = 3, ICurrentUser? user = null, int urn = Urn)
    {
        await using var db = _database.CreateContext(user);
        var today = db.Today();
        var result = await new OpenSurveyWindow(db, IndicatorCatalogueSource.Default).RunAsync(
            new OpenSurveyWindow.Request([urn], "Autumn survey", today, today.AddDays(14), [6], CodesPerClass: codesPerClass, ParentCodes: 1));
        result.Errors.ShouldBeEmpty();
        return await db.SurveyCodes.Where(c => c.Respondent == RespondentType.Pupil).OrderBy(c => c.Id).Select(c => c.Code).ToListAsync();
    }

    private TakeSurvey Respondent(AppDbContext db) => new(db, Questionnaire.Shipped);

    [Fact]
    public async Task APupil_AnswersLeavesAndComesBack_ThenSends_AndTheCodeIsRefusedAfterwards()
    {
        var code = (await OpenAsync())[0];
        await using (var db = _database.CreateContext(SurveyRespondents.Acting))
        {
            var session = (await Respondent(db).FindAsync(code.ToLowerInvariant().Insert(4, "-"))).Value!;
            session.Questions.Count.ShouldBe(8); // Year 5: every shipped question
            (await Respondent(db).AnswerAsync(code, 0, SurveyFields.Agree)).Errors.ShouldBeEmpty();
            (await Respondent(db).AnswerAsync(code, 1, SurveyFields.StronglyDisagree)).Errors.ShouldBeEmpty();
        }
        await using (var db = _database.CreateContext(SurveyRespondents.Acting))
        {
            var back = (await Respondent(db).FindAsync(code)).Value!;
            back.NextPosition.ShouldBe(2);
            back.AnswerTo(back.Questions[1]).ShouldBe(SurveyFields.StronglyDisagree);
            (await Respondent(db).SendAsync(code)).Errors.ShouldBeEmpty();
            (await Respondent(db).FindAsync(code)).Errors.ShouldHaveSingleItem().ShouldBe(SurveyCode.Refused);
            (await Respondent(db).AnswerAsync(code, 2, SurveyFields.Agree)).Errors.ShouldHaveSingleItem().ShouldBe(SurveyCode.Refused);
            (await Respondent(db).SendAsync(code)).Errors.ShouldHaveSingleItem().ShouldBe(SurveyCode.Refused);
        }
        await using (var db = _database.CreateContext())
        {
            var block = await db.SurveyDataBlocks.SingleAsync();
            var responses = SurveyBlockCodec.Decode(block.Data);
            responses.Count.ShouldBe(1);
            responses.RespondentTypes[0].ShouldBe((byte)RespondentType.Pupil);
            responses.YearGroups[0].ShouldBe((byte)6);
            responses.Answers(0)[0].ShouldBe(SurveyFields.Agree);
            responses.Answers(1)[0].ShouldBe(SurveyFields.StronglyDisagree);
            responses.Answers(2)[0].ShouldBe((byte)0);
            (await db.PendingRecomputes.CountAsync(p => p.AcademicYear == block.AcademicYear)).ShouldBe(1);
        }
    }

    [Fact]
    public async Task AnUnknownCode_IsNotRecognised()
    {
        await OpenAsync();
        await using var db = _database.CreateContext(SurveyRespondents.Acting);
        (await Respondent(db).FindAsync("ABCD-EFGH")).Errors.ShouldHaveSingleItem().ShouldBe(TakeSurvey.NotRecognised);
        (await Respondent(db).FindAsync("'; drop table")).Errors.ShouldHaveSingleItem().ShouldBe(TakeSurvey.NotRecognised);
    }

    [Fact]
    public async Task ManyPupilsSendingAtOnce_AreEachCountedOnce()
    {
        var codes = await OpenAsync(codesPerClass: 24);
        await Parallel.ForEachAsync(codes, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (code, ct) =>
        {
            await using var db = _database.CreateContext(SurveyRespondents.Acting);
            (await Respondent(db).AnswerAsync(code, 0, SurveyFields.StronglyAgree, ct)).Errors.ShouldBeEmpty();
            (await Respondent(db).SendAsync(code, ct)).Errors.ShouldBeEmpty();
        });
        await using var check = _database.CreateContext();
        var responses = SurveyBlockCodec.Decode((await check.SurveyDataBlocks.SingleAsync()).Data);
        responses.Count.ShouldBe(24);
        responses.Answers(0).ShouldAllBe(a => a == SurveyFields.StronglyAgree);
        (await check.SurveyCodes.CountAsync(c => c.SentAt != null)).ShouldBe(24);
    }

    [Fact]
    public async Task ASchoolUser_OpensASurveyForTheirOwnSchoolOnly_AndSeesItsResponseRate()
    {
        var head = new FixedCurrentUser("head@demo-borough.example", Role.SchoolUser, scope: SchoolScope.Of([Urn]));
        var codes = await OpenAsync(user: head);
        await using (var db = _database.CreateContext(head))
        {
            var today = db.Today();
            var refused = await new OpenSurveyWindow(db, IndicatorCatalogueSource.Default).RunAsync(
                new OpenSurveyWindow.Request([999102], "Autumn survey", today, today.AddDays(14), [6]));
            refused.IsForbidden.ShouldBeTrue();
        }
        await using (var db = _database.CreateContext(SurveyRespondents.Acting))
            (await Respondent(db).SendAsync(codes[0])).Errors.ShouldBeEmpty();
        await using (var db = _database.CreateContext(head))
        {
            var window = (await new GetSurveyWindows(db).RunAsync()).ShouldHaveSingleItem();
            window.IsOpen.ShouldBeTrue();
            window.Rates.Select(r => (r.Group, r.Codes, r.Sent)).ShouldBe([("Year 5", 3, 1), ("Parents", 1, 0)]);
        }
    }
    private async Task<SurveyWindow> WindowAsync()
    {
        await using var db = _database.CreateContext();
        return await db.SurveyWindows.AsNoTracking().SingleAsync();
    }

    [Fact]
    public async Task ClosingASurveyEarly_RefusesItsCodesKindly_AndKeepsTheAnswersAlreadySent()
    {
        var codes = await OpenAsync();
        await using (var db = _database.CreateContext(SurveyRespondents.Acting))
        {
            (await Respondent(db).SendAsync(codes[0])).Errors.ShouldBeEmpty();
            (await Respondent(db).AnswerAsync(codes[1], 0, SurveyFields.Agree)).Errors.ShouldBeEmpty();
        }
        var window = await WindowAsync();
        await using (var db = _database.CreateContext())
            (await new CloseSurveyWindow(db).RunAsync(window.Id, window.Version)).Errors.ShouldBeEmpty();

        await using (var db = _database.CreateContext(SurveyRespondents.Acting))
        {
            (await Respondent(db).FindAsync(codes[1])).Errors.ShouldHaveSingleItem().ShouldBe(TakeSurvey.Closed);
            (await Respondent(db).AnswerAsync(codes[1], 1, SurveyFields.Agree)).Errors.ShouldHaveSingleItem().ShouldBe(TakeSurvey.Closed);
            (await Respondent(db).SendAsync(codes[1])).Errors.ShouldHaveSingleItem().ShouldBe(TakeSurvey.Closed);
            (await Respondent(db).FindAsync(codes[2])).Errors.ShouldHaveSingleItem().ShouldBe(TakeSurvey.Closed);
        }
        await using (var db = _database.CreateContext())
        {
            var closed = (await new GetSurveyWindows(db).RunAsync()).ShouldHaveSingleItem();
            closed.IsOpen.ShouldBeFalse();
            closed.Status.ShouldBe("Closed early");
            closed.ClosesOn.ShouldBe(db.Today());
            closed.Total.Sent.ShouldBe(1);
            SurveyBlockCodec.Decode((await db.SurveyDataBlocks.SingleAsync()).Data).Count.ShouldBe(1);
            (await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveyWindow))).ShouldBeGreaterThanOrEqualTo(2);
            // Closing again is refused.
            var again = await WindowAsync();
            (await new CloseSurveyWindow(db).RunAsync(again.Id, again.Version)).Errors.ShouldHaveSingleItem().Code.ShouldBe("survey.closed-already");
        }
    }

    [Fact]
    public async Task ClosingASurvey_FromAStaleVersion_OrAnotherSchool_IsRefused()
    {
        await OpenAsync();
        var window = await WindowAsync();
        var other = new FixedCurrentUser("head@other.example", Role.SchoolUser, scope: SchoolScope.Of([999102]));
        await using (var db = _database.CreateContext(other))
            (await new CloseSurveyWindow(db).RunAsync(window.Id, window.Version)).IsNotFound.ShouldBeTrue(); // the school's scope hides it
        var sip = new FixedCurrentUser("sip@demo-borough.example", Role.SchoolImprovementPartner, scope: SchoolScope.Of([Urn]));
        await using (var db = _database.CreateContext(sip))
            (await new CloseSurveyWindow(db).RunAsync(window.Id, window.Version)).IsForbidden.ShouldBeTrue();
        await using (var db = _database.CreateContext())
            (await new CloseSurveyWindow(db).RunAsync(window.Id, window.Version + 1)).IsConflict.ShouldBeTrue();
        var head = new FixedCurrentUser("head@demo-borough.example", Role.SchoolUser, scope: SchoolScope.Of([Urn]));
        await using (var db = _database.CreateContext(head))
            (await new CloseSurveyWindow(db).RunAsync(window.Id, window.Version)).Errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task AParentCode_IsAskedOnlyTheParentQuestions_AndAPupilCodeOnlyThePupilOnes()
    {
        var questionnaire = QuestionnaireParser.Parse(Questionnaire.ReadShipped().Replace("scoredScales:", """
              - column: ParentsWelcome
                outcome: EnjoyAndAchieve
                scale: agree
                parents: { text: "I feel welcome when I visit the school" }
              - column: PupilsLunch
                outcome: BeHealthy
                scale: agree
                pupils: { text: "I like my lunch", from: R, to: 13 }
            scoredScales:
            """, StringComparison.Ordinal));
        questionnaire.Errors.ShouldBeEmpty();
        var survey = questionnaire.Questionnaire!;
        var pupilCode = (await OpenAsync())[0];
        await using var db = _database.CreateContext(SurveyRespondents.Acting);
        var parentCode = await db.SurveyCodes.Where(c => c.Respondent == RespondentType.Parent).Select(c => c.Code).SingleAsync();

        var parent = (await new TakeSurvey(db, survey).FindAsync(parentCode)).Value!;
        parent.Respondent.ShouldBe(RespondentType.Parent);
        parent.Questions.Select(q => q.Column).ShouldContain("ParentsWelcome");
        parent.Questions.Select(q => q.Column).ShouldNotContain("PupilsLunch");
        parent.Questions.ShouldAllBe(q => q.TextFor(RespondentType.Parent) != null);

        var pupil = (await new TakeSurvey(db, survey).FindAsync(pupilCode)).Value!;
        pupil.Respondent.ShouldBe(RespondentType.Pupil);
        pupil.Questions.Select(q => q.Column).ShouldContain("PupilsLunch");
        pupil.Questions.Select(q => q.Column).ShouldNotContain("ParentsWelcome");

        // A pupil's code cannot answer the parents' question, nor a parent's the pupils' one: positions run over their own questions only.
        (await new TakeSurvey(db, survey).AnswerAsync(pupilCode, pupil.Questions.Count, SurveyFields.Agree)).IsNotFound.ShouldBeTrue();
        (await new TakeSurvey(db, survey).AnswerAsync(parentCode, parent.Questions.Count - 1, SurveyFields.Agree)).Errors.ShouldBeEmpty();
        (await new TakeSurvey(db, survey).SendAsync(parentCode)).Errors.ShouldBeEmpty();
        var stored = await db.SurveyCodes.AsNoTracking().SingleAsync(c => c.Code == parentCode);
        stored.AnswerTo(survey.Questions.Single(q => q.Column == "ParentsWelcome")).ShouldBe(SurveyFields.Agree);
        stored.AnswerTo(survey.Questions.Single(q => q.Column == "PupilsLunch")).ShouldBe((byte)0);
    }

    [Fact]
    public async Task TheCodeSheets_ForPupilsAndForParents_EachHoldOnlyTheirOwnCodes()
    {
        var pupilCodes = await OpenAsync();
        await using var db = _database.CreateContext();
        var parentCode = await db.SurveyCodes.Where(c => c.Respondent == RespondentType.Parent).Select(c => c.Code).SingleAsync();
        var window = await WindowAsync();
        var pupils = (await new SurveyCodeSheet(db).RunAsync(window.Id, "https://example.org/Survey", RespondentType.Pupil))!.ToString();
        var parents = (await new SurveyCodeSheet(db).RunAsync(window.Id, "https://example.org/Survey", RespondentType.Parent))!.ToString();
        pupilCodes.ShouldAllBe(c => pupils.Contains(OpenSurveyWindow.Printed(c)));
        pupils.ShouldNotContain(OpenSurveyWindow.Printed(parentCode));
        parents.ShouldContain(OpenSurveyWindow.Printed(parentCode));
        parents.ShouldContain("Your child's school");
        pupilCodes.ShouldAllBe(c => !parents.Contains(OpenSurveyWindow.Printed(c)));
    }
}

public sealed class OnlineSurveyTests_Sqlite() : OnlineSurveyTests(DatabaseProvider.Sqlite);
public sealed class OnlineSurveyTests_Postgres() : OnlineSurveyTests(DatabaseProvider.Postgres);
