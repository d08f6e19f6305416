using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// Generates realistic, internally consistent pupil-level records and perception survey responses for schools
/// (DOMAIN.md 3.1), deterministically from a seed: a school's data depends only on the seed and its URN. Each school's
/// intake is drawn first; then its pupils, who move up a year group each year keeping their reference and
/// characteristics, with a new intake and some pupils leaving and joining, so trends follow real cohorts.
/// The rules and rates are in docs/imports/synthetic-data.md.
/// </summary>
public static class PupilDataGenerator
{
    /// <summary>Schools generated at once (in parallel) before they are handed on in order: bounds memory at national scale.</summary>
    private const int Batch = 64;

    /// <summary>Minus the mean of pupils' ability (which FSM, SEN and care lower): prior attainment is centred on the national mean.</summary>
    internal const double AbilityCentre = 0.38;

    /// <summary>Each school's years, school by school in the order given, with <paramref name="years"/> academic years from <paramref name="firstAcademicYear"/>.</summary>
    public static IEnumerable<SyntheticSchoolYear[]> Generate(IEnumerable<SyntheticSchool> schools, int firstAcademicYear, int years, long seed)
    {
        foreach (var chunk in schools.Where(s => s.HasPupils || s.HasParentsOnly).Chunk(Batch))
        {
            var results = new SyntheticSchoolYear[chunk.Length][];
            Parallel.For(0, chunk.Length, i => results[i] = GenerateSchool(chunk[i], firstAcademicYear, years, seed));
            foreach (var result in results) yield return result;
        }
    }

    /// <summary>The school-level FSM rate the generator draws for <paramref name="school"/> with <paramref name="seed"/> (for its GIAS % FSM).</summary>
    public static double SchoolFsmRate(SyntheticSchool school, long seed) => SchoolIntake.Draw(school, new SyntheticRandom(seed, school.Urn)).Fsm;

    public static SyntheticSchoolYear[] GenerateSchool(SyntheticSchool school, int firstAcademicYear, int years, long seed)
    {
        if (!school.HasPupils && !school.HasParentsOnly) return [];
        var random = new SyntheticRandom(seed, school.Urn);
        var intake = SchoolIntake.Draw(school, random);
        if (school.HasParentsOnly)
            return [.. Enumerable.Range(0, years).Select(t => new SyntheticSchoolYear(school.Urn, firstAcademicYear + t, new PupilColumns(0),
                SurveyResponses.DrawParents(school.NumberOnRoll, intake, random)))];
        var roll = new SchoolRoll(school, intake, random);
        var result = new SyntheticSchoolYear[years];
        for (var t = 0; t < years; t++)
        {
            if (t == 0) roll.Start();
            else roll.MoveUp();
            var pupils = roll.Pupils;
            var columns = new PupilColumns(pupils.Count);
            for (var i = 0; i < pupils.Count; i++) PupilOutcomes.Fill(columns, i, pupils[i], school, intake, random);
            var survey = SurveyResponses.Draw(columns, pupils, intake, random);
            UnpublishedResults.Blank(columns, firstAcademicYear + t, UnpublishedResults.Catalogue);
            result[t] = new SyntheticSchoolYear(school.Urn, firstAcademicYear + t, columns, survey);
        }
        return result;
    }

    /// <summary>The pupils of a school in one year, and how they move on to the next.</summary>
    private sealed class SchoolRoll(SyntheticSchool school, SchoolIntake intake, SyntheticRandom random)
    {
        private List<SyntheticPupil> _pupils = [];
        private int _serial;
        private readonly double[] _cohort = CohortSizes(school);

        public List<SyntheticPupil> Pupils => _pupils;

        public void Start()
        {
            for (var year = school.FirstYearGroup; year <= school.LastYearGroup; year++)
            {
                var size = Size(year);
                for (var i = 0; i < size; i++) _pupils.Add(NewPupil(year, joinedThisYear: false));
            }
        }

