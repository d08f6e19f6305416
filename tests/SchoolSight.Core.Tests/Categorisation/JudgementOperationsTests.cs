using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.EvidenceWorld;

namespace SchoolSight.Core.Tests.Categorisation;

public abstract class JudgementOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static JudgementsInput Sheet(string source, params (string Area, string? Grade)[] grades) => new()
    {
        AcademicYear = "2025/26",
        Source = source,
        JudgedOn = new DateOnly(2025, 10, 15),
        Grades = grades.ToDictionary(g => g.Area, g => g.Grade),
    };

    private async Task<OperationResult<int>> RecordAs(Role role, JudgementsInput input, int urn = School)
    {
        await using var db = _world.As(role, urn);
        return await new RecordJudgements(db).RunAsync(urn, input);
    }

    private async Task<JudgementsView> ViewAs(Role role = Role.InterventionOfficer)
    {
        await using var db = _world.As(role);
        var result = await new GetJudgements(db).RunAsync(School);
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    [Fact]
    public async Task RecordJudgements_CreatesTheAreasGiven_ThenChangesThemFromTheVersionsSeen()
    {
        (await RecordAs(Role.SchoolUser, Sheet("self-evaluation", ("overall-effectiveness", "good"), ("quality-of-education", "requires-improvement"), ("early-years", "")))).Value.ShouldBe(2025);
        var year = (await ViewAs()).Year(2025)!;
        year.Rows.Select(r => r.Area).ShouldBe([JudgementArea.OverallEffectiveness, JudgementArea.QualityOfEducation]);
        var quality = year.Rows[1].SelfEvaluation!;
        quality.Grade.ShouldBe(JudgementGrade.Of(OfstedJudgement.RequiresImprovement));
        quality.RecordedBy.ShouldBe("head@demo-borough.example");
        quality.Version.ShouldBe(1);

        var change = Sheet("self-evaluation", ("quality-of-education", "good"));
        change.Versions = new() { ["quality-of-education"] = 1 };
        (await RecordAs(Role.SchoolUser, change)).Succeeded.ShouldBeTrue();
        year = (await ViewAs()).Year(2025)!;
        year.Rows[1].SelfEvaluation!.Grade.ShouldBe(JudgementGrade.Of(OfstedJudgement.Good));
        year.Rows[1].SelfEvaluation!.Version.ShouldBe(2);
        year.Overall!.SelfEvaluation!.Version.ShouldBe(1, "an area left out is left as it is");
    }

    [Fact]
    public async Task RecordJudgements_FromAStaleVersion_IsRefusedNamingWhoChangedIt_AndChangesNothing()
    {
        (await RecordAs(Role.SchoolUser, Sheet("self-evaluation", ("overall-effectiveness", "good")))).Succeeded.ShouldBeTrue();
        var officer = Sheet("self-evaluation", ("overall-effectiveness", "requires-improvement"));
        officer.Versions = new() { ["overall-effectiveness"] = 1 };
        (await RecordAs(Role.InterventionOfficer, officer)).Succeeded.ShouldBeTrue();

        var head = Sheet("self-evaluation", ("overall-effectiveness", "outstanding"));
        head.Versions = new() { ["overall-effectiveness"] = 1 };
        var stale = await RecordAs(Role.SchoolUser, head);
        stale.IsConflict.ShouldBeTrue();
        stale.Errors.Single().Message.ShouldStartWith("This overall effectiveness judgement was changed by Morgan Intervention (Monitoring and intervention officer) at 10:00 on 23 November 2026 after you opened it.");
        (await ViewAs()).Year(2025)!.Overall!.SelfEvaluation!.Grade.ShouldBe(JudgementGrade.Of(OfstedJudgement.RequiresImprovement));

        var unseen = await RecordAs(Role.SchoolUser, Sheet("self-evaluation", ("overall-effectiveness", "outstanding")));
        unseen.IsConflict.ShouldBeTrue("a judgement recorded since the form was opened is not overwritten either");
    }

    [Fact]
    public async Task RecordJudgements_AnAreaLeftBlank_RemovesItsGrade_FromTheVersionSeen()
    {
        (await RecordAs(Role.InterventionOfficer, Sheet("sip", ("overall-effectiveness", "good"), ("sixth-form", "good")))).Succeeded.ShouldBeTrue();
        var removal = Sheet("sip", ("overall-effectiveness", "good"), ("sixth-form", null));
        removal.Versions = new() { ["overall-effectiveness"] = 1, ["sixth-form"] = 1 };
        (await RecordAs(Role.InterventionOfficer, removal)).Succeeded.ShouldBeTrue();
        (await ViewAs()).Year(2025)!.Rows.Select(r => r.Area).ShouldBe([JudgementArea.OverallEffectiveness]);
    }

    [Fact]
    public async Task RecordJudgements_WithBadInput_ListsEveryProblem_AndRecordsNothing()
    {
        var bad = new JudgementsInput
        {
            AcademicYear = "2027/28",
            Source = "ofsted",
            JudgedOn = new DateOnly(2026, 12, 1),
            Grades = new() { ["overall-effectiveness"] = "fine", ["playtime"] = "good" },
        };
        var result = await RecordAs(Role.InterventionOfficer, bad);
        result.Errors.Select(e => (e.Field, e.Message)).ShouldBe(
        [
            ("AcademicYear", "The academic year cannot be after the current one, 2026/27"),
            ("Source", "'ofsted' is not a source of judgements: use self-evaluation or sip"),
            ("JudgedOn", "The date the judgements were made must be today or in the past"),
            ("Grades.overall-effectiveness", "Judgements made on 1 December 2026 are on the report card scale (exceptional to urgent improvement), for judgements made from 10 November 2025, which does not judge overall effectiveness: judge inclusion, curriculum-and-teaching, achievement, attendance-and-behaviour, personal-development-and-wellbeing, leadership-and-governance, early-years, sixth-form"),
            ("Grades.playtime", "'playtime' is not an area: use one of overall-effectiveness, quality-of-education, behaviour-and-attitudes, personal-development, leadership-and-management, early-years, sixth-form, inclusion, curriculum-and-teaching, achievement, attendance-and-behaviour, personal-development-and-wellbeing, leadership-and-governance"),
        ], ignoreOrder: true);
        var empty = await RecordAs(Role.InterventionOfficer, new JudgementsInput { AcademicYear = "", Source = "sip" });
        empty.Errors.Select(e => e.Message).ShouldBe(["Enter the academic year the judgements are about, like 2026/27", "Enter the date the judgements were made"], ignoreOrder: true);
        var noOverall = await RecordAs(Role.InterventionOfficer, Sheet("sip", ("quality-of-education", "good")));
        noOverall.Errors.Single().ShouldBe(new Domain.DomainError("judgements.overall", "Choose the overall effectiveness judgement", "Grades.overall-effectiveness"));
        (await ViewAs()).Years.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Role.Governor, "self-evaluation")]
    [InlineData(Role.HealthySchoolsCoordinator, "self-evaluation")]
    [InlineData(Role.QuasPanelMember, "sip")]
    [InlineData(Role.Partner, "sip")]
    [InlineData(Role.SchoolUser, "sip")]
    [InlineData(Role.SchoolImprovementPartner, "self-evaluation")]
    public async Task RecordJudgements_ByARoleThatMayNotRecordTheSource_IsRefused(Role role, string source)
    {
        var result = await RecordAs(role, Sheet(source, ("overall-effectiveness", "good")));
        result.IsForbidden.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Message)));
        (await ViewAs()).Years.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Role.SchoolUser, "self-evaluation")]
    [InlineData(Role.SchoolImprovementPartner, "sip")]
    [InlineData(Role.LaAdministrator, "sip")]
    [InlineData(Role.SeniorManager, "self-evaluation")]
    [InlineData(Role.QualityAssuranceManager, "sip")]
    public async Task RecordJudgements_ByTheSchoolItsSipAndTheLaOfficers_IsRecorded(Role role, string source) =>
        (await RecordAs(role, Sheet(source, ("overall-effectiveness", "good")))).Succeeded.ShouldBeTrue();

    [Fact]
    public async Task RecordJudgements_ForASchoolOutsideTheUsersSchools_IsNotFound()
    {
        await using (var db = _world.As(Role.SchoolUser))
            (await new RecordJudgements(db).RunAsync(OtherSchool, Sheet("self-evaluation", ("overall-effectiveness", "good")))).IsNotFound.ShouldBeTrue();
        // A SIP whose scope names a school they are not assigned to (a stale sign-in) is still refused.
        (await RecordAs(Role.SchoolImprovementPartner, Sheet("sip", ("overall-effectiveness", "good")), OtherSchool)).IsNotFound.ShouldBeTrue();
        await using (var db = _world.As(Role.SchoolImprovementPartner))
            (await new GetJudgements(db).RunAsync(OtherSchool)).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task GetJudgements_ShowsBothSourcesSideBySide_AndWhereTheSipDiffers()
    {
        (await RecordAs(Role.SchoolUser, Sheet("self-evaluation", ("overall-effectiveness", "good"), ("quality-of-education", "good"), ("personal-development", "good")))).Succeeded.ShouldBeTrue();
        (await RecordAs(Role.SchoolImprovementPartner, Sheet("sip", ("overall-effectiveness", "requires-improvement"), ("quality-of-education", "good")))).Succeeded.ShouldBeTrue();
        var view = await ViewAs(Role.Governor);
        view.MayRecord.ShouldBeEmpty();
        var year = view.Year(2025)!;
        year.Overall!.Agreement.ShouldBe(JudgementAgreement.Differs);
        year.Rows.Single(r => r.Area == JudgementArea.QualityOfEducation).Agreement.ShouldBe(JudgementAgreement.Agrees);
        year.Rows.Single(r => r.Area == JudgementArea.PersonalDevelopment).Agreement.ShouldBe(JudgementAgreement.NotBothJudged);
        year.Differences.ShouldBe([JudgementArea.OverallEffectiveness]);
        year.Latest(JudgementSource.SchoolImprovementPartner)!.RecordedByName.ShouldBe("Sidney Partner");
        (await ViewAs(Role.SchoolImprovementPartner)).MayRecord.ShouldBe([JudgementSource.SchoolImprovementPartner]);
        (await ViewAs(Role.QualityAssuranceManager)).MayRecord.ShouldBe([JudgementSource.SelfEvaluation, JudgementSource.SchoolImprovementPartner]);

        foreach (var role in new[] { Role.HealthySchoolsCoordinator, Role.QuasPanelMember, Role.Partner })
        {
            await using var db = _world.As(role);
            (await new GetJudgements(db).RunAsync(School)).IsForbidden.ShouldBeTrue(role.ToString());
        }
    }

    private static JudgementsInput On(DateOnly judgedOn, JudgementsInput sheet) => sheet with { JudgedOn = judgedOn };

    [Fact]
    public async Task JudgementsFromTenthNovember2025_AreOfTheReportCardsAreas_OnItsFivePointScale()
    {
        var sheet = On(new DateOnly(2025, 11, 10), Sheet("sip", ("leadership-and-governance", "needs-attention"), ("inclusion", "Expected standard")));
        (await RecordAs(Role.InterventionOfficer, sheet)).Succeeded.ShouldBeTrue();

        var year = (await ViewAs()).Year(2025)!;
        year.Overall.ShouldBeNull("the report card has no overall grade");
        year.On(JudgementScale.ReportCard).Select(r => (r.Area, r.Sip!.Grade)).ShouldBe(
            [(JudgementArea.Inclusion, JudgementGrade.Of(ReportCardGrade.ExpectedStandard)), (JudgementArea.LeadershipAndGovernance, JudgementGrade.Of(ReportCardGrade.NeedsAttention))]);
        year.On(JudgementScale.FourPoint).ShouldBeEmpty();
    }

    [Fact]
    public async Task OnNinthNovember2025_TheFourPointScaleApplies_AndAReportCardGradeIsRefused()
    {
        var early = await RecordAs(Role.InterventionOfficer, On(new DateOnly(2025, 11, 9), Sheet("sip", ("overall-effectiveness", "good"), ("leadership-and-governance", "needs-attention"))));
        early.Errors.Select(e => e.Field).ShouldBe(["Grades.leadership-and-governance"]);
        early.Errors.Single().Message.ShouldContain("on the four-point scale");

        var late = await RecordAs(Role.InterventionOfficer, On(new DateOnly(2025, 11, 10), Sheet("sip", ("leadership-and-governance", "good"))));
        late.Errors.Single().Message.ShouldBe("'good' is not a grade for leadership and governance on the report card scale (exceptional to urgent improvement), for judgements made from 10 November 2025: use exceptional, strong-standard, expected-standard, needs-attention, urgent-improvement");

        var nothing = await RecordAs(Role.InterventionOfficer, On(new DateOnly(2025, 11, 10), Sheet("sip", ("inclusion", ""))));
        nothing.Errors.Single().Message.ShouldBe("Grade at least one of the report card's evaluation areas");
        (await ViewAs()).Years.ShouldBeEmpty();
    }

    [Fact]
    public async Task OlderFourPointJudgements_AreKept_AndShownOnTheirOwnScale_BesideTheReportCards()
    {
        (await RecordAs(Role.SchoolUser, Sheet("self-evaluation", ("overall-effectiveness", "good"), ("leadership-and-management", "requires-improvement")))).Succeeded.ShouldBeTrue();
        (await RecordAs(Role.SchoolUser, On(new DateOnly(2025, 12, 1), Sheet("self-evaluation", ("leadership-and-governance", "strong-standard"))))).Succeeded.ShouldBeTrue();

        var year = (await ViewAs()).Year(2025)!;
        year.On(JudgementScale.FourPoint).Select(r => (r.Area, r.SelfEvaluation!.Grade.Describe())).ShouldBe(
            [(JudgementArea.OverallEffectiveness, "Good"), (JudgementArea.LeadershipAndManagement, "Requires improvement")]);
        year.On(JudgementScale.ReportCard).Select(r => (r.Area, r.SelfEvaluation!.Grade.Describe())).ShouldBe([(JudgementArea.LeadershipAndGovernance, "Strong standard")]);
    }
}

public sealed class JudgementOperationsTests_Sqlite() : JudgementOperationsTests(DatabaseProvider.Sqlite);
public sealed class JudgementOperationsTests_Postgres() : JudgementOperationsTests(DatabaseProvider.Postgres);
