using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Tests.ImprovingOutcomes;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Categorisation;

/// <summary>
/// Hand-made categorisation records over the register test data (North: primaries 999101–999120; South: secondaries
/// 999121–999126 and special schools 999127–999130), checked by hand in the register and board pack tests:
/// <list type="bullet">
/// <item><see cref="Rising"/> (North primary): Universal 10 Jan 2026, Targeted 1 Feb, Intensive 1 May 2026; inadequate
/// from Ofsted on 15 Sept 2026 in special measures; SIP inadequate and self-evaluation requires improvement for 2026/27;
/// KS2 expected standard 10, 20 then 27 of 30 pupils (improving).</item>
/// <item><see cref="LeavingMeasures"/> (South secondary): Targeted since 1 Sept 2025; in special measures after a 2024
/// inspection, then graded on 20 May 2026 (no overall judgement after September 2024) and out of the category.</item>
/// <item><see cref="InProgramme"/> (North primary): never categorised; entry to the programme agreed 1 April 2026.</item>
/// <item><see cref="Uncategorised"/> (North primary): nothing at all.</item>
/// <item><see cref="Proposed"/> (South secondary): Universal since 1 Dec 2025 with an open proposal for Intensive; SIP
/// requires improvement for 2024/25 then good for 2025/26; self-evaluation outstanding for 2025/26; no Progress 8,
/// Attainment 8 falling from 50 to 40 (declining).</item>
/// </list>
/// </summary>
public static class CategorisationWorld
{
    public const int Rising = RegisterData.FirstUrn;
    public const int InProgramme = RegisterData.FirstUrn + 1;
    public const int Uncategorised = RegisterData.FirstUrn + 2;
    public const int LeavingMeasures = RegisterData.FirstUrn + 20;
    public const int Proposed = RegisterData.FirstUrn + 21;
    public const int Special = RegisterData.FirstUrn + 26;
    public const string Smt = "smt@demo-borough.example";

    public static readonly TestClock Clock = new(2026, 11, 1);

    public static AppDbContext As(this TestDatabase database, Role role, TimeProvider? clock = null) =>
        database.CreateContext(new FixedCurrentUser(role == Role.SeniorManager ? Smt : $"{role}@demo-borough.example", role), clock ?? new TestClock(2026, 11, 1));

    /// <summary>A database holding this world (filled once per test run and provider, copied for each caller).</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => TestDatabase.CreateSeededAsync(provider, "categorisation world", SeedAsync);

