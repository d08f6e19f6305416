using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Core.Sip;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;
using SchoolSight.Domain.Sip;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's SIP visits for last academic year and this one so far, on school days: a second SIP for two
/// secondary schools (a former secondary head), both SIPs' profiles, and for each assigned school a record of every
/// visit, the actions agreed carried forward to the next. Most reports are issued on time and full; a few late or thin
/// (no agenda, no targets or no issues for action); reviewers have judged most; the demo head answered some (one
/// inaccurate, with a comment); one or two of the latest are still drafts. One visit is linked to the programme case's
/// management group meeting; two have paired visits whose summaries were sent. No judgement is added: a visit feeds the
/// risk register when it falls on the day the school's SIP judgements were recorded, so the levels of support stay as
/// they are. The same every time.
/// </summary>
public static class DemoSipVisits
{
    public const string SecondarySipEmail = $"sip.secondary@{DemoSeeder.EmailDomain}";
    public static readonly int[] SecondarySipSchools = [DemoSeeder.DemoHeadSchoolUrn + 53, DemoSeeder.DemoHeadSchoolUrn + 56];

    private static readonly Actor Qa = new("Quinn Assurance", Role.QualityAssuranceManager);
    private static readonly Actor Officer = new("Morgan Intervention", Role.InterventionOfficer);

    /// <summary>Days into the academic year (from 1 September) of each school's visits, about one each half-term.</summary>
    private static readonly int[] VisitDays = [22, 64, 120, 170, 225, 275];

