using SchoolSight.Domain.Access;
using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.Sip;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Tests.Sip;

public sealed class RecordOfVisitTests
{
    private static readonly TermCalendar England = EnglandTermDates.Calendar;
    private static readonly Actor Sip = new("Sidney Partner", Role.SchoolImprovementPartner, "sip-id");
    private static readonly Actor Head = new("Hana Head", Role.SchoolUser, "head-id");
    private static readonly Actor Reviewer = new("Quinn Assurance", Role.QualityAssuranceManager, "qa-id");
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Theory]
    [InlineData(2026, 11, 6, true)]   // the tenth school day after Friday 16 October, half-term skipped
    [InlineData(2026, 11, 9, false)]  // the eleventh
    [InlineData(2026, 10, 30, true)]  // in half-term, before the due day
    public void AReport_IsTimely_UpToTheTenthSchoolDayAfterTheVisit_HalfTermNotCounted(int y, int m, int d, bool timely)
    {
        ReportFeatures.DueBy(D(2026, 10, 16), 10, England).ShouldBe(D(2026, 11, 6));
        ReportFeatures.IsTimely(D(2026, 10, 16), D(y, m, d), 10, England).ShouldBe(timely);
    }

    [Fact]
    public void TheNumberOfWorkingDays_IsTheLasToSet()
    {
        ReportFeatures.DueBy(D(2026, 10, 16), 5, England).ShouldBe(D(2026, 10, 23));
        ReportFeatures.IsTimely(D(2026, 10, 16), D(2026, 10, 26), 5, England).ShouldBeFalse();
    }

    [Fact]
    public void BeyondTheTermCalendar_EveryWeekdayIsAWorkingDay() =>
        ReportFeatures.DueBy(D(2030, 1, 4), 10, England).ShouldBe(D(2030, 1, 18));

    [Fact]
    public void TheNextVisit_CarriesForwardTheLastVisitsActions_AndThoseStillOpenFromBefore()
    {
        var first = Written(D(2026, 9, 10), [new AgreedAction("Maths plan", "Head", D(2026, 10, 1)), new AgreedAction("Phonics audit", "English lead", D(2026, 10, 15))], []);
        var second = RecordOfVisit.Start(1, D(2026, 11, 10), Sip, first);
        second.EarlierActions.Select(a => (a.Action, a.Owner, a.AgreedOn, a.Status)).ShouldBe(
            [("Maths plan", "Head", D(2026, 9, 10), ActionProgressStatus.NotReviewed), ("Phonics audit", "English lead", D(2026, 9, 10), ActionProgressStatus.NotReviewed)]);

        second.Write(Content([new AgreedAction("Attendance review", "Deputy", D(2027, 1, 20))],
            [second.EarlierActions[0] with { Status = ActionProgressStatus.Completed, Progress = "Plan in place" }, second.EarlierActions[1] with { Status = ActionProgressStatus.InProgress, Progress = "Half done" }]),
            D(2026, 11, 10), D(2026, 11, 10));
        var third = RecordOfVisit.Start(1, D(2027, 1, 25), Sip, second);
        third.EarlierActions.Select(a => (a.Action, a.Status, a.Progress)).ShouldBe(
            [("Phonics audit", ActionProgressStatus.NotReviewed, (string?)null), ("Attendance review", ActionProgressStatus.NotReviewed, null)]);
    }

    [Fact]
    public void IssuingTheReport_SettlesTheFiveFeaturesOfTheRecord_AndLeavesTwoForTheReviewer()
    {
        var visit = Written(D(2026, 11, 10), [new AgreedAction("Maths plan", "Head", null)], []);
        visit.Issue(Move(Sip, D(2026, 11, 12)), timely: true, judgementsRecorded: false);
        visit.Status.ShouldBe(VisitStatus.Issued);
        visit.Features.Where(f => f.Has is null).Select(f => f.Feature).ShouldBe([ReportFeature.AccurateAndEvidenced, ReportFeature.EvidenceOfChallenge]);
        (visit.Timely, visit.AgendaForAction, visit.IssuesForActionWithTimescale, visit.ClearFormat, visit.FeedsRiskRegister).ShouldBe((true, true, false, true, false));
        visit.Missing.ShouldBeNull();

        visit.Review(true, false, null, Reviewer, D(2026, 11, 20));
        visit.Missing.ShouldBe(3);
        ReportFeatures.Band(visit.Missing!.Value).ShouldBe(MissingFeatures.ThreeOrMore);
    }

    [Fact]
    public void TheHead_MarkingTheReportInaccurate_MustSayWhy()
    {
        var visit = Written(D(2026, 11, 10), [], []);
        visit.Issue(Move(Sip, D(2026, 11, 12)), true, true);
        Should.Throw<DomainException>(() => visit.Answer(false, Move(Head, D(2026, 11, 13)))).Error.Code.ShouldBe("sip.comment");
        visit.Answer(false, Move(Head, D(2026, 11, 13), "The attendance figure is last year's."));
        (visit.Status, visit.SchoolComment).ShouldBe((VisitStatus.MarkedInaccurate, "The attendance figure is last year's."));
    }

    [Fact]
    public void OnlyTheSip_IssuesTheReport_AndAnIssuedReportCannotBeRewritten()
    {
        var visit = Written(D(2026, 11, 10), [], []);
        Should.Throw<DomainException>(() => visit.Issue(Move(Head, D(2026, 11, 12)), true, true)).Error.Kind.ShouldBe(ErrorKind.Forbidden);
        visit.Issue(Move(Sip, D(2026, 11, 12)), true, true);
        Should.Throw<DomainException>(() => visit.Write(Content([], []), D(2026, 11, 10), D(2026, 11, 12))).Error.ShouldBe(SipErrors.NotDraft);
    }

    [Fact]
    public void AReviewer_JudgesOnlyIssuedReports() =>
        Should.Throw<DomainException>(() => Written(D(2026, 11, 10), [], []).Review(true, true, null, Reviewer, D(2026, 11, 12))).Error.ShouldBe(SipErrors.NotIssued);

    private static MoveContext Move(Actor actor, DateOnly today, string? reason = null) => new(actor, DateTime.UnixEpoch, today, reason);

    private static RecordOfVisit Written(DateOnly on, IReadOnlyList<AgreedAction> actions, IReadOnlyList<ActionProgress> earlier)
    {
        var visit = RecordOfVisit.Start(1, on, Sip, null);
        visit.Write(Content(actions, earlier), on, on);
        return visit;
    }

    private static VisitContent Content(IReadOnlyList<AgreedAction> actions, IReadOnlyList<ActionProgress> earlier) =>
        new("Autumn review", "70% expected standard", "On track", "Phonics", "Maths", SelfEvaluationRobustness.Robust, "Tracking", true, true, null, actions, earlier, null);
}
