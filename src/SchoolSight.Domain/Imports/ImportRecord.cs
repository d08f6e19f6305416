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
}

public enum ImportOutcome
{
    Applied,
    Rejected,
}

/// <summary>
/// The record of one import attempt (DOMAIN.md section 3.1): source, time, user and row counts.
/// A rejected file is recorded too, with its error count, but changes no school data.
/// </summary>
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
        ErrorCount = errorCount;
        FirstErrors = firstErrors.Length > 4000 ? firstErrors[..4000] : firstErrors;
    }
}