    public static async Task SeedAsync(AppDbContext db, UserManager<AppUser> users, CancellationToken ct = default)
    {
        var secondary = new AppUser
        {
            UserName = SecondarySipEmail,
            Email = SecondarySipEmail,
            EmailConfirmed = true,
            DisplayName = "Robin Secondary",
            Role = Role.SchoolImprovementPartner,
            Assignments = [.. SecondarySipSchools.Select(u => new SipAssignment { Urn = u })],
        };
        var created = await users.CreateAsync(secondary, DemoSeeder.DemoPassword);
        if (!created.Succeeded) throw new InvalidOperationException($"Could not create demo user {SecondarySipEmail}");
        var primary = await db.Users.FirstAsync(u => u.UserName == $"sip@{DemoSeeder.EmailDomain}", ct);
        db.SipProfiles.Add(new SipProfile(primary.Id, true, SchoolPhase.Primary));
        db.SipProfiles.Add(new SipProfile(secondary.Id, true, SchoolPhase.Secondary));

        var calendar = await db.LoadCalendarAsync(ct);
        var today = db.Today();
        var current = AcademicYear.Of(today);
        var due = new SipOptions().ReportDueWithinWorkingDays;
        var assignments = await db.SipAssignments.AsNoTracking().Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.Urn, u.Id, u.DisplayName })
            .OrderBy(a => a.Urn).ToListAsync(ct);
        var urns = assignments.Select(a => a.Urn).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, ct);
        var judged = (await db.SchoolJudgements.AsNoTracking().Where(j => j.Source == JudgementSource.SchoolImprovementPartner)
            .Select(j => new { j.Urn, j.JudgedOn }).Distinct().ToListAsync(ct)).Select(j => (j.Urn, j.JudgedOn)).ToHashSet();
        var meeting = await db.ProgrammeCases.AsNoTracking().Where(c => c.Urn == DemoSeeder.DemoHeadSchoolUrn)
            .SelectMany(c => c.GroupMeetings).OrderByDescending(m => m.HeldOn).FirstOrDefaultAsync(ct);

        var issued = new List<RecordOfVisit>();
        var drafts = 0;
        foreach (var (assignment, s) in assignments.Select((a, s) => (a, s)))
        {
            if (!schools.TryGetValue(assignment.Urn, out var school) || !school.Details.Status.IsOpen()) continue;
            var sip = new Actor(assignment.DisplayName, Role.SchoolImprovementPartner, assignment.Id);
            var head = new Actor($"{school.Details.HeadFirstName} {school.Details.HeadLastName}".Trim(), Role.SchoolUser);
            // Visit days: the half-termly pattern, and the day the SIP's judgements were recorded each year.
            var days = new[] { current - 1, current }
                .SelectMany(y => VisitDays.Select(d => new DateOnly(y, 9, 1).AddDays(d + s * 2))
                    .Concat(judged.Where(j => j.Urn == school.Urn && AcademicYear.Of(j.JudgedOn) == y).Select(j => j.JudgedOn)))
                .Concat(meeting is not null && school.Urn == DemoSeeder.DemoHeadSchoolUrn ? [meeting.HeldOn] : [])
                .Select(d => SchoolDay(d, calendar)).Where(d => d < today).Distinct().Order().ToList();
            RecordOfVisit? last = null;
            foreach (var (day, n) in days.Select((d, n) => (d, n)))
            {
                var visit = RecordOfVisit.Start(school.Urn, day, sip, last);
                var linked = meeting is not null && school.Urn == DemoSeeder.DemoHeadSchoolUrn && day == SchoolDay(meeting.HeldOn, calendar)
                    && !db.SipVisits.Local.Any(v => v.GroupMeetingId == meeting.Id);
                visit.Write(Content(visit, school.Urn, n, linked ? meeting!.Id : null), day, today);
                db.SipVisits.Add(visit);
                await db.SaveChangesAsync(ct);
                last = visit;

                // The newest visit at the first two schools is still being written.
                if (n == days.Count - 1 && drafts < 2 && (today.DayNumber - day.DayNumber) < 40) { drafts++; continue; }
                var late = (school.Urn + n) % 6 == 0;
                var issuedOn = late ? day.AddDays(28) : day.AddDays(5);
                if (issuedOn >= today) issuedOn = today;
                visit.Issue(new MoveContext(sip, At(issuedOn), issuedOn, null),
                    ReportFeatures.IsTimely(day, issuedOn, due, calendar), judged.Contains((school.Urn, day)));
                issued.Add(visit);

                // Reviewers judge most reports; the last few weeks' are waiting.
                if (n % 4 != 3 && issuedOn.AddDays(14) < today)
                {
                    var thin = string.IsNullOrWhiteSpace(visit.Targets) || visit.Actions.Count == 0;
                    visit.Review(!thin || n % 2 == 0, !string.IsNullOrWhiteSpace(visit.Challenge) && !thin,
                        thin ? "Little evidence behind the judgements; the challenge is not recorded clearly." : null, n % 2 == 0 ? Qa : Officer, issuedOn.AddDays(10));
                }
                // The headteacher answers some: one says the report is inaccurate.
                if (n % 3 == 1 && issuedOn.AddDays(3) < today)
                {
                    var inaccurate = school.Urn == DemoSeeder.DemoHeadSchoolUrn && n == 1;
                    var answeredOn = issuedOn.AddDays(3);
                    visit.Answer(!inaccurate, new MoveContext(head, At(answeredOn), answeredOn,
                        inaccurate ? "The report says our Reception phonics data was not tracked; it was, in the new assessment system the SIP did not see." : null));
                }
            }
        }
        await db.SaveChangesAsync(ct);
        PairedVisits(db, issued, today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The record's content: most are full; every fifth has no agreed actions, every seventh no targets, and one in eleven neither.</summary>
    private static VisitContent Content(RecordOfVisit visit, int urn, int n, int? meetingId)
    {
        var noActions = (urn + n) % 5 == 0 || (urn + n) % 11 == 0;
        var noTargets = (urn + n) % 7 == 0 || (urn + n) % 11 == 0;
        var done = visit.EarlierActions.Select((a, i) => a with
        {
            Status = i % 3 == 0 ? ActionProgressStatus.Completed : i % 3 == 1 ? ActionProgressStatus.InProgress : ActionProgressStatus.NotStarted,
            Progress = i % 3 == 0 ? "Done and checked at this visit." : i % 3 == 1 ? "Under way; the lead reported on it." : null,
        }).ToList();
        var actions = noActions ? [] : new List<AgreedAction>
        {
            new(Actions[n % Actions.Length], "Headteacher", visit.VisitedOn.AddDays(42)),
            new(Actions[(n + 2) % Actions.Length], n % 4 == 2 ? "" : "Deputy headteacher", n % 4 == 2 ? null : visit.VisitedOn.AddDays(70)),
        };
        return new VisitContent(
            meetingId is null ? Purposes[n % Purposes.Length] : "To review progress on the raising achievement plan with the management group.",
            noTargets ? null : "Reading at the expected standard 78%; writing 72%; mathematics 75%; persistent absence below 12%.",
            noTargets ? null : "On track in reading and mathematics; writing behind in year 4.",
            "Strong relationships with families; a settled, well-led early years team.",
            noActions && noTargets ? null : "Writing in key stage 2; governors' challenge of outcomes; attendance of disadvantaged pupils.",
            n % 4 == 3 ? SelfEvaluationRobustness.PartlyRobust : SelfEvaluationRobustness.Robust,
            "Pupil progress data, book looks and lesson visits with the headteacher.",
            n % 3 == 0 ? n % 6 != 3 : null,
            n % 3 == 0 ? true : null,
            noActions ? null : "Asked leaders to show how the writing plan was moving outcomes for disadvantaged pupils, not just listing activities.",
            actions, done, meetingId);
    }

    private static readonly string[] Purposes =
    [
        "To agree the school's targets and review its self-evaluation.",
        "To review progress towards the targets and the school improvement plan.",
        "To look at the quality of teaching of writing with the headteacher.",
        "To review the school's tracking of pupils' progress and attendance.",
    ];

    private static readonly string[] Actions =
    [
        "Moderate writing across years 3 to 6 with a partner school",
        "Report disadvantaged pupils' attendance to governors each half-term",
        "Update the self-evaluation with the summer term's assessment data",
        "Plan catch-up sessions in mathematics for year 5",
    ];

    private static void PairedVisits(AppDbContext db, List<RecordOfVisit> issued, DateOnly today)
    {
        var picked = issued.Where(v => v.VisitedOn.AddDays(30) < today).GroupBy(v => v.SipUserId).Select(g => g.Last()).Take(2).ToList();
        foreach (var (visit, k) in picked.Select((v, k) => (v, k)))
        {
            var adviser = k == 0 ? Qa : Officer;
            var paired = PairedVisit.Plan(visit.Urn, visit.SipUserId, visit.SipName, visit.Id, adviser);
            var grades = PairedVisitAspects.All.ToDictionary(a => a, a => new AspectGrade(
                a == PairedVisitAspect.TargetSetting && k == 1 ? PairedVisitGrade.Satisfactory : PairedVisitGrade.Good,
                $"Seen at the visit: {a.Describe().ToLowerInvariant()} discussed with the headteacher and checked against the report."));
            paired.Write(new PairedVisitContent(visit.VisitedOn, "Half a day", "Meeting with the headteacher, learning walk, review of the school's tracking.", grades,
                "The headteacher valued the SIP's challenge on writing.", "Clear, well-evidenced challenge; good knowledge of the school's data.",
                k == 1 ? "Set targets that are more ambitious for disadvantaged pupils." : "Broker support from a partner school sooner."), today);
            paired.SendSummary(visit.VisitedOn.AddDays(12));
            db.PairedVisits.Add(paired);
        }
    }

    private static DateOnly SchoolDay(DateOnly day, TermCalendar calendar)
    {
        if (calendar.Covers(day) && calendar.SchoolDayOnOrBefore(day) is { } school) return school;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return day;
    }

    private static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
}