    public static async Task SeedAsync(TestDatabase database)
    {
        await RegisterData.SeedAsync(database);
        var clock = new TestClock(2026, 4, 1);
        await new ProgrammeWorld(database, clock).ActiveCaseAsync(InProgramme, new DateOnly(2026, 4, 1));

        await using var db = database.CreateContext(new FixedCurrentUser("seed"));
        // The shipped default criteria, adopted when the database was created.
        var rules = await db.RuleSets.SingleAsync();

        db.SchoolLevels.AddRange(
            Decision(Rising, LevelOfSupport.Universal, null, At(2026, 1, 10), "No rule fired."),
            Decision(Rising, LevelOfSupport.Targeted, LevelOfSupport.Universal, At(2026, 2, 1), "KS2 expected standard below the floor"),
            Decision(Rising, LevelOfSupport.Intensive, LevelOfSupport.Targeted, At(2026, 5, 1), "KS2 expected standard below the floor\nSIP judges leadership inadequate"),
            Decision(LeavingMeasures, LevelOfSupport.Targeted, null, At(2025, 9, 1), "Ofsted: special measures"),
            Decision(Proposed, LevelOfSupport.Universal, null, At(2025, 12, 1), "No rule fired."));
        db.LevelProposals.Add(new LevelProposal(Proposed, rules.Id, rules.Version, LevelOfSupport.Intensive, false, "{}", At(2026, 10, 20), "seed"));

        db.OfstedInspections.AddRange(
            new OfstedInspection(Rising, new OfstedOutcome
            {
                // A report card inspection: no overall grade; leadership and governance urgent improvement.
                InspectionDate = new DateOnly(2026, 9, 15),
                CategoryOfConcern = CategoryOfConcern.SpecialMeasures,
                Inclusion = ReportCardGrade.ExpectedStandard,
                CurriculumAndTeaching = ReportCardGrade.ExpectedStandard,
                Achievement = ReportCardGrade.ExpectedStandard,
                AttendanceAndBehaviour = ReportCardGrade.NeedsAttention,
                PersonalDevelopmentAndWellbeing = ReportCardGrade.ExpectedStandard,
                LeadershipAndGovernance = ReportCardGrade.UrgentImprovement,
                SafeguardingEffective = true,
                PreviousInspectionDate = new DateOnly(2021, 6, 1),
                PreviousOverallEffectiveness = OfstedJudgement.Good,
            }, 1),
            new OfstedInspection(LeavingMeasures, new OfstedOutcome
            {
                InspectionDate = new DateOnly(2026, 5, 20),
                Inclusion = ReportCardGrade.ExpectedStandard,
                LeadershipAndGovernance = ReportCardGrade.StrongStandard,
                PreviousInspectionDate = new DateOnly(2024, 3, 1),
                PreviousOverallEffectiveness = OfstedJudgement.Inadequate,
                PreviousCategoryOfConcern = CategoryOfConcern.SpecialMeasures,
            }, 1));

        db.SchoolJudgements.AddRange(
            Judgement(Rising, 2026, JudgementSource.SchoolImprovementPartner, OfstedJudgement.Inadequate),
            Judgement(Rising, 2026, JudgementSource.SelfEvaluation, OfstedJudgement.RequiresImprovement),
            Judgement(Proposed, 2024, JudgementSource.SchoolImprovementPartner, OfstedJudgement.RequiresImprovement),
            Judgement(Proposed, 2025, JudgementSource.SchoolImprovementPartner, OfstedJudgement.Good),
            Judgement(Proposed, 2025, JudgementSource.SelfEvaluation, OfstedJudgement.Outstanding));
        // A judgement of a key area is not the overall one.
        db.SchoolJudgements.Add(new SchoolJudgement(Rising, 2026, JudgementSource.SchoolImprovementPartner, JudgementArea.QualityOfEducation, OfstedJudgement.Good, new DateOnly(2026, 10, 1), null, "sip"));

        var computer = IndicatorCatalogueSource.Default.Computer;
        foreach (var (year, expected) in new[] { (2022, 10), (2023, 20), (2024, 27) })
            db.IndicatorResults.Add(Result(computer, Rising, year, "KS2_RWM_EXP", new Tally(expected, 30, expected, 30)));
        foreach (var (year, mean) in new[] { (2023, 50.0), (2024, 40.0) })
            db.IndicatorResults.Add(Result(computer, Proposed, year, "KS4_ATT8", new Tally(mean * 100, 100, 100 * (100 + mean * mean), 100)));
        await db.SaveChangesAsync();
    }

    public static DateTime At(int year, int month, int day) => new(year, month, day, 11, 0, 0, DateTimeKind.Utc);

    private static SchoolLevelDecision Decision(int urn, LevelOfSupport level, LevelOfSupport? previous, DateTime at, string reasons) =>
        new(urn, level, previous, level, null, "2026.1", reasons, Smt, Role.SeniorManager, at, "Agreed at SMT.");

    private static SchoolJudgement Judgement(int urn, int year, JudgementSource source, OfstedJudgement grade) =>
        new(urn, year, source, JudgementArea.OverallEffectiveness, grade, new DateOnly(year, 11, 1), null, source == JudgementSource.SelfEvaluation ? "head" : "sip");

    private static IndicatorResultSet Result(IndicatorComputer computer, int urn, int year, string indicatorId, Tally tally)
    {
        var tallies = computer.NewTallies();
        tallies[tallies.SlotOf(indicatorId), PupilGroup.All] = tally;
        return new IndicatorResultSet(AreaKind.School, urn.ToString(), year, TalliesCodec.Encode(tallies), $"test-{urn}-{year}", "test", At(2025, 1, 1));
    }
}
