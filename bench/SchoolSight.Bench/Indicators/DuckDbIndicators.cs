using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Bench.Indicators;

/// <summary>
/// The baseline for the recompute benchmark: the same computation as SchoolSight's ComputeIndicators — every counted
/// indicator of the catalogue for every school-year and pupil group (pupils counted once in their FSM × SEN × care × EAL
/// × gender cell, cells summed into groups), the lowest-20% histograms, the school shares (floor standards), LA and
/// locality, LA and England sums, perception from the survey, each school's intake profile and its 20 nearest same-phase schools on
/// standardised measures — written as SQL generated from the same catalogue and run by DuckDB over the same pupil and
/// survey files, loaded into DuckDB tables first (the load is timed separately). Each run's time is also given part by
/// part (<see cref="Parts"/>), the parts SchoolSight's recompute reports (<see cref="RecomputePart"/>).
/// </summary>
public sealed class DuckDbIndicators(IndicatorComputer computer, SimilarSchoolsMethod method) : IDisposable
{
    private readonly DuckDBConnection _connection = Open();

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The last <see cref="Compute"/>'s time, part by part.</summary>
    public IReadOnlyDictionary<RecomputePart, TimeSpan> Parts => _parts;

    private readonly Dictionary<RecomputePart, TimeSpan> _parts = [];

    /// <summary>Runs <paramref name="sql"/>, its time counted in <paramref name="part"/>.</summary>
    private void Execute(RecomputePart part, string sql)
    {
        var started = Stopwatch.GetTimestamp();
        Execute(sql);
        _parts[part] = _parts.GetValueOrDefault(part) + Stopwatch.GetElapsedTime(started);
    }

