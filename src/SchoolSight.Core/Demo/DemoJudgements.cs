using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's categorisation evidence kept by hand: self-evaluation and SIP judgements for the last two academic
/// years, following each school's Ofsted rating (a few schools rate themselves a grade better than their SIP does;
/// some have not recorded this year's yet; a few have none), and the LA's concerns — an open safeguarding concern, an
/// open management and governance concern at the school proposed for the programme on those grounds, and a closed one.
/// Dated relative to today; the same every time.
/// </summary>
public static class DemoJudgements
{
    private static readonly string Officer = $"mi@{DemoSeeder.EmailDomain}";
    private static readonly string Head = $"head@{DemoSeeder.EmailDomain}";
    private static readonly string Sip = $"sip@{DemoSeeder.EmailDomain}";
    private static readonly int[] SipSchools = [DemoSeeder.DemoHeadSchoolUrn, DemoSeeder.DemoHeadSchoolUrn + 3, DemoSeeder.DemoHeadSchoolUrn + 10, DemoSeeder.DemoHeadSchoolUrn + 40];
    private static readonly JudgementArea[] KeyAreas =
        [JudgementArea.QualityOfEducation, JudgementArea.BehaviourAndAttitudes, JudgementArea.PersonalDevelopment, JudgementArea.LeadershipAndManagement];

