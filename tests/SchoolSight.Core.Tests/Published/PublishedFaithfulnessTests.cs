using SchoolSight.Core.Published;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;
using Xunit.Abstractions;

namespace SchoolSight.Core.Tests.Published;

/// <summary>
/// Faithful numbers (issue 3 item 8): an area's figure computed by <see cref="PublishedAggregation"/> from the school
/// rows of a real DfE file equals the LA or England row the DfE publishes in that same file, within rounding. The
/// files are read in place (see SOURCES.md beside this file).
///
/// How close is "within rounding", and why. The DfE computes its LA and England rows from pupil-level data; the
/// school rows we add up are rounded and some are withheld. The published area figure must therefore lie in
/// [low − tolerance, high + tolerance], where:
/// <list type="bullet">
/// <item>[low, high] (<see cref="AreaAggregate.Bounds"/>) is the range the area's figure can take when the pupils the
/// school rows do not show take any possible value: schools whose figure is SUPP/NE (small special schools, often far
/// below average, so this range is not symmetric around the point value) and the gap between the area's own cohort
/// and the schools' summed cohort (pupils in pupil referral units and alternative provision, in England's
/// state-funded row but not in the school rows). With nothing withheld and no gap it is the point value itself.</item>
/// <item>tolerance = half a unit of the area row's published rounding (0.5 for KS2's whole percentages, 0.05 for one
/// decimal) + <see cref="AreaAggregate.RoundingSpread"/>, four standard deviations of the error from rounding each
/// school's value (about 0.07 points for 300 whole-number KS2 percentages).</item>
/// </list>
/// Independent schools are left out of the KS4 sums: their rows are NP/NA and the DfE's LA and state-funded England
/// rows do not include them (the all-schools England row, which does, cannot be rebuilt from this file).
/// </summary>
public sealed class PublishedFaithfulnessTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> Independent = ["IND", "INDSPEC", "NMSS"];

    private sealed record SourceFile(PublishedSource Source, string Path, IReadOnlyList<PublishedValue> Figures, IReadOnlyDictionary<string, string> SchoolTypes)
    {
        public IReadOnlyDictionary<string, PublishedAggregation.SchoolColumn> Schools { get; } =
            PublishedAggregation.BySchool(Source, Figures.Select(f => (f.AreaKind, f.AreaCode, f.Measure, f.Value)));

        public decimal? Published(AreaKind kind, string code, string column) => Areas.GetValueOrDefault((kind, code, column));

        private Dictionary<(AreaKind, string, string), decimal?> Areas { get; } = Figures.Where(f => f.AreaKind != AreaKind.School)
            .ToDictionary(f => (f.AreaKind, f.AreaCode, f.Measure[(f.Measure.IndexOf('.') + 1)..]), f => f.Value);
    }

    private static async Task<SourceFile> LoadAsync(PublishedSource source, string path)
    {
        var file = await PublishedFileReader.ReadAsync(File.OpenRead(path), new PublishedReadOptions(source, HeldUrns: null));
        file.Errors.ShouldBeEmpty();
        var raw = CsvTestFile.Load(path);
        var types = raw.Rows.Where(r => raw.Value(r, "RECTYPE") is "1" or "2")
            .ToDictionary(r => raw.Value(r, "URN").Trim(), r => raw.Value(r, "NFTYPE").Trim());
        return new SourceFile(source, path, file.Figures, types);
    }

    private static decimal? Published(SourceFile file, AreaKind kind, string code, string column) => file.Published(kind, code, column);

    /// <summary>The check for one area and measure: null when it holds, otherwise what was found.</summary>
    private static string? Check(SourceFile file, IReadOnlyList<string> schools, AreaKind kind, string code, string column, int decimals, out string line)
    {
        var measure = PublishedMeasures.For(file.Source).Single(m => m.Column == column);
        var aggregate = PublishedAggregation.Aggregate(measure, schools.Select(urn => file.Schools.GetValueOrDefault(urn) ?? (_ => null)));
        var published = Published(file, kind, code, column)!.Value;
        // The area's own cohort for this measure, as the file publishes it (times its coverage for progress).
        var cohort = PublishedAggregation.CohortOf(measure, other => Published(file, kind, code, other));
        var (low, high) = aggregate.Bounds(measure.Low, measure.High, cohort);
        var tolerance = 0.5m / (decimal)Math.Pow(10, Math.Max(published.Scale, decimals)) + aggregate.RoundingSpread;
        line = $"{Path.GetFileName(file.Path)} {code} {column}: published {published}, schools {aggregate.Value:0.000} " +
               $"(could be {low:0.000} to {high:0.000}; {aggregate.SchoolsWithoutValue} of {aggregate.Schools} schools without a value), tolerance {tolerance:0.000}";
        return published >= low - tolerance && published <= high + tolerance ? null : line;
    }

    public static TheoryData<int, string, int> Ks2Measures()
    {
        var data = new TheoryData<int, string, int>();
        foreach (var year in new[] { 2016, 2017, 2018 })
            foreach (var (column, decimals) in new[]
                     {
                         ("PTRWM_EXP", 0), ("PTRWM_HIGH", 0), ("PTREAD_EXP", 0), ("PTWRITTA_EXP", 0), ("PTMAT_EXP", 0), ("PTGPS_EXP", 0),
                         ("READPROG", 1), ("WRITPROG", 1), ("MATPROG", 1), ("READ_AVERAGE", 0), ("MAT_AVERAGE", 0),
                         ("PTFSM6CLA1A", 0), ("PTRWM_EXP_FSM6CLA1A", 0), ("PTRWM_EXP_NotFSM6CLA1A", 0),
                     })
                data.Add(year, column, decimals);
        return data;
    }

    [Theory]
    [MemberData(nameof(Ks2Measures))]
    public async Task Ks2_HampshireSchools_AddUpToTheLaRow(int year, string column, int decimals)
    {
        var file = await LoadAsync(PublishedSource.Ks2, SharedData.Ks2Hampshire(year));
        var schools = file.SchoolTypes.Keys.ToList();

        var failure = Check(file, schools, AreaKind.LocalAuthority, "850", column, decimals, out var line);
        output.WriteLine(line);
        failure.ShouldBeNull();
    }

    [Theory]
    [InlineData(2016)]
    [InlineData(2017)]
    [InlineData(2018)]
    public async Task Ks2_HampshireCohort_IsExactlyTheSumOfItsSchools(int year)
    {
        var file = await LoadAsync(PublishedSource.Ks2, SharedData.Ks2Hampshire(year));
        var telig = PublishedMeasures.Ks2.Single(m => m.Column == "TELIG");
        var sum = PublishedAggregation.Aggregate(file.Source, telig, file.Figures.Select(f => (f.AreaKind, f.AreaCode, f.Measure, f.Value)), file.SchoolTypes.Keys);
        sum.Value.ShouldBe(Published(file, AreaKind.LocalAuthority, "850", "TELIG"));
    }

    [Theory]
    [InlineData(2016, "ATT8SCR", 1)]
    [InlineData(2016, "P8MEA", 2)]
    [InlineData(2016, "PTL2BASICS_94", 1)]
    [InlineData(2016, "PTL2BASICS_95", 1)]
    [InlineData(2016, "PTEBACC_E_PTQ_EE", 1)]
    [InlineData(2016, "PTEBACC_95", 1)]
    [InlineData(2017, "ATT8SCR", 1)]
    [InlineData(2017, "P8MEA", 2)]
    [InlineData(2017, "PTL2BASICS_94", 1)]
    [InlineData(2017, "PTL2BASICS_95", 1)]
    [InlineData(2017, "EBACCAPS", 2)]
    [InlineData(2017, "PTEBACC_E_PTQ_EE", 1)]
    [InlineData(2017, "ATT8SCR_FSM6CLA1A", 1)]
    public async Task Ks4_HampshireStateFundedSchools_AddUpToTheLaRow(int year, string column, int decimals)
    {
        var file = await LoadAsync(PublishedSource.Ks4, SharedData.Ks4Hampshire(year));
        var schools = file.SchoolTypes.Where(s => !Independent.Contains(s.Value)).Select(s => s.Key).ToList();

        var failure = Check(file, schools, AreaKind.LocalAuthority, "850", column, decimals, out var line);
        output.WriteLine(line);
        failure.ShouldBeNull();
    }

    /// <summary>
    /// The one published 2018-19 provisional LA figure (of about 900 checked) outside every weighting of its own school
    /// rows: Lambeth (870), % achieving grade 4 or above in English and maths, published 63.2. Its 11 schools with
    /// results cover its whole published cohort (1,140 pupils, none withheld), and they give 63.06: 0.14 away, more than
    /// even the worst case of every school's rounding and the LA's own (0.05 + 0.05). The difference is in the DfE's
    /// provisional data (LA rows from pupil-level data, school rows as later checked), not in the method. It is named
    /// here rather than hidden by a wider tolerance, and the test fails if it comes to agree.
    /// </summary>
    private static readonly Dictionary<string, string[]> ProvisionalExceptions = new()
    {
        ["PTL2BASICS_94"] = ["870"],
    };

    [Theory]
    [InlineData("ATT8SCR", 1)]
    [InlineData("P8MEA", 2)]
    [InlineData("PTL2BASICS_94", 1)]
    [InlineData("PTL2BASICS_95", 1)]
    [InlineData("EBACCAPS", 2)]
    [InlineData("PTEBACC_E_PTQ_EE", 1)]
    public async Task Ks4Provisional_EveryLaAndEngland_AddUpToTheirPublishedRows(string column, int decimals)
    {
        var file = await LoadAsync(PublishedSource.Ks4, SharedData.Ks4EnglandProvisional2018);
        var raw = CsvTestFile.Load(SharedData.Ks4EnglandProvisional2018);
        var laOf = raw.Rows.Where(r => raw.Value(r, "RECTYPE") is "1" or "2").ToDictionary(r => raw.Value(r, "URN"), r => raw.Value(r, "LEA"));
        var stateFunded = file.SchoolTypes.Where(s => !Independent.Contains(s.Value)).Select(s => s.Key).ToList();

        var outside = new List<string>();
        var checkedLas = 0;
        foreach (var la in file.Figures.Where(f => f.AreaKind == AreaKind.LocalAuthority).Select(f => f.AreaCode).Distinct())
        {
            if (Published(file, AreaKind.LocalAuthority, la, column) is null) continue;
            checkedLas++;
            if (Check(file, [.. stateFunded.Where(u => laOf[u] == la)], AreaKind.LocalAuthority, la, column, decimals, out var line) is { } failure)
                outside.Add(la);
            output.WriteLine(line);
        }
        var england = Check(file, stateFunded, AreaKind.England, AreaCodes.EnglandStateFunded, column, decimals, out var englandLine);
        output.WriteLine(englandLine);

        checkedLas.ShouldBeGreaterThanOrEqualTo(150);
        england.ShouldBeNull();
        outside.Order().ShouldBe(ProvisionalExceptions.GetValueOrDefault(column) ?? []);
    }
}
