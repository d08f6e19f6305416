using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.TestSupport;

/// <summary>
/// Pupil-level and survey data for a few Demo Borough schools over three years, made deterministically (System.Random
/// with a fixed seed per school-year), stored as pupil and survey blocks and computed with <see cref="ComputeIndicators"/>,
/// so the data pages have figures to show. Some figures are fixed so tests can check them by hand:
/// <list type="bullet">
/// <item><see cref="HandCheckedPrimary"/>: 30 year 6 pupils each year; 10, 20 and 27 of them reach the key stage 2
/// expected standard in 2022/23, 2023/24 and 2024/25 (33.3%, 66.7%, 90.0%).</item>
/// <item><see cref="SmallGroupSchool"/> (the demo head's school): 30 reception pupils, exactly 2 of them children in
/// care, one of whom reaches a good level of development (50.0%), a group small enough to be suppressed.</item>
/// </list>
/// The synthetic generator may later replace this with a fuller demo set.
/// </summary>
public static class IndicatorTestData
{
    public static readonly IReadOnlyList<int> Years = [2022, 2023, 2024];
    public const int LatestYear = 2024;

    /// <summary>Ashcombe Nursery School, the demo head's and governor's school: reception pupils only.</summary>
    public const int SmallGroupSchool = 999001;
    public const int HandCheckedPrimary = 999007;
    public static readonly IReadOnlyList<int> PrimaryUrns = [.. Enumerable.Range(999007, 8)];
    public static readonly IReadOnlyList<int> SecondaryUrns = [.. Enumerable.Range(999054, 6)];
    public static IEnumerable<int> AllUrns => [SmallGroupSchool, .. PrimaryUrns, .. SecondaryUrns];

    /// <summary>Year 6 pupils at the expected standard at <see cref="HandCheckedPrimary"/>, by year (each of 30).</summary>
    public static readonly IReadOnlyDictionary<int, int> HandCheckedExpected = new Dictionary<int, int> { [2022] = 10, [2023] = 20, [2024] = 27 };

    private const byte Yes = 1, No = 2;

