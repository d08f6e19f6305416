using System.Text.Json.Serialization;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Imports.Gias;

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
    public IReadOnlyList<ImportProblem> Errors { get; init; } = [];
    public int ErrorCount { get; init; }

    /// <summary>"… and N more problems: …" when not every problem is listed; null when all are.</summary>
    public string? MoreErrors => ProblemList.More(ErrorCount, Errors.Count);

    /// <summary>Values SchoolSight could not keep exactly as GIAS gives them (see <see cref="GiasRowMapper"/>); the import still went ahead.</summary>
    public IReadOnlyList<ImportProblem> Notices { get; init; } = [];
    public int NoticeCount { get; init; }

    /// <summary>Optional GIAS columns the file did not have: the fields they fill were left as they were.</summary>
    public IReadOnlyList<string> ColumnsNotInFile { get; init; } = [];

    /// <summary>Establishments of the imported LAs that SchoolSight does not monitor, left out and counted by GIAS type.</summary>
    public IReadOnlyList<GiasSkipped> Skipped { get; init; } = [];

    public int SkippedCount => Skipped.Sum(s => s.Count);

    /// <summary>"Skipped 41 establishments SchoolSight does not monitor: 30 Children's centre, 11 Further education"; null when none were.</summary>
    public string? SkippedText => Skipped.Count == 0 ? null
        : $"Skipped {SkippedCount:N0} establishment{(SkippedCount == 1 ? "" : "s")} SchoolSight does not monitor: {string.Join(", ", Skipped)}";

    /// <summary>The LAs registered, the localities created and the schools put in them.</summary>
    public GiasLaSetupResult Setup { get; init; } = GiasLaSetupResult.None;

    /// <summary>URNs the localities file names that are not schools this import registers (another LA's, or not monitored): left out.</summary>
    public int LocalityUrnsNotImported { get; init; }

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
