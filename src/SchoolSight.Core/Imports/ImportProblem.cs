using System.Text.Json.Serialization;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Imports;

/// <summary>
/// One problem in an imported file, the same for every import (GIAS, published, pupil-level, survey), for a rejection
/// or a notice. <see cref="Line"/> is the line of the file where the row starts (the header is line 1; a quoted field
/// may span lines); <see cref="Column"/> is the column's name in the file. Either may be absent for a problem with the
/// whole file.
/// </summary>
public sealed record ImportProblem(int? Line, string? Column, string Problem)
{
    /// <summary>"Line 57, column OpenDate: '31-02-2019' is not a real date (expected dd-mm-yyyy)".</summary>
    public override string ToString() => (Line, Column) switch
    {
        ({ } line, { } column) => $"Line {line}, column {column}: {Problem}",
        ({ } line, null) => $"Line {line}: {Problem}",
        (null, { } column) => $"Column {column}: {Problem}",
        (null, null) => Sentence,
    };

    /// <summary>The problem on its own, as a sentence: for a table with separate line and column cells.</summary>
    [JsonIgnore]
    public string Sentence => Problem.Length > 0 && char.IsLower(Problem[0]) ? char.ToUpperInvariant(Problem[0]) + Problem[1..] : Problem;
}

/// <summary>One school's data for one academic year (2024 is 2024/25): what a pupil or survey block holds.</summary>
public readonly record struct SchoolYear(int Urn, int AcademicYear)
{
    public override string ToString() => $"{Urn}/{AcademicYear}";
}

/// <summary>
/// The outcome of importing a pupil-level or survey file, always recorded as an <see cref="ImportRecord"/>.
/// Rejected: <see cref="Errors"/> lists the problems (the first <see cref="ProblemList.MaxListed"/>; <see cref="ErrorCount"/>
/// counts them all, <see cref="MoreErrors"/> tells the rest) and nothing was changed. Applied: the counts of school-years, and <see cref="Changed"/>, the
/// school-years added or replaced, for recomputing what depends on them.
/// </summary>
public sealed record DataImportResult
{
    public required long ImportId { get; init; }
    public required ImportKind Kind { get; init; }
    public required ImportOutcome Outcome { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public string Encoding { get; init; } = "";

    /// <summary>What the file covered, e.g. "79 schools, 2022/23 to 2024/25".</summary>
    public string Scope { get; init; } = "";
    public int RowsRead { get; init; }
    public int SchoolYears { get; init; }
    public int Added { get; init; }
    public int Replaced { get; init; }
    public int Unchanged { get; init; }
    public int ErrorCount { get; init; }
    public IReadOnlyList<ImportProblem> Errors { get; init; } = [];

    /// <summary>"… and N more problems: …" when not every problem is listed; null when all are.</summary>
    public string? MoreErrors => ProblemList.More(ErrorCount, Errors.Count);
    public IReadOnlyList<SchoolYear> Changed { get; init; } = [];

    /// <summary>The recompute run after the import, for the years it changed (null when nothing changed or none ran).</summary>
    public Indicators.ComputeResult? Recomputed { get; init; }

    /// <summary>Where an applied import's time went, for the benchmark and the log (not part of the answer).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DataImportTimings? Timings { get; init; }

    public bool Applied => Outcome == ImportOutcome.Applied;
}

/// <summary>
/// The problems found in a file: all counted, the first <see cref="MaxListed"/> kept (a national file can have millions),
/// and how the ones left off are told.
/// </summary>
public sealed class ProblemList
{
    /// <summary>
    /// Problems listed (in the result, on the page, in the API's answer, by the CLI); the rest are only counted. A wrong
    /// file of millions of rows would otherwise give an answer of hundreds of megabytes.
    /// </summary>
    public const int MaxListed = 1000;

    private readonly List<ImportProblem> _listed = [];

    public int Count { get; private set; }
    public bool Any => Count > 0;

    /// <summary>"… and 11,345 more problems: …" when <paramref name="listed"/> of <paramref name="count"/> are listed; null when all are.</summary>
    public static string? More(int count, int listed) => count > listed
        ? $"… and {count - listed:N0} more problem{(count - listed == 1 ? "" : "s")}: correct those listed and import the file again to see the rest"
        : null;

    public void Add(int? line, string? column, string problem) => Add(new ImportProblem(line, column, problem));

    public void Add(ImportProblem problem)
    {
        Count++;
        if (_listed.Count < MaxListed) _listed.Add(problem);
    }

    /// <summary>Every problem of <paramref name="later"/>, a list of the rows that follow this one's: those it kept, then the count of the rest.</summary>
    public void AddAll(ProblemList later)
    {
        foreach (var problem in later._listed) Add(problem);
        Count += later.Count - later._listed.Count;
    }

    /// <summary>
    /// A problem found after others on later lines (a row checked against rows read on another thread): kept in line order,
    /// so that the problems kept are still the first <see cref="MaxListed"/> by line, as if the rows had been read in order.
    /// </summary>
    public void AddInLineOrder(ImportProblem problem)
    {
        Count++;
        var line = problem.Line ?? 0;
        var at = _listed.Count == 0 || (_listed[^1].Line ?? 0) <= line ? _listed.Count : _listed.FindLastIndex(p => (p.Line ?? 0) <= line) + 1;
        if (at >= MaxListed) return;
        _listed.Insert(at, problem);
        if (_listed.Count > MaxListed) _listed.RemoveAt(_listed.Count - 1);
    }

    /// <summary>The problems kept, by line (whole-file problems first); <see cref="Count"/> says how many there are in all.</summary>
    public IReadOnlyList<ImportProblem> Listed() => [.. _listed.OrderBy(p => p.Line ?? 0)];
}
