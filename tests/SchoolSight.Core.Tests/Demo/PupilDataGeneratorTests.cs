using CsCheck;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Tests.Demo;

/// <summary>The synthetic data generator: deterministic, realistic (the bands of docs/imports/synthetic-data.md), internally consistent.</summary>
public sealed class PupilDataGeneratorTests
{
    private static readonly Lazy<SyntheticSummary> National = new(() =>
    {
        // One in twelve schools of the fictional country, a year: about 700,000 pupils. 2022/23, the last year the DfE
        // published every measure (key stage 2 progress scores and Progress 8 included).
        var schools = SyntheticEstablishments.Schools(SyntheticEstablishments.National(42).Where((_, i) => i % 12 == 0)).ToList();
        var summary = new SyntheticSummary();
        foreach (var school in PupilDataGenerator.Generate(schools, 2022, 1, 42)) summary.Add(school[0]);
        return summary;
    });

    [Fact]
    public void Generate_WithTheSameSeed_GivesTheSameData_AndAnotherSeedDifferentData()
    {
        var schools = SyntheticEstablishments.Schools(SyntheticEstablishments.Local(12, 5)).ToList();
        string Hashes(long seed) => string.Join(",", PupilDataGenerator.Generate(schools, 2022, 3, seed).SelectMany(s => s)
            .Select(y => PupilBlockCodec.Hash(PupilBlockCodec.Encode(y.Pupils), PupilBlockCodec.EncodeRefs(y.Pupils.PupilRefs)) + SurveyBlockCodec.Hash(SurveyBlockCodec.Encode(y.Survey))));

        Hashes(5).ShouldBe(Hashes(5));
        Hashes(5).ShouldNotBe(Hashes(6));
        SyntheticEstablishments.Local(12, 5).ShouldBe(SyntheticEstablishments.Local(12, 5));
    }

    [Fact]
    public void National_HasEnglandsPhaseMixAndSize()
    {
        var establishments = SyntheticEstablishments.National(1);
        var phases = establishments.GroupBy(e => e.Details.Phase).ToDictionary(g => g.Key, g => g.Count());

        establishments.Select(e => e.Details.LaCode).Distinct().Count().ShouldBe(SyntheticEstablishments.NationalLaCount);
        phases[SchoolPhase.Primary].ShouldBeInRange(16_000, 17_500);
        phases[SchoolPhase.Secondary].ShouldBeInRange(3_200, 3_600);
        phases[SchoolPhase.Special].ShouldBeInRange(900, 1_100);
        phases[SchoolPhase.AllThrough].ShouldBeGreaterThan(100);
        establishments.Sum(e => (long)e.Details.NumberOfPupils!.Value).ShouldBeInRange(7_500_000L, 9_000_000L);
        establishments.Select(e => e.Urn).Distinct().Count().ShouldBe(establishments.Count);
    }

    [Theory]
    [InlineData("fsm", 0.20, 0.28)]
    [InlineData("sen.support", 0.10, 0.16)]
    [InlineData("sen.ehcp", 0.02, 0.05)]
    [InlineData("incare", 0.004, 0.012)]
    [InlineData("eal", 0.12, 0.28)]
    [InlineData("gld", 0.63, 0.72)]
    [InlineData("rwm", 0.58, 0.68)]
    [InlineData("absence", 0.05, 0.075)]
    [InlineData("sickness.share", 0.35, 0.6)]
    [InlineData("pa", 0.15, 0.25)]
    [InlineData("suspended.secondary", 0.03, 0.08)]
    [InlineData("suspended.primary", 0.002, 0.015)]
    [InlineData("permanent.secondary", 0.0003, 0.004)]
    [InlineData("permanent.primary", 0, 0.0005)]
    [InlineData("destination", 0.91, 0.97)]
    [InlineData("att8", 43, 49)]
    [InlineData("p8", -0.2, 0.2)]
    [InlineData("readprog", -1, 1)]
    [InlineData("matprog", -1, 1)]
    [InlineData("em94", 0.6, 0.72)]
    [InlineData("em95", 0.42, 0.55)]
    [InlineData("nopass", 0.005, 0.04)]
    [InlineData("pe", 0.65, 0.9)]
    [InlineData("agree.FeelSafe", 0.8, 0.95)]
    [InlineData("agree.BullyingDealtWith", 0.55, 0.8)]
    public void NationalRates_AreWithinTheDocumentedBands(string measure, double low, double high) =>
        National.Value.Mean(measure).ShouldBeInRange(low, high, measure);