        /// <summary>
        /// A year on: everyone moves up a year group, leavers leave (about 3.5% a year, more for children in care),
        /// FSM and SEN change for a few, the new intake arrives, and joiners fill year groups back to their size.
        /// </summary>
        public void MoveUp()
        {
            var next = new List<SyntheticPupil>(_pupils.Count + 64);
            var counts = new int[SyntheticSchool.LastYear + 2];
            foreach (var pupil in _pupils)
            {
                pupil.YearGroup++;
                pupil.JoinedThisYear = false;
                if (pupil.YearGroup > school.LastYearGroup || random.Chance(pupil.InCare ? 0.09 : 0.035)) continue;
                Change(pupil);
                next.Add(pupil);
                counts[pupil.YearGroup]++;
            }
            for (var year = school.FirstYearGroup; year <= school.LastYearGroup; year++)
            {
                var size = Size(year);
                if (counts[year] > size * 1.05)
                {
                    // More than the year group holds (most often students not staying into the sixth form): some leave.
                    var inYear = next.Where(p => p.YearGroup == year).ToList();
                    var leaving = counts[year] - size;
                    for (var i = 0; i < leaving; i++)
                    {
                        var k = random.Next(inYear.Count);
                        next.Remove(inYear[k]);
                        inYear.RemoveAt(k);
                    }
                }
                for (var i = counts[year]; i < size; i++) next.Add(NewPupil(year, joinedThisYear: year != school.FirstYearGroup));
            }
            next.Sort((a, b) => a.YearGroup != b.YearGroup ? a.YearGroup.CompareTo(b.YearGroup) : string.CompareOrdinal(a.Ref, b.Ref));
            _pupils = next;
        }

        /// <summary>FSM eligibility and SEN change for a few pupils each year, keeping the school's rates steady.</summary>
        private void Change(SyntheticPupil pupil)
        {
            const double turnover = 0.1;
            if (pupil.Fsm) { if (random.Chance(turnover * (1 - intake.Fsm))) pupil.Fsm = false; }
            else if (random.Chance(turnover * intake.Fsm)) pupil.Fsm = true;
            if (pupil.Sen == SyntheticPupil.SenNone) { if (random.Chance(0.12 * intake.SenSupport)) pupil.Sen = SyntheticPupil.SenSupport; }
            else if (pupil.Sen == SyntheticPupil.SenSupport)
            {
                if (random.Chance(0.1 * (1 - intake.SenSupport))) pupil.Sen = SyntheticPupil.SenNone;
                else if (random.Chance(0.02)) pupil.Sen = SyntheticPupil.SenPlan;
            }
            if (!pupil.InCare && random.Chance(0.0015)) pupil.InCare = true;
        }

        private int Size(int year) => Math.Max(1, (int)Math.Round(_cohort[year] * (1 + random.Normal(0, 0.04))));

        private SyntheticPupil NewPupil(int year, bool joinedThisYear)
        {
            var boy = random.Chance(intake.BoyShare);
            var senFactor = boy ? 1.3 : 0.7;
            var sen = random.Chance(intake.Ehcp * senFactor) ? SyntheticPupil.SenPlan
                : random.Chance(intake.SenSupport * senFactor) ? SyntheticPupil.SenSupport : SyntheticPupil.SenNone;
            var fsm = random.Chance(intake.Fsm);
            var inCare = random.Chance(intake.InCare * (joinedThisYear ? 2 : 1));
            var eal = random.Chance(intake.Eal);
            var ethnicity = (byte)(random.Pick(eal ? intake.EthnicityOfEal : intake.EthnicityOfOthers) + 1);
            var ability = random.Normal() - 0.55 * (fsm ? 1 : 0) - (sen switch { SyntheticPupil.SenPlan => 2.2, SyntheticPupil.SenSupport => 1.2, _ => 0 })
                          - (inCare ? 1.2 : 0) - (eal ? 0.05 : 0);
            return new SyntheticPupil
            {
                Ref = $"P{school.Urn}-{++_serial:D5}",
                YearGroup = year,
                Boy = boy,
                Fsm = fsm,
                Sen = sen,
                InCare = inCare,
                Eal = eal,
                Ethnicity = ethnicity,
                Ability = ability,
                Attendance = random.Normal(),
                Behaviour = random.Normal() + (sen != SyntheticPupil.SenNone ? 0.3 : 0),
                Ks1Aps = (float)Math.Round(Math.Clamp(15.9 + 3.4 * (ability + AbilityCentre + random.Normal(0, 0.4)), 3, 21), 1),
                Ks2Scaled = (float)Math.Round(Math.Clamp(104.8 + 5.6 * (ability + AbilityCentre + random.Normal(0, 0.3)), 80, 120), 1),
                JoinedThisYear = joinedThisYear,
            };
        }

        /// <summary>Pupils per year group: the number on roll shared across the years taught, sixth-form years smaller.</summary>
        private static double[] CohortSizes(SyntheticSchool school)
        {
            var weights = new double[SyntheticSchool.LastYear + 2];
            for (var year = school.FirstYearGroup; year <= school.LastYearGroup; year++) weights[year] = year switch { 12 => 0.62, 13 => 0.58, _ => 1 };
            var total = weights.Sum();
            return [.. weights.Select(w => w * school.NumberOnRoll / total)];
        }
    }
}