    public static async Task SeedAsync(AppDbContext db, IReadOnlyList<School> schools, CancellationToken ct = default)
    {
        var today = db.Today();
        var current = AcademicYear.Of(today);
        var inadequate = 0;
        for (var i = 0; i < schools.Count; i++)
        {
            var school = schools[i];
            var urn = school.Urn;
            if (!school.Details.Status.IsOpen() || (i % 13 == 12 && urn != DemoSeeder.DemoHeadSchoolUrn)) continue;
            var baseline = Baseline(urn, school.Details.OfstedRating, i, inadequate < 2);
            if (baseline == OfstedJudgement.Inadequate) inadequate++;
            var optimistic = i % 15 == 4 || urn == DemoSeeder.DemoHeadSchoolUrn + 3;
            foreach (var year in new[] { current - 1, current })
            {
                if (year == current && i % 6 == 5) continue; // this year's not recorded yet
                // The demo head's school slipped last year: the school still judged itself good; its SIP did not.
                var sip = urn == DemoSeeder.DemoHeadSchoolUrn ? OfstedJudgement.RequiresImprovement : baseline;
                var self = urn == DemoSeeder.DemoHeadSchoolUrn && year == current - 1 ? OfstedJudgement.Good : optimistic ? Better(sip) : sip;
                var selfOn = Day(year, 30 + i % 40, today);
                var sipOn = Day(year, 50 + i % 40, today);
                Add(db, school, year, JudgementSource.SelfEvaluation, self, selfOn, urn == DemoSeeder.DemoHeadSchoolUrn ? Head : Officer, i);
                Add(db, school, year, JudgementSource.SchoolImprovementPartner, sip, sipOn, SipSchools.Contains(urn) ? Sip : Officer, i);
            }
        }
        Concerns(db, today);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The overall grade the school's record points to: its latest Ofsted rating, most schools having improved since an
    /// old poor inspection (only the first two in a category are still inadequate), and the programme's schools placed
    /// as their cases say.
    /// </summary>
    private static OfstedJudgement Baseline(int urn, string? rating, int index, bool inadequateLeft) => urn switch
    {
        // The programme's schools, and the school with an open safeguarding concern (just out of the programme).
        DemoSeeder.DemoHeadSchoolUrn or DemoSeeder.DemoHeadSchoolUrn + 3 or DemoSeeder.DemoHeadSchoolUrn + 10 or DemoSeeder.DemoHeadSchoolUrn + 20 => OfstedJudgement.RequiresImprovement,
        _ => rating switch
        {
            "Outstanding" => OfstedJudgement.Outstanding,
            "Requires improvement" => index % 2 == 0 ? OfstedJudgement.RequiresImprovement : OfstedJudgement.Good,
            "Serious Weaknesses" or "Special Measures" => inadequateLeft ? OfstedJudgement.Inadequate : index % 3 == 0 ? OfstedJudgement.RequiresImprovement : OfstedJudgement.Good,
            _ => OfstedJudgement.Good,
        },
    };

    private static OfstedJudgement Better(OfstedJudgement grade) => grade == OfstedJudgement.Outstanding ? grade : grade - 1;

    private static OfstedJudgement Worse(OfstedJudgement grade) => grade == OfstedJudgement.Inadequate ? grade : grade + 1;

    /// <summary>A day some weeks into the academic year, never after today.</summary>
    private static DateOnly Day(int year, int daysIn, DateOnly today)
    {
        var day = new DateOnly(year, 9, 1).AddDays(daysIn);
        return day > today ? today : day;
    }

    /// <summary>
    /// The demo's judgements made from 10 November 2025 are of the report card's areas on its five-point scale: the
    /// school's standing is drawn on that scale from the same baseline (this is made-up data, not a conversion).
    /// </summary>
    internal static ReportCardGrade OnReportCard(OfstedJudgement standing) => standing switch
    {
        OfstedJudgement.Outstanding => ReportCardGrade.StrongStandard,
        OfstedJudgement.Good => ReportCardGrade.ExpectedStandard,
        OfstedJudgement.RequiresImprovement => ReportCardGrade.NeedsAttention,
        OfstedJudgement.Inadequate => ReportCardGrade.UrgentImprovement,
    };

    private static readonly JudgementArea[] ReportCardAreas =
    [
        JudgementArea.Inclusion, JudgementArea.CurriculumAndTeaching, JudgementArea.Achievement, JudgementArea.AttendanceAndBehaviour,
        JudgementArea.PersonalDevelopmentAndWellbeing, JudgementArea.LeadershipAndGovernance,
    ];

    private static void Add(AppDbContext db, School school, int year, JudgementSource source, OfstedJudgement overall, DateOnly on, string by, int seed)
    {
        var reportCard = JudgementScales.For(on) == JudgementScale.ReportCard;
        void One(JudgementArea area, OfstedJudgement grade)
        {
            if (reportCard && area == JudgementArea.OverallEffectiveness) return;
            var judged = reportCard ? JudgementGrade.Of(OnReportCard(grade)) : JudgementGrade.Of(grade);
            db.SchoolJudgements.Add(new SchoolJudgement(school.Urn, year, source, area, judged, on, null, by));
        }

        One(JudgementArea.OverallEffectiveness, overall);
        var areas = reportCard ? ReportCardAreas : KeyAreas;
        for (var k = 0; k < areas.Length; k++)
        {
            // Most areas match the overall judgement; one in a while is a grade either side of it.
            var twist = (seed + k * 3) % 7;
            var grade = twist == 0 ? Better(overall) : twist == 1 ? Worse(overall) : overall;
            if (school.Urn == DemoSeeder.DemoHeadSchoolUrn + 3 && areas[k] is JudgementArea.LeadershipAndManagement or JudgementArea.LeadershipAndGovernance
                && source == JudgementSource.SchoolImprovementPartner)
                grade = OfstedJudgement.Inadequate;
            One(areas[k], grade);
        }
        if (school.Details.StatutoryLowAge is <= 5) One(JudgementArea.EarlyYears, overall);
        if (school.Details.StatutoryHighAge is >= 18) One(JudgementArea.SixthForm, seed % 4 == 0 ? Better(overall) : overall);
    }

    private static void Concerns(AppDbContext db, DateOnly today)
    {
        db.SchoolConcerns.Add(new SchoolConcern(DemoSeeder.DemoHeadSchoolUrn + 10, ConcernKind.Safeguarding, today.AddDays(-18),
            "Single central record incomplete at the SIP's visit: DBS checks missing for three volunteers; site gate left open during the school day.", Sip));
        db.SchoolConcerns.Add(new SchoolConcern(DemoSeeder.DemoHeadSchoolUrn + 3, ConcernKind.ManagementOrGovernance, today.AddDays(-45),
            "The governing body has not met for two terms and has not approved this year's budget; the deficit is growing.", Officer));
        var closed = new SchoolConcern(DemoSeeder.DemoHeadSchoolUrn, ConcernKind.Safeguarding, today.AddDays(-240),
            "Safeguarding lead on long-term leave with no deputy trained; referrals to children's social care delayed.", Officer);
        closed.Close(today.AddDays(-150), "Deputy safeguarding lead trained and in post; the LA's safeguarding audit found referrals timely.", Officer);
        db.SchoolConcerns.Add(closed);
    }
}