    [Fact]
    public void Gaps_AreOfRealisticSize()
    {
        var s = National.Value;
        (s.Mean("rwm.nonfsm") - s.Mean("rwm.fsm")).ShouldBeInRange(0.14, 0.26, "KS2 FSM gap");
        (s.Mean("rwm.nonsen") - s.Mean("rwm.sen")).ShouldBeGreaterThan(s.Mean("rwm.nonfsm") - s.Mean("rwm.fsm"), "the SEN gap is larger");
        s.Mean("rwm.incare").ShouldBeLessThan(s.Mean("rwm.fsm") + 0.05, "children in care lower still");
        (s.Mean("att8.nonfsm") - s.Mean("att8.fsm")).ShouldBeInRange(9, 17, "Attainment 8 FSM gap");
        s.Sd("att8").ShouldBeInRange(15, 21);
        s.Mean("p8.fsm").ShouldBeInRange(-0.7, -0.25);
        s.Sd("readprog").ShouldBeInRange(5, 7);
        (s.Mean("gld.nonfsm") - s.Mean("gld.fsm")).ShouldBeInRange(0.1, 0.25);
        s.Mean("pa.fsm").ShouldBeGreaterThan(s.Mean("pa.nonfsm") + 0.08);
        s.Mean("pa.sen").ShouldBeGreaterThan(s.Mean("pa.nonfsm"));
        s.Mean("meals.fsm").ShouldBeGreaterThan(s.Mean("meals.nonfsm") + 0.2);
    }

    [Fact]
    public void SchoolsVary_AndSurveysFollowTheSchool()
    {
        var schools = SyntheticEstablishments.Schools(SyntheticEstablishments.National(7).Where((_, i) => i % 60 == 0)).Where(s => s.Phase == SchoolPhase.Primary).ToList();
        var rows = PupilDataGenerator.Generate(schools, 2024, 1, 7).Select(s => s[0]).Select(y => (
            Fsm: y.Pupils.Codes(PupilFields.Fsm).Average(c => c == 1 ? 1.0 : 0),
            Eal: y.Pupils.Codes(PupilFields.Eal).Average(c => c == 1 ? 1.0 : 0),
            Absence: (double)y.Pupils.Numbers(PupilFields.SessionsMissed).Sum() / y.Pupils.Numbers(PupilFields.SessionsPossible).Sum(),
            Safe: y.Survey.Answers(SurveyFields.Questions[0]).Where(a => a is >= 1 and <= 4).Average(a => a <= 2 ? 1.0 : 0))).ToList();

        rows.Min(r => r.Fsm).ShouldBeLessThan(0.1);
        rows.Max(r => r.Fsm).ShouldBeGreaterThan(0.4);
        rows.Count(r => r.Eal < 0.05).ShouldBeGreaterThan(rows.Count / 5, "EAL is skewed: many schools have very few");
        rows.Max(r => r.Eal).ShouldBeGreaterThan(0.45);
        Correlation(rows.Select(r => r.Absence), rows.Select(r => r.Safe)).ShouldBeLessThan(-0.15, "pupils and parents feel less positive where absence is high");
    }

    [Fact]
    public void EveryRecord_KeepsTheFieldRulesAndRanges()
    {
        var phases = Gen.OneOf<(SchoolPhase, int, int)>(
            (SchoolPhase.Primary, 0, 6), (SchoolPhase.Secondary, 7, 11), (SchoolPhase.Secondary, 7, 13), (SchoolPhase.AllThrough, 0, 13),
            (SchoolPhase.Special, 0, 13), (SchoolPhase.PupilReferralUnit, 7, 11), (SchoolPhase.Primary, 0, 2), (SchoolPhase.Middle, 5, 8));
        Gen.Select(Gen.Long, phases, Gen.Int[5, 400]).Sample((seed, phase, roll) =>
        {
            var school = new SyntheticSchool(123456, phase.Item1, roll, phase.Item2, phase.Item3);
            var years = PupilDataGenerator.GenerateSchool(school, 2022, 3, seed);
            foreach (var year in years) CheckRules(year.Pupils, school, year.AcademicYear);
            CheckPupilsMoveUp(years[0].Pupils, years[1].Pupils);
        }, iter: 60);
    }

