using System.Text.Json.Serialization;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Published;

/// <param name="Content">The file; read twice (checked, then read), so a one-way stream is copied to a temporary file.</param>
/// <param name="AcademicYear">The year the file is about, as the calendar year it starts (2018 for 2018/19); not used for Ofsted.</param>
/// <param name="KeepAllSchools">Keep every school's row (national benchmarks), not only the schools SchoolSight holds.</param>
public sealed record PublishedImportRequest(PublishedSource Source, Stream Content, string FileName, int? AcademicYear, bool KeepAllSchools = false);

/// <summary>
/// The outcome of one import of a published file, always recorded as an <see cref="ImportRecord"/>. Rejected:
/// <see cref="Errors"/> lists the problems (the first <see cref="Imports.ProblemList.MaxListed"/>; <see cref="ErrorCount"/>
/// counts them all) and nothing was changed. Applied: the counts say what changed (figures for
/// the DfE's files, schools' inspection outcomes for Ofsted's).
/// </summary>
public sealed record PublishedImportResult
{
    public required long ImportId { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<ImportOutcome>))]
    public required ImportOutcome Outcome { get; init; }
    [JsonConverter(typeof(JsonStringEnumConverter<PublishedSource>))]
    public required PublishedSource Source { get; init; }

    /// <summary>"2018/19", or empty for Ofsted.</summary>
    public required string AcademicYear { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public required string Scope { get; init; }
    public string Encoding { get; init; } = "";
    public int RowsRead { get; init; }

    /// <summary>Rows of schools kept (held by SchoolSight, or all with KeepAllSchools).</summary>
    public int SchoolRows { get; init; }

    /// <summary>Rows of an LA or England.</summary>
    public int AreaRows { get; init; }

    /// <summary>Rows of schools SchoolSight does not hold: counted and skipped.</summary>
    public int SchoolsNotHeld { get; init; }
    public int Added { get; init; }
    public int Updated { get; init; }
    public int Removed { get; init; }
    public int Unchanged { get; init; }

    /// <summary>
    /// Rows (schools and areas) this file carried that another file had brought before (an LA's own file after the
    /// national one, or the other way round): the later import replaced them, one entry per earlier file.
    /// </summary>
    public IReadOnlyList<PublishedReplacement> Replaced { get; init; } = [];
    public IReadOnlyList<Imports.ImportProblem> Errors { get; init; } = [];
    public int ErrorCount { get; init; }

    /// <summary>"… and N more problems: …" when not every problem is listed; null when all are.</summary>
    public string? MoreErrors => Imports.ProblemList.More(ErrorCount, Errors.Count);

    /// <summary>Optional headline columns this year's file does not have.</summary>
    public IReadOnlyList<string> ColumnsNotInFile { get; init; } = [];

    /// <summary>The recompute run after the import, for its year (null when nothing changed or none ran).</summary>
    public Indicators.ComputeResult? Recomputed { get; init; }

    public bool Applied => Outcome == ImportOutcome.Applied;
}

/// <summary>Rows an import replaced that an earlier import of another file had brought.</summary>
public sealed record PublishedReplacement(long ImportId, string FileName, int Rows)
{
    /// <summary>"Replaced 61 rows previously imported from england_ks4provisional.csv".</summary>
    public string Text => $"Replaced {Rows:N0} row{(Rows == 1 ? "" : "s")} previously imported from {(FileName.Length > 0 ? FileName : "an earlier file")}";
}
