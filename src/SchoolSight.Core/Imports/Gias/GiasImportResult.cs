using System.Text.Json.Serialization;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// One problem in a GIAS file. <see cref="Line"/> is the line of the file where the row starts (the header is line 1;
/// a quoted field may span lines); <see cref="Column"/> is the GIAS column name. Either may be absent for a problem
/// with the whole file.
/// </summary>
public sealed record GiasImportError(int? Line, string? Column, string Problem) : IFileProblem<GiasImportError>
{
    public static GiasImportError At(int? line, string? column, string problem) => new(line, column, problem);

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

[JsonConverter(typeof(JsonStringEnumConverter<GiasChangeKind>))]
public enum GiasChangeKind
{
    Added,
    Updated,
    Closed,
}

/// <summary>What an applied import did to one school: for the summary, the CLI and the audit of the import.</summary>
public sealed record GiasSchoolChange(int Urn, string Name, GiasChangeKind Kind, IReadOnlyList<string> ChangedFields);

/// <summary>
/// The outcome of one import attempt, always recorded as an <see cref="ImportRecord"/> (<see cref="ImportId"/>).
/// Rejected: <see cref="Errors"/> lists the problems found (the first <see cref="ProblemList.MaxListed"/>;
/// <see cref="ErrorCount"/> counts them all) and nothing was changed. Applied: the counts say what changed.
/// </summary>
public sealed record GiasImportResult
{
    public required long ImportId { get; init; }
    public required ImportOutcome Outcome { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public required string Scope { get; init; }

    /// <summary>How the file was read: UTF-8 (with or without byte order mark) or Windows-1252; empty when it could not be.</summary>
    public string Encoding { get; init; } = "";
    public int RowsRead { get; init; }
    public int RowsInScope { get; init; }
    public int Added { get; init; }
    public int Updated { get; init; }
    public int Closed { get; init; }
    public int Unchanged { get; init; }
    public IReadOnlyList<GiasImportError> Errors { get; init; } = [];
    public int ErrorCount { get; init; }

    /// <summary>"… and N more problems: …" when not every problem is listed; null when all are.</summary>
    public string? MoreErrors => ProblemList.More(ErrorCount, Errors.Count);

    /// <summary>Values SchoolSight could not keep exactly as GIAS gives them (see <see cref="GiasRowMapper"/>); the import still went ahead.</summary>
    public IReadOnlyList<GiasImportError> Notices { get; init; } = [];
    public int NoticeCount { get; init; }

    /// <summary>Optional GIAS columns the file did not have: the fields they fill were left as they were.</summary>
    public IReadOnlyList<string> ColumnsNotInFile { get; init; } = [];

    /// <summary>Each school added, updated or closed, in file order (closures of schools missing from the file last).</summary>
    public IReadOnlyList<GiasSchoolChange> Changes { get; init; } = [];

    public bool Applied => Outcome == ImportOutcome.Applied;
}

public enum GiasImportPhase
{
    CheckingFile,
    ReadingRows,
    Comparing,
    Saving,
    Done,
}

/// <summary>
/// Progress of an import, for a progress bar: <see cref="Done"/> of <see cref="Total"/> is bytes of the file while
/// checking and reading it, schools while saving.
/// </summary>
public sealed record GiasImportProgress(GiasImportPhase Phase, int RowsRead, long Done, long Total)
{
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}