    [Fact]
    public async Task GeneratedFiles_ReadBackCleanly_AsTheSameBlocks()
    {
        var establishments = SyntheticEstablishments.Local(25, 11);
        var schools = SyntheticEstablishments.Schools(establishments).ToList();
        var generated = PupilDataGenerator.Generate(schools, 2023, 2, 11).SelectMany(s => s).ToList();
        var pupilFile = new MemoryStream();
        var surveyFile = new MemoryStream();
        using (var pupils = new PupilFileWriter(pupilFile))
        using (var surveys = new SurveyFileWriter(surveyFile))
            foreach (var year in generated)
            {
                pupils.Write(year.Urn, year.AcademicYear, year.Pupils);
                surveys.Write(year.Urn, year.AcademicYear, year.Survey);
            }
        var held = establishments.Select(e => e.Urn).ToHashSet();

        using var spool = new BlockSpool();
        var read = await PupilFileReader.ReadAsync(new MemoryStream(pupilFile.ToArray()), held, spool);
        read.Problems.ShouldBeEmpty();
        read.Blocks.Select(b => (b.Key.Urn, b.Key.AcademicYear, b.Sha256)).ShouldBe(generated.Select(y => (y.Urn, y.AcademicYear,
            PupilBlockCodec.Hash(PupilBlockCodec.Encode(y.Pupils), PupilBlockCodec.EncodeRefs(y.Pupils.PupilRefs)))));
        var surveysRead = await SurveyFileReader.ReadAsync(new MemoryStream(surveyFile.ToArray()), held, spool);
        surveysRead.Problems.ShouldBeEmpty();
        surveysRead.Blocks.Select(b => b.Sha256).ShouldBe(generated.Select(y => SurveyBlockCodec.Hash(SurveyBlockCodec.Encode(y.Survey))));
    }

    private static void CheckRules(PupilColumns p, SyntheticSchool school, int academicYear)
    {
        p.PupilRefs.Distinct().Count().ShouldBe(p.Count, "pupil references are unique in a school-year");
        foreach (var field in PupilFields.All)
        {
            for (var i = 0; i < p.Count; i++)
            {
                var year = p.Code(PupilFields.NcYear, i) - 1;
                year.ShouldBeInRange(school.FirstYearGroup, school.LastYearGroup);
                if (field.Kind == PupilFieldKind.Code)
                {
                    var code = p.Code(field, i);
                    code.ShouldBeLessThanOrEqualTo((byte)field.AllowedCodes.Count, field.Name);
                    if (field.Required) code.ShouldBeGreaterThan((byte)0, field.Name);
                    if (code != 0) StageOf(field).ShouldBeOneOf(-1, year);
                }
                else
                {
                    var value = p.Number(field, i);
                    if (float.IsNaN(value)) { field.Required.ShouldBeFalse(field.Name); continue; }
                    value.ShouldBeInRange(field.Min, field.Max, field.Name);
                    StageOf(field).ShouldBeOneOf(-1, year);
                }
            }
        }
        for (var i = 0; i < p.Count; i++)
        {
            p.Number(PupilFields.SessionsMissed, i).ShouldBeLessThanOrEqualTo(p.Number(PupilFields.SessionsPossible, i));
            p.Number(PupilFields.SicknessSessions, i).ShouldBeLessThanOrEqualTo(p.Number(PupilFields.SessionsMissed, i));
            if (p.Code(PupilFields.Ks4Em95, i) == 1) p.Code(PupilFields.Ks4Em94, i).ShouldBe((byte)1);
            if (p.Code(PupilFields.Ks2RwmExp, i) == 1) p.Code(PupilFields.Ks2Low, i).ShouldBe((byte)2);
            if (p.Code(PupilFields.EyfsGld, i) == 1) p.Number(PupilFields.EyfsPoints, i).ShouldBeGreaterThanOrEqualTo(29);
            if (p.Code(PupilFields.Ks4NoPass, i) == 1) p.Number(PupilFields.Ks4Att8, i).ShouldBe(0);
        }
        // Every stage's results are there for every pupil of its year group, in the years the DfE published them.
        var progressPublished = IndicatorCatalogueSource.Default.Catalogue["KS2_READ_PROG"].IsPublishedIn(academicYear);
        for (var i = 0; i < p.Count; i++)
            switch (p.Code(PupilFields.NcYear, i) - 1)
            {
                case 0: p.Code(PupilFields.EyfsGld, i).ShouldNotBe((byte)0); break;
                case 6: float.IsNaN(p.Number(PupilFields.Ks2ReadProg, i)).ShouldBe(!progressPublished); break;
                case 11: p.Number(PupilFields.Ks4Att8, i).ShouldNotBe(float.NaN); break;
            }
    }

