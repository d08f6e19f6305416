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
}

public sealed class OnlineSurveyTests_Sqlite() : OnlineSurveyTests(DatabaseProvider.Sqlite);
public sealed class OnlineSurveyTests_Postgres() : OnlineSurveyTests(DatabaseProvider.Postgres);