    /// <summary>
    /// Replaces the demo's generated pupil and survey data with these hand-made blocks (once), so figures can be checked
    /// by hand, and computes every indicator. Safe to call again: nothing changes the second time.
    /// </summary>
    public static async Task<ComputeResult> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var first = Pupils(SmallGroupSchool, Years[0]);
        var firstData = PupilBlockCodec.Encode(first);
        var firstHash = PupilBlockCodec.Hash(firstData, PupilBlockCodec.EncodeRefs(first.PupilRefs));
        if (!await db.PupilDataBlocks.AnyAsync(b => b.Urn == SmallGroupSchool && b.AcademicYear == Years[0] && b.Sha256 == firstHash))
        {
            await db.PupilDataBlocks.ExecuteDeleteAsync();
            await db.SurveyDataBlocks.ExecuteDeleteAsync();
            await db.IndicatorResults.ExecuteDeleteAsync();
            await db.SimilarSchoolSets.ExecuteDeleteAsync();
            var now = db.UtcNow;
            foreach (var year in Years)
            {
                foreach (var urn in AllUrns)
                {
                    var pupils = Pupils(urn, year);
                    var data = PupilBlockCodec.Encode(pupils);
                    var refs = PupilBlockCodec.EncodeRefs(pupils.PupilRefs);
                    db.PupilDataBlocks.Add(new PupilDataBlock(urn, year, pupils.Count, PupilBlockCodec.Hash(data, refs), data, refs, 0, now));
                    var survey = Survey(urn, year);
                    var answers = SurveyBlockCodec.Encode(survey);
                    db.SurveyDataBlocks.Add(new SurveyDataBlock(urn, year, survey.Count, SurveyBlockCodec.Hash(answers), answers, 0, now));
                }
            }
            await db.SaveChangesAsync();
        }
        var compute = scope.ServiceProvider.GetRequiredService<ComputeIndicators>();
        return await compute.RunAsync(new ComputeRequest());
    }

    /// <summary>The pupils of one school and year.</summary>
    public static PupilColumns Pupils(int urn, int year)
    {
        var random = new Random(urn * 10_000 + year);
        var yearGroups = urn == SmallGroupSchool ? ["R"]
            : PrimaryUrns.Contains(urn) ? new[] { "R", "1", "2", "3", "4", "5", "6" }
            : ["7", "8", "9", "10", "11"];
        var perYear = SecondaryUrns.Contains(urn) ? 60 : 30;
        var pupils = new PupilColumns(yearGroups.Length * perYear);
        var fsmRate = 0.08 + (urn % 7) * 0.05;
        var improvement = (year - Years[0]) * 0.03;

        var row = 0;
        foreach (var yearGroup in yearGroups)
        {
            for (var i = 0; i < perYear; i++, row++)
            {
                pupils.PupilRefs[row] = $"P{urn}-{year}-{row:0000}";
                var fsm = random.NextDouble() < fsmRate;
                var sen = random.NextDouble() < 0.14;
                var inCare = urn == SmallGroupSchool ? i < 2 : random.NextDouble() < 0.01;
                var eal = random.NextDouble() < 0.18;
                Set(pupils, PupilFields.NcYear, row, yearGroup);
                Set(pupils, PupilFields.Gender, row, random.Next(2) == 0 ? "M" : "F");
                pupils.Codes(PupilFields.Fsm)[row] = fsm ? Yes : No;
                Set(pupils, PupilFields.Sen, row, sen ? (random.NextDouble() < 0.2 ? "E" : "K") : "N");
                pupils.Codes(PupilFields.InCare)[row] = inCare ? Yes : No;
                pupils.Codes(PupilFields.Eal)[row] = eal ? Yes : No;
                Set(pupils, PupilFields.Ethnicity, row, PupilFields.Ethnicity.AllowedCodes[random.Next(6)]);

                // Attendance: most pupils miss a few sessions; a tail are persistently absent.
                var possible = 300 + random.Next(31);
                var absentShare = random.NextDouble() < 0.12 ? 0.1 + random.NextDouble() * 0.2 : random.NextDouble() * 0.08;
                if (fsm) absentShare *= 1.3;
                var missed = (float)Math.Round(possible * Math.Min(absentShare, 0.9));
                pupils.Numbers(PupilFields.SessionsPossible)[row] = possible;
                pupils.Numbers(PupilFields.SessionsMissed)[row] = missed;
                pupils.Numbers(PupilFields.SicknessSessions)[row] = (float)Math.Floor(missed * (0.4 + random.NextDouble() * 0.3));
                pupils.Numbers(PupilFields.Suspensions)[row] = random.NextDouble() < 0.03 ? 1 : 0;
                pupils.Codes(PupilFields.PermanentlyExcluded)[row] = No;
                pupils.Codes(PupilFields.PeTwoHours)[row] = random.NextDouble() < 0.75 ? Yes : No;
                pupils.Codes(PupilFields.SchoolMeals)[row] = random.NextDouble() < (fsm ? 0.9 : 0.5) ? Yes : No;

                var chance = 0.6 + improvement - (fsm ? 0.2 : 0) - (sen ? 0.25 : 0);
                switch (yearGroup)
                {
                    case "R":
                        var gld = urn == SmallGroupSchool && inCare ? i == 0 : random.NextDouble() < chance + 0.05;
                        pupils.Codes(PupilFields.EyfsGld)[row] = gld ? Yes : No;
                        pupils.Numbers(PupilFields.EyfsPoints)[row] = gld ? 30 + random.Next(5) : 17 + random.Next(14);
                        break;
                    case "6":
                        var expected = urn == HandCheckedPrimary ? i < HandCheckedExpected[year] : random.NextDouble() < chance;
                        pupils.Codes(PupilFields.Ks2RwmExp)[row] = expected ? Yes : No;
                        pupils.Codes(PupilFields.Ks2Low)[row] = !expected && random.NextDouble() < 0.3 ? Yes : No;
                        pupils.Numbers(PupilFields.Ks2ReadProg)[row] = (float)Math.Round(Normal(random) * 5 + (expected ? 1 : -1), 1);
                        pupils.Numbers(PupilFields.Ks2MatProg)[row] = (float)Math.Round(Normal(random) * 5 + (expected ? 1 : -1), 1);
                        pupils.Numbers(PupilFields.Ks2Prior)[row] = (float)Math.Round(Math.Clamp(16 + Normal(random) * 4, 3, 33), 1);
                        break;
                    case "11":
                        var attainment = Math.Clamp(46 + Normal(random) * 15 - (fsm ? 8 : 0) - (sen ? 10 : 0) + improvement * 30, 0, 90);
                        pupils.Numbers(PupilFields.Ks4Att8)[row] = (float)Math.Round(attainment, 1);
                        pupils.Numbers(PupilFields.Ks4P8)[row] = (float)Math.Round(Math.Clamp((attainment - 46) / 15 + Normal(random) * 0.5, -5, 5), 2);
                        pupils.Codes(PupilFields.Ks4Em94)[row] = attainment >= 40 ? Yes : No;
                        pupils.Codes(PupilFields.Ks4Em95)[row] = attainment >= 50 ? Yes : No;
                        pupils.Codes(PupilFields.Ks4NoPass)[row] = attainment < 3 ? Yes : No;
                        pupils.Numbers(PupilFields.Ks4Prior)[row] = (float)Math.Round(Math.Clamp(104 + Normal(random) * 6, 80, 120), 1);
                        pupils.Codes(PupilFields.Destination)[row] = random.NextDouble() < 0.92 ? Yes : No;
                        break;
                }
            }
        }
        return pupils;
    }

    /// <summary>Pupil and parent answers for one school and year: 40 pupils and 25 parents, most agreeing.</summary>
    public static SurveyColumns Survey(int urn, int year)
    {
        var random = new Random(urn * 7_919 + year);
        var survey = new SurveyColumns(65);
        for (var i = 0; i < survey.Count; i++)
        {
            survey.RespondentTypes[i] = (byte)(i < 40 ? RespondentType.Pupil : RespondentType.Parent);
            foreach (var question in SurveyFields.Questions)
            {
                var r = random.NextDouble();
                survey.Answers(question)[i] = r < 0.35 ? SurveyFields.StronglyAgree : r < 0.8 ? SurveyFields.Agree : r < 0.92 ? SurveyFields.Disagree : r < 0.97 ? SurveyFields.StronglyDisagree : SurveyFields.DontKnow;
            }
        }
        return survey;
    }

    private static void Set(PupilColumns pupils, PupilField field, int row, string code) => pupils.Codes(field)[row] = field.CodeOf(code);

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