    /// <summary>Loads the pupil and survey CSV files and the schools (URN, LA, locality, phase) into DuckDB tables.</summary>
    public void Load(IReadOnlyList<string> pupilFiles, IReadOnlyList<string> surveyFiles, IReadOnlyList<(int Urn, int La, int? Locality, string Phase)> schools)
    {
        string Files(IReadOnlyList<string> files) => "[" + string.Join(",", files.Select(f => $"'{f.Replace("'", "''")}'")) + "]";
        // Read every column as text, then type it: number fields as doubles, blanks as NULL.
        string Typed(string column, bool number) => number ? $"CAST(NULLIF({column}, '') AS DOUBLE) AS {column}" : $"NULLIF({column}, '') AS {column}";
        var pupilColumns = string.Join(", ", PupilFields.All.Select(f => Typed(f.Name, f.Kind == PupilFieldKind.Number)));
        Execute($"CREATE TABLE pupils AS SELECT CAST(URN AS INTEGER) AS URN, AcademicYear, PupilRef, {pupilColumns} FROM read_csv({Files(pupilFiles)}, header = true, all_varchar = true)");
        var surveyColumns = string.Join(", ", SurveyFields.Questions.Select(q => Typed(q.Column, false)));
        Execute($"CREATE TABLE surveys AS SELECT CAST(URN AS INTEGER) AS URN, AcademicYear, RespondentType, YearGroup, {surveyColumns} FROM read_csv({Files(surveyFiles)}, header = true, all_varchar = true)");
        Execute("CREATE TABLE schools (urn INTEGER, la INTEGER, locality INTEGER, phase VARCHAR)");
        using (var appender = _connection.CreateAppender("schools"))
            foreach (var (urn, la, locality, phase) in schools)
                appender.CreateRow().AppendValue(urn).AppendValue(la).AppendValue(locality).AppendValue(phase).EndRow();
        Execute("CREATE TABLE group_cells (grp INTEGER, cell INTEGER)");
        using (var appender = _connection.CreateAppender("group_cells"))
            foreach (var group in PupilGroups.All)
                for (var cell = 0; cell < PupilGroups.CellCount; cell++)
                    if (group.Contains(cell)) appender.CreateRow().AppendValue((int)group).AppendValue(cell).EndRow();
    }

    public long PupilRows => Scalar("SELECT count(*) FROM pupils");

    /// <summary>The whole computation; returns the number of school-year result rows.</summary>
    public long Compute()
    {
        _parts.Clear();
        foreach (var part in Enum.GetValues<RecomputePart>()) _parts[part] = TimeSpan.Zero;
        var counted = computer.Slots.Where(s => s.Kind is IndicatorKind.Proportion or IndicatorKind.Mean or IndicatorKind.Rate && !s.IsPublishedOnly).ToList();
        var aggregates = new StringBuilder();
        foreach (var (indicator, i) in counted.Select((d, i) => (d, i)))
        {
            switch (indicator.Kind)
            {
                case IndicatorKind.Proportion:
                    var of = Sql(indicator.Of!);
                    aggregates.Append($", count(*) FILTER ({of} AND {Sql(indicator.Count!)}) AS n{i}, count(*) FILTER ({of}) AS d{i}, 0.0 AS q{i}, count(*) FILTER ({of}) AS c{i}");
                    break;
                case IndicatorKind.Mean:
                    var v = indicator.Value!.Name;
                    var filter = indicator.Of is { } o ? $"{v} IS NOT NULL AND {Sql(o)}" : $"{v} IS NOT NULL";
                    aggregates.Append($", coalesce(sum({v}) FILTER ({filter}), 0) AS n{i}, count(*) FILTER ({filter}) AS d{i}, coalesce(sum({v} * {v}) FILTER ({filter}), 0) AS q{i}, count(*) FILTER ({filter}) AS c{i}");
                    break;
                case IndicatorKind.Rate:
                    var (value, over) = (indicator.Value!.Name, indicator.Over!.Name);
                    var rf = $"{over} > 0 AND {value} IS NOT NULL";
                    aggregates.Append($", coalesce(sum({value}) FILTER ({rf}), 0) AS n{i}, coalesce(sum({over}) FILTER ({rf}), 0) AS d{i}, 0.0 AS q{i}, count(*) FILTER ({rf}) AS c{i}");
                    break;
            }
        }
        const string cell = "(CASE WHEN FSM = 'Y' THEN 1 ELSE 0 END + CASE WHEN SEN IN ('K','E') THEN 2 ELSE 0 END + CASE WHEN InCare = 'Y' THEN 4 ELSE 0 END + CASE WHEN EAL = 'Y' THEN 8 ELSE 0 END + CASE WHEN Gender = 'M' THEN 16 ELSE 0 END)";
        Execute(RecomputePart.CountingAndGroups, $"CREATE OR REPLACE TABLE cell_tallies AS SELECT URN, AcademicYear, {cell} AS cell{aggregates} FROM pupils GROUP BY ALL");

        var sums = string.Join(", ", counted.Select((_, i) => $"sum(n{i}) AS n{i}, sum(d{i}) AS d{i}, sum(q{i}) AS q{i}, sum(c{i}) AS c{i}"));
        Execute(RecomputePart.CountingAndGroups, $"CREATE OR REPLACE TABLE school_tallies AS SELECT t.URN, t.AcademicYear, g.grp, {sums} FROM cell_tallies t JOIN group_cells g ON t.cell = g.cell GROUP BY ALL");

        // The lowest-20% gap's histograms, per school-year, group and whole-number score.
        foreach (var indicator in computer.Slots.Where(s => s.Kind == IndicatorKind.Lowest20Gap))
        {
            var v = indicator.Value!.Name;
            var where = indicator.Of is { } o ? $"{v} IS NOT NULL AND {Sql(o)}" : $"{v} IS NOT NULL";
            Execute(RecomputePart.Lowest20Histograms, $"""
                CREATE OR REPLACE TABLE hist_{indicator.Id} AS
                SELECT p.URN, p.AcademicYear, g.grp, least(greatest(round({v}), 0), {IndicatorTallies.HistogramBins - 1})::INTEGER AS bin, count(*) AS n
                FROM pupils p JOIN group_cells g ON {cell.Replace("FSM", "p.FSM")} = g.cell WHERE {where} GROUP BY ALL
                """);
        }

        // Perception: respondents agreeing out of those giving a view.
        var perception = computer.Slots.Where(s => s.Kind == IndicatorKind.Perception).ToList();
        var answers = string.Join(", ", perception.Select((p, i) =>
        {
            var q = p.Question!.Column;
            var view = $"RespondentType = '{p.Respondents}' AND {q} IN ('Strongly agree','Agree','Disagree','Strongly disagree','1','2','3','4')";
            return $"count(*) FILTER ({view} AND {q} IN ('Strongly agree','Agree','1','2')) AS pn{i}, count(*) FILTER ({view}) AS pd{i}";
        }));
        Execute(RecomputePart.Perception, $"CREATE OR REPLACE TABLE survey_tallies AS SELECT URN, AcademicYear, {answers} FROM surveys GROUP BY ALL");

        // Intake profiles (all pupils), the school shares, then LA and England sums.
        Execute(RecomputePart.SimilarSchools, """
            CREATE OR REPLACE TABLE intake AS
            SELECT p.URN, p.AcademicYear, count(*) AS pupils,
                   count(*) FILTER (FSM = 'Y') AS fsm, count(*) FILTER (SEN IN ('K','E')) AS sen, count(*) FILTER (EAL = 'Y') AS eal,
                   sum(CASE WHEN KS2_PRIOR IS NOT NULL THEN (KS2_PRIOR - 16.0) / 4.0 WHEN KS4_PRIOR IS NOT NULL THEN (KS4_PRIOR - 104.0) / 6.0 END) AS prior_sum,
                   count(*) FILTER (KS2_PRIOR IS NOT NULL OR KS4_PRIOR IS NOT NULL) AS prior_count
            FROM pupils p GROUP BY ALL
            """);
        foreach (var share in computer.Slots.Where(s => s.Kind == IndicatorKind.SchoolShare))
        {
            var tests = share.SchoolRule!.Tests.Select(t =>
            {
                var i = counted.FindIndex(c => c.Id == t.IndicatorId);
                var scale = counted[i].IsPercent ? "100.0 * " : "";
                var op = t.Operator switch { ComparisonOperator.LessThan => "<", ComparisonOperator.LessOrEqual => "<=", ComparisonOperator.GreaterThan => ">", _ => ">=" };
                return (Known: $"d{i} > 0", Holds: $"{scale}n{i} / d{i} {op} {t.Number.ToString(CultureInfo.InvariantCulture)}");
            }).ToList();
            // True if every test holds, false as soon as a known figure fails one, unknown otherwise (as SchoolCondition.Holds).
            var decided = string.Join(" AND ", tests.Select(t => $"({t.Known} AND {t.Holds})"));
            var failed = string.Join(" OR ", tests.Select(t => $"({t.Known} AND NOT ({t.Holds}))"));
            Execute(RecomputePart.CountingAndGroups, $"""
                CREATE OR REPLACE TABLE share_{share.Id} AS
                SELECT URN, AcademicYear, CASE WHEN {decided} THEN 1 WHEN {failed} THEN 0 END AS below
                FROM school_tallies WHERE grp = 0
                """);
        }
        Execute(RecomputePart.AreaSums, $"""
            CREATE OR REPLACE TABLE area_tallies AS
            SELECT 'Locality' AS kind, s.locality::VARCHAR AS code, t.AcademicYear, t.grp, {sums.Replace("sum(", "sum(t.")}
            FROM school_tallies t JOIN schools s ON s.urn = t.URN WHERE s.locality IS NOT NULL GROUP BY ALL
            UNION ALL
            SELECT 'LA' AS kind, s.la::VARCHAR AS code, t.AcademicYear, t.grp, {sums.Replace("sum(", "sum(t.")}
            FROM school_tallies t JOIN schools s ON s.urn = t.URN GROUP BY ALL
            UNION ALL
            SELECT 'England', 'E92000001', t.AcademicYear, t.grp, {sums.Replace("sum(", "sum(t.")} FROM school_tallies t GROUP BY ALL
            """);

        // Similar schools: standard scores within phase and year, then each school's nearest neighbours.
        var w = method;
        string Z(string expr, string name) => $"coalesce(({expr} - avg({expr}) OVER ph) / nullif(stddev_samp({expr}) OVER ph, 0), 0) AS {name}";
        Execute(RecomputePart.SimilarSchools, $"""
            CREATE OR REPLACE TABLE features AS
            SELECT i.URN, i.AcademicYear, s.phase,
              {W(w.FsmWeight)} * {Z("i.fsm / i.pupils", "f1")}, {W(w.SenWeight)} * {Z("i.sen / i.pupils", "f2")},
              {W(w.EalWeight)} * {Z("i.eal / i.pupils", "f3")}, {W(w.PriorAttainmentWeight)} * {Z("i.prior_sum / nullif(i.prior_count, 0)", "f4")},
              {W(w.SizeWeight)} * {Z("ln(i.pupils)", "f5")}
            FROM intake i JOIN schools s ON s.urn = i.URN
            WINDOW ph AS (PARTITION BY s.phase, i.AcademicYear)
            """);
        Execute(RecomputePart.SimilarSchools, $"""
            CREATE OR REPLACE TABLE similar_schools AS
            SELECT a.URN, a.AcademicYear,
                   arg_min(b.URN, (a.f1-b.f1)*(a.f1-b.f1) + (a.f2-b.f2)*(a.f2-b.f2) + (a.f3-b.f3)*(a.f3-b.f3) + (a.f4-b.f4)*(a.f4-b.f4) + (a.f5-b.f5)*(a.f5-b.f5), {method.Count}) AS members
            FROM features a JOIN features b ON a.phase = b.phase AND a.AcademicYear = b.AcademicYear AND a.URN <> b.URN
            GROUP BY a.URN, a.AcademicYear
            """);
        // School-years with pupils or survey answers (a school with only a survey has perception figures alone).
        return Scalar("SELECT count(*) FROM (SELECT URN, AcademicYear FROM school_tallies UNION SELECT URN, AcademicYear FROM survey_tallies)");
    }

    private static string W(double weight) => weight.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A catalogue condition as SQL over the pupils table.</summary>
    private static string Sql(PupilCondition condition) => string.Join(" AND ", condition.Tests.Select(t =>
    {
        var f = t.Field.Name;
        if (t.Operator == ComparisonOperator.Present) return $"{f} IS NOT NULL";
        if (t.Field.Kind == PupilFieldKind.Code)
        {
            var values = Enumerable.Range(1, t.Field.AllowedCodes.Count).Where(code => ((t.CodeMask >> code) & 1) != 0)
                .Select(code => $"'{t.Field.AllowedCodes[code - 1]}'");
            return $"{f} IN ({string.Join(",", values)})";
        }
        var op = t.Operator switch
        {
            ComparisonOperator.GreaterOrEqual => ">=",
            ComparisonOperator.GreaterThan => ">",
            ComparisonOperator.LessOrEqual => "<=",
            _ => "<",
        };
        var number = t.Number.ToString(CultureInfo.InvariantCulture);
        return t.Divisor is { } d ? $"({d.Name} > 0 AND {f} / {d.Name} {op} {number})" : $"{f} {op} {number}";
    }));
}
