using SchoolSight.Domain.Auditing;
namespace SchoolSight.Domain.Imports;

public enum ImportKind
{
    Gias,
    Pupils,
    Surveys,
    Ks2,
    Ks4,
    Census,
    Absence,
    Ofsted,

    /// <summary>The DfE's Local Authority Interactive Tool file: every LA's, region's and England's headline figures.</summary>
    LaIndicators,
}

public enum ImportOutcome
{
    Applied,
    Rejected,

    /// <summary>Stopped by an error after the file was accepted: rolled back, nothing changed.</summary>
    Failed,

    /// <summary>No outcome was recorded: the import is still running, or the process stopped before it ended (rolled back).</summary>
    DidNotFinish,
}

public static class ImportOutcomes
{
    /// <summary>"Applied", "Rejected", "Failed", "Did not finish": as the import history shows it.</summary>
    public static string Display(this ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Applied => "Applied",
        ImportOutcome.Rejected => "Rejected",
        ImportOutcome.Failed => "Failed",
        ImportOutcome.DidNotFinish => "Did not finish",
    };
}

/// <summary>
/// The record of one import attempt (DOMAIN.md section 3.1): source, time, user and row counts.
/// It is saved, on its own, when the attempt starts (as <see cref="ImportOutcome.DidNotFinish"/>), then given its
/// outcome: applied in the import's own transaction, or rejected or failed after it. An attempt whose process stopped
/// keeps no outcome. A rejected or failed file is recorded too, with its problems, but changes no school data.
/// </summary>
[NotAuditedOnSave("The import is its own record: who, when, which file, what it changed.")]
public sealed class ImportRecord
{
    private ImportRecord() { FileName = ""; Sha256 = ""; UserName = ""; Scope = ""; }

    public ImportRecord(ImportKind kind, string fileName, string sha256, DateTime at, string userName, string scope)
    {
        Kind = kind;
        FileName = fileName;
        Sha256 = sha256;
        At = at;
        UserName = userName;
        Scope = scope;
        Outcome = ImportOutcome.DidNotFinish;
    }

    public long Id { get; private set; }
    public ImportKind Kind { get; private set; }
    public string FileName { get; private set; }
    public string Sha256 { get; private set; }
    public DateTime At { get; private set; }
    public string UserName { get; private set; }

    /// <summary>What the import covered, e.g. the LA codes kept from a national GIAS file.</summary>
    public string Scope { get; private set; }
    public ImportOutcome Outcome { get; private set; }
    public int RowsRead { get; private set; }
    public int RowsInScope { get; private set; }
    public int Added { get; private set; }
    public int Updated { get; private set; }
    public int Closed { get; private set; }
    public int Unchanged { get; private set; }
    public int ErrorCount { get; private set; }
    public string? FirstErrors { get; private set; }

    /// <summary>The file has been read: its SHA-256 is known before anything is written.</summary>
    public void Checked(string sha256) => Sha256 = sha256;

    /// <summary>What the import covers, once the file has been read.</summary>
    public void Covers(string scope) => Scope = scope.Length > 500 ? scope[..500] : scope;

    public void Applied(int rowsRead, int rowsInScope, int added, int updated, int closed, int unchanged)
    {
        Outcome = ImportOutcome.Applied;
        RowsRead = rowsRead;
        RowsInScope = rowsInScope;
        Added = added;
        Updated = updated;
        Closed = closed;
        Unchanged = unchanged;
    }

    public void Rejected(int rowsRead, int errorCount, string firstErrors)
    {
        Outcome = ImportOutcome.Rejected;
        RowsRead = rowsRead;
        (RowsInScope, Added, Updated, Closed, Unchanged) = (0, 0, 0, 0, 0);
        ErrorCount = errorCount;
        FirstErrors = firstErrors.Length > 4000 ? firstErrors[..4000] : firstErrors;
    }

    /// <summary>Stopped by an error after the file was accepted; the import's transaction was rolled back.</summary>
    public void Failed(string problem)
    {
        Outcome = ImportOutcome.Failed;
        (RowsInScope, Added, Updated, Closed, Unchanged) = (0, 0, 0, 0, 0);
        ErrorCount = 1;
        FirstErrors = problem.Length > 4000 ? problem[..4000] : problem;
    }
}