    [Fact]
    public void Generate_MakesOnlyTheResultsThatCouldExistEachYear()
    {
        var school = new SyntheticSchool(123456, SchoolPhase.AllThrough, 1200, 0, 11);
        var years = PupilDataGenerator.GenerateSchool(school, 2019, 7, 3).ToDictionary(y => y.AcademicYear, y => y.Pupils);
        static int Held(PupilColumns p, PupilField field) => field.Kind == PupilFieldKind.Code
            ? p.Codes(field).Count(c => c != 0) : p.Numbers(field).Count(v => !float.IsNaN(v));

        // 2019/20 and 2020/21: no tests, exams or early years profile; no full-year absence for 2019/20.
        foreach (var field in new[] { PupilFields.EyfsGld, PupilFields.Ks2RwmExp, PupilFields.Ks2ReadProg, PupilFields.Ks4Att8, PupilFields.Ks4P8, PupilFields.Ks4Em95 })
        {
            Held(years[2019], field).ShouldBe(0, field.Name);
            Held(years[2020], field).ShouldBe(0, field.Name);
        }
        Held(years[2019], PupilFields.SessionsPossible).ShouldBe(0);
        Held(years[2020], PupilFields.SessionsPossible).ShouldBeGreaterThan(0);
        // Key stage 2 progress: 2021/22 and 2022/23, none for 2023/24 and 2024/25, back for 2025/26.
        Held(years[2022], PupilFields.Ks2ReadProg).ShouldBeGreaterThan(0);
        Held(years[2023], PupilFields.Ks2MatProg).ShouldBe(0);
        Held(years[2024], PupilFields.Ks2ReadProg).ShouldBe(0);
        Held(years[2025], PupilFields.Ks2ReadProg).ShouldBeGreaterThan(0);
        Held(years[2024], PupilFields.Ks2RwmExp).ShouldBeGreaterThan(0);
        // Progress 8: 2023/24, none for 2024/25 and 2025/26, while Attainment 8 goes on.
        Held(years[2023], PupilFields.Ks4P8).ShouldBeGreaterThan(0);
        Held(years[2024], PupilFields.Ks4P8).ShouldBe(0);
        Held(years[2025], PupilFields.Ks4P8).ShouldBe(0);
        Held(years[2025], PupilFields.Ks4Att8).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void ANurserySchool_HasItsParentsSurveyAnswers_AndNoPupilResults()
    {
        var nursery = new SyntheticSchool(123457, SchoolPhase.Nursery, 90, 0, -1);
        var years = PupilDataGenerator.GenerateSchool(nursery, 2022, 3, 5);

        years.Length.ShouldBe(3);
        years.ShouldAllBe(y => y.Pupils.Count == 0 && y.Survey.Count > 10 && y.Survey.RespondentTypes.All(t => t == (byte)RespondentType.Parent));
        PupilDataGenerator.GenerateSchool(nursery with { Phase = SchoolPhase.EarlyYearsSetting }, 2022, 3, 5).ShouldBeEmpty();
    }

    /// <summary>Pupils who stay keep their reference and characteristics that do not change, one year group up.</summary>
    private static void CheckPupilsMoveUp(PupilColumns first, PupilColumns second)
    {
        var next = Enumerable.Range(0, second.Count).ToDictionary(i => second.PupilRefs[i]);
        var stayed = 0;
        for (var i = 0; i < first.Count; i++)
        {
            if (!next.TryGetValue(first.PupilRefs[i], out var j)) continue;
            stayed++;
            second.Code(PupilFields.NcYear, j).ShouldBe((byte)(first.Code(PupilFields.NcYear, i) + 1));
            second.Code(PupilFields.Gender, j).ShouldBe(first.Code(PupilFields.Gender, i));
            second.Code(PupilFields.Ethnicity, j).ShouldBe(first.Code(PupilFields.Ethnicity, i));
            second.Code(PupilFields.Eal, j).ShouldBe(first.Code(PupilFields.Eal, i));
        }
        if (first.Count >= 40) stayed.ShouldBeGreaterThan(first.Count / 2);
    }

    private static int StageOf(PupilField field) => field.Name switch
    {
        "EYFS_GLD" or "EYFS_Points" => 0,
        _ when field.Name.StartsWith("KS2_", StringComparison.Ordinal) => 6,
        _ when field.Name.StartsWith("KS4_", StringComparison.Ordinal) || field.Name == "Destination" => 11,
        _ => -1,
    };

    private static double Correlation(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var x = xs.ToArray();
        var y = ys.ToArray();
        double mx = x.Average(), my = y.Average();
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
