using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Tests.Categorisation;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Workflows;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.HealthySchools;

/// <summary>
/// The QUAS report over the small register (North: 18 open primaries; South: 9 open secondaries and special schools;
/// the Northfield Cluster and the Riverside Learning Network), on 23 November 2026 (academic year 2026/27):
/// <list type="bullet">
/// <item>Millbrook (North, both clusters): engaged 1 October 2025, at review, its local outcome confirmed met on 1 June 2026; status since May 2024.</item>
/// <item>Ashcombe (North, Northfield): engaged 15 September 2026, its stage 4 form with the QUAS since 13 November (10 days); no service for its school priority.</item>
/// <item>Valewood (North, Northfield): engaged 1 October 2026, setting up its group.</item>
/// <item>Brookmere (North, Northfield): not engaged; its status ran from October 2022 to October 2025.</item>
/// <item>Thornbury (South, Riverside): engaged 10 January 2026, at review, an outcome sent as met on 20 November (3 days), an activity with no partner, no service for its school priority; status since February 2026.</item>
/// <item>Fairleigh (closed): engaged, and never counted.</item>
/// </list>
/// </summary>
public abstract class QuasReportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Millbrook = RegisterData.FirstUrn, Ashcombe = RegisterData.FirstUrn + 1, Valewood = RegisterData.FirstUrn + 2,
        Brookmere = RegisterData.FirstUrn + 3, Fairleigh = RegisterData.FirstUrn + 9, Thornbury = RegisterData.FirstUrn + 21;

    private static readonly Actor Head = new("head@demo-borough.example", Role.SchoolUser);
    private static readonly Actor Quas = new("quas@demo-borough.example", Role.QuasPanelMember);
    private static readonly Actor Coordinator = new("healthy@demo-borough.example", Role.HealthySchoolsCoordinator);

    private TestDatabase _database = null!;
    private EvidenceWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _world = await EvidenceWorld.CreateAsync(_database);
        await using var db = _database.CreateContext(new FixedCurrentUser("seed"), _world.Clock);
        var weight = new LocalPriority("Healthy weight", "PE_TWO_HOURS", "JSNA 2025");
        var eating = new LocalPriority("Healthy eating", "SCHOOL_MEALS", null);
        db.LocalPriorities.AddRange(weight, eating);
        await db.SaveChangesAsync();
        var partner = await db.Partners.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var today = _world.Clock.Today;

        var millbrook = Walk(Millbrook, new(2025, 10, 1), EnhancementStage.Review, weight.Id, "Pupils feel safe", "PUPIL_FEEL_SAFE", partner, At(2026, 5, 1), today);
        millbrook.Review(1, OutcomeMove.SendAsMet, new OutcomeMoveContext(Head, At(2026, 5, 20), new(2026, 5, 20), null, "The survey: 72% agree.", false, null));
        millbrook.Review(1, OutcomeMove.Confirm, new OutcomeMoveContext(Quas, At(2026, 6, 1), new(2026, 6, 1), "Well evidenced.", null, false, null));
        var ashcombe = Walk(Ashcombe, new(2026, 9, 15), EnhancementStage.WithQuas, weight.Id, "Feeling safe at lunchtime", "PUPIL_FEEL_SAFE", partner, At(2026, 11, 13), today);
        ashcombe.ReportNoService(2, "Training for lunchtime play leaders", Head);
        var thornbury = Walk(Thornbury, new(2026, 1, 10), EnhancementStage.Review, eating.Id, "Fewer pupils persistently absent", "PERSISTENT_ABSENCE", partner, At(2026, 3, 1), today, activityPartnered: false);
        thornbury.Review(4, OutcomeMove.SendAsMet, new OutcomeMoveContext(Head, At(2026, 11, 20), new(2026, 11, 20), null, "Absence figures this term.", false, null));
        thornbury.ReportNoService(2, "An attendance mentoring service for families", Head);
        db.HealthySchoolEngagements.AddRange(millbrook, ashcombe, thornbury,
            Walk(Valewood, new(2026, 10, 1), EnhancementStage.DevelopmentGroup, weight.Id, "", "", partner, At(2026, 10, 1), today),
            Walk(Fairleigh, new(2025, 9, 10), EnhancementStage.WithQuas, weight.Id, "Pupils feel safe", "PUPIL_FEEL_SAFE", partner, At(2026, 1, 5), today));
        db.HealthySchoolStatuses.AddRange(HealthySchoolStatus.Achieve(Millbrook, new(2024, 5, 1), Coordinator, today),
            HealthySchoolStatus.Achieve(Brookmere, new(2022, 10, 1), Coordinator, today), HealthySchoolStatus.Achieve(Thornbury, new(2026, 2, 1), Coordinator, today));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static DateTime At(int year, int month, int day) => new(year, month, day, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>A school walked through the enhancement model to <paramref name="to"/>: at or after stage 4, two priorities with three outcomes each.</summary>
    private static HealthySchoolEngagement Walk(int urn, DateOnly engaged, EnhancementStage to, int local, string title, string indicator, int partner, DateTime at, DateOnly today, bool activityPartnered = true)
    {
        MoveContext By(Actor actor) => new(actor, at, today, null);
        // The school has held the status for a month: it may join the enhancement model directly.
        var joining = JoiningPathways.Decide(HealthySchoolStatus.Achieve(urn, engaged.AddMonths(-1), Coordinator, engaged), engaged, false, new HealthySchoolsSettings());
        var e = HealthySchoolEngagement.Engage(urn, joining, Head, engaged);
        e.AddMember("Jo Chair", "Chair", GroupRepresentation.Staff, null, Head);
        if (to == EnhancementStage.DevelopmentGroup) return e;
        foreach (var who in new[] { GroupRepresentation.Pupils, GroupRepresentation.Parents, GroupRepresentation.Governors })
            e.AddMember($"{who} member", "Member", who, null, Head);
        e.AddMember("School nurse", "Member", GroupRepresentation.Partner, partner, Coordinator);
        e.SetKeyTasks("Lead the needs analysis.", Head);
        e.Apply(EnhancementMove.CompleteDevelopmentGroup, By(Head));
        e.RecordNeedsAnalysis("What the data shows.", Head);
        e.Apply(EnhancementMove.CompleteNeedsAnalysis, By(Head));
        var priorities = new[] { e.AddPriority(PriorityKind.Local, "Local", "PE_TWO_HOURS", local, Head), e.AddPriority(PriorityKind.School, title, indicator, null, Head) };
        e.Apply(EnhancementMove.ChoosePriorities, By(Head));
        foreach (var p in priorities)
            foreach (var kind in Enum.GetValues<OutcomeKind>())
                e.AddOutcome(p.Number, kind, $"{kind} outcome", kind == OutcomeKind.Targeted ? "Year 6" : null, null, null, 40, null, 60, today.AddYears(1), "The survey", Head, today);
        e.AddSuccessIndicator("Club running", today.AddMonths(3), SuccessIndicatorKind.Process, null, Head);
        e.Apply(EnhancementMove.SubmitToQuas, By(Head));
        if (to == EnhancementStage.WithQuas) return e;
        e.Apply(EnhancementMove.Approve, By(Quas));
        e.AddActivity("Lunchtime club", ActivityReach.Universal, null, activityPartnered ? partner : null, Head);
        e.Apply(EnhancementMove.StartImplementation, By(Head));
        e.Apply(EnhancementMove.StartMonitoring, By(Head));
        e.AssessSuccessIndicator(1, true, "Registers.", today.AddDays(-1), Head, today);
        e.Apply(EnhancementMove.StartReview, By(Head));
        return e;
    }

    private async Task<OperationResult<QuasReport>> Report(Role role, QuasReportFilter? filter = null)
    {
        await using var db = _world.As(role);
        return await new GetQuasReport(db, new GetQuasQueue(db, new PeopleNames(db)), IndicatorCatalogueSource.Default, HealthySchoolsConfiguration.Default)
            .RunAsync(filter ?? new QuasReportFilter());
    }

    [Fact]
    public async Task QuasReport_CountsRecruitmentByLocalityAndCluster_AmongOpenSchools_AsAtToday()
    {
        var report = (await Report(Role.QuasPanelMember)).Value!;

        (report.Year, report.AsAt, report.Locality).ShouldBe((2026, new DateOnly(2026, 11, 23), null));
        (report.Totals.Schools, report.Totals.Engaged, report.Totals.WithStatus, report.Totals.NotEngaged).ShouldBe((27, 4, 2, 23));
        report.ByLocality.Select(r => (r.Area, r.Schools, r.Engaged, r.WithStatus)).ShouldBe([("North", 18, 3, 1), ("South", 9, 1, 1)]);
        report.ByCluster.Select(r => (r.Area, r.Schools, r.Engaged, r.WithStatus)).ShouldBe([("Northfield Cluster", 5, 3, 1), ("Riverside Learning Network", 9, 2, 2)]);
        report.Totals.Share(report.Totals.Engaged).ShouldBe(4 / 27.0);
        report.Schools.Select(s => s.Urn).ShouldBe([Ashcombe, Millbrook, Thornbury, Valewood]);
        report.Stages.Where(s => s.Schools > 0).Select(s => (s.Stage, s.Schools)).ShouldBe(
            [(EnhancementStage.DevelopmentGroup, 1), (EnhancementStage.WithQuas, 1), (EnhancementStage.Review, 2)]);
        var review = report.Stages.Single(s => s.Stage == EnhancementStage.Review);
        review.ByLocality.ShouldBe([new AreaCount("North", 1), new AreaCount("South", 1)]);
        review.ByCluster.ShouldBe([new AreaCount("Northfield Cluster", 1), new AreaCount("Riverside Learning Network", 2)]);
        report.Years.ShouldBe([2026, 2025]);
    }

    [Fact]
    public async Task QuasReport_ListsApprovalsWaiting_WithTheirDaysOnTheLaClock_OldestFirst()
    {
        var report = (await Report(Role.HealthySchoolsCoordinator)).Value!;

        report.Pending.Select(p => (p.Urn, p.Kind, p.SentOn, p.DaysWaiting)).ShouldBe(
            [(Ashcombe, PendingKind.StageFourForm, new DateOnly(2026, 11, 13), 10), (Thornbury, PendingKind.StageEightEvidence, new DateOnly(2026, 11, 20), 3)]);
        report.OldestWaitingDays.ShouldBe(10);
    }

    [Fact]
    public async Task QuasReport_CountsOutcomesMetBySetByPriorityType_AndThePrioritiesSharedOrWithoutAService()
    {
        var report = (await Report(Role.SeniorManager)).Value!;

        report.Outcomes.Select(o => (o.PriorityKind, o.Set, o.Met, o.SentAsMet)).ShouldBe([(PriorityKind.Local, 9, 1, 0), (PriorityKind.School, 9, 0, 1)]);
        report.RecurringPriorities.Select(p => (p.Priority, p.Kind, p.Schools.Count)).ShouldBe(
            [("Healthy weight", PriorityKind.Local, 2), ("Feeling safe at lunchtime; Pupils feel safe", PriorityKind.School, 2)]);
        report.RecurringPriorities[1].MeasuredBy.ShouldNotBe("PUPIL_FEEL_SAFE");
        report.NoServicePriorities.Select(p => (p.Priority, p.Kind, p.Schools.Count)).ShouldBe(
            [("Feeling safe at lunchtime", PriorityKind.School, 1), ("Fewer pupils persistently absent", PriorityKind.School, 1)]);
        report.NoServicePriorities[1].Notes.ShouldBe(["Thornbury Academy: An attendance mentoring service for families"]);
        (report.ActivitiesWithoutPartner, report.SchoolsWithActivitiesWithoutPartner).ShouldBe((1, 1));
    }

    [Fact]
    public async Task QuasReport_ForALocality_KeepsToItsSchools()
    {
        int south;
        await using (var db = _world.As(Role.QuasPanelMember)) south = await db.Localities.Where(l => l.Name == "South").Select(l => l.Id).SingleAsync();

        var report = (await Report(Role.QuasPanelMember, new QuasReportFilter(LocalityId: south))).Value!;

        report.Locality.ShouldBe("South");
        (report.Totals.Schools, report.Totals.Engaged, report.Totals.WithStatus).ShouldBe((9, 1, 1));
        report.ByLocality.Select(r => r.Area).ShouldBe(["South"]);
        report.ByCluster.Select(r => (r.Area, r.Schools)).ShouldBe([("Riverside Learning Network", 3)]);
        report.Pending.Select(p => p.Urn).ShouldBe([Thornbury]);
        report.RecurringPriorities.ShouldBeEmpty();
        (await Report(Role.QuasPanelMember, new QuasReportFilter(LocalityId: 999_999))).IsNotFound.ShouldBeTrue();
    }

    [Fact]
    public async Task QuasReport_ForAnEarlierYear_IsAsAtItsLastDay()
    {
        var lastYear = (await Report(Role.QuasPanelMember, new QuasReportFilter(2025))).Value!;
        lastYear.AsAt.ShouldBe(new DateOnly(2026, 8, 31));
        (lastYear.Totals.Engaged, lastYear.Totals.WithStatus).ShouldBe((2, 2));
        lastYear.Outcomes.Sum(o => o.Met).ShouldBe(1);

        var before = (await Report(Role.QuasPanelMember, new QuasReportFilter(2024))).Value!;
        before.AsAt.ShouldBe(new DateOnly(2025, 8, 31));
        (before.Totals.Engaged, before.Totals.WithStatus).ShouldBe((0, 2));
        before.Schools.ShouldBeEmpty();

        (await Report(Role.QuasPanelMember, new QuasReportFilter(2027))).Errors.Single().Message.ShouldBe("Choose an academic year from 1990/91 to 2026/27");
    }

    [Theory]
    [InlineData(Role.SchoolUser)]
    [InlineData(Role.Governor)]
    [InlineData(Role.Partner)]
    [InlineData(Role.LaAdministrator)]
    [InlineData(Role.SchoolImprovementPartner)]
    public async Task QuasReport_ForOtherRoles_IsRefused(Role role) =>
        (await Report(role)).IsForbidden.ShouldBeTrue();

    [Fact]
    public async Task QuasReport_AsExcelAndCsv_HoldsEveryTable()
    {
        var report = (await Report(Role.QuasPanelMember)).Value!;

        using var workbook = new MemoryStream(QuasReportDocuments.Xlsx(report));
        workbook.GetSheetNames().ShouldBe(["Recruitment by locality", "Recruitment by cluster", "Stage reached", "Schools", "Approvals waiting",
            "Outcomes met", "Recurring priorities", "No service available", "Notes"]);
        var localities = workbook.Query(useHeaderRow: true, sheetName: "Recruitment by locality", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        localities.Select(r => ((string?)r["Locality"], Convert.ToInt32(r["Engaged"]), Convert.ToDouble(r["Engaged (%)"]))).ShouldBe(
            [("North", 3, 17.0), ("South", 1, 11.0), ("All localities", 4, 15.0)]);
        var waiting = workbook.Query(useHeaderRow: true, sheetName: "Approvals waiting", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        waiting.Select(r => ((string?)r["Waiting for"], Convert.ToInt32(r["Days waiting"]))).ShouldBe([("Stage 4 form", 10), ("Stage 8 evidence", 3)]);
        var gaps = workbook.Query(useHeaderRow: true, sheetName: "No service available", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        gaps.Select(r => (string?)r["What the schools looked for"]).ShouldContain("Ashcombe Primary School: Training for lunchtime play leaders");
        var recurring = workbook.Query(useHeaderRow: true, sheetName: "Recurring priorities", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        recurring.Select(r => ((string?)r["Priority"], Convert.ToInt32(r["Schools"]), (string?)r["Which schools"])).ShouldContain(("Healthy weight", 2, "Ashcombe Primary School; Millbrook Primary School"));

        var csv = System.Text.Encoding.UTF8.GetString(QuasReportDocuments.Csv(report));
        csv.ShouldContain("Recruitment by cluster\r\nCluster or network,Schools,Engaged,Engaged (%)");
        csv.ShouldContain("Northfield Cluster,5,3,60,1,20,2,40");
        var html = QuasReportDocuments.Html(report);
        html.ShouldContain("QUAS report 2026/27");
        html.ShouldContain("the oldest for 10 days");
    }
}

public sealed class QuasReportTests_Sqlite() : QuasReportTests(DatabaseProvider.Sqlite);

public sealed class QuasReportTests_Postgres() : QuasReportTests(DatabaseProvider.Postgres);
