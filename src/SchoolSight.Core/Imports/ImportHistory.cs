using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Imports;

/// <summary>One import attempt as the history page, the API and the CLI show it.</summary>
public sealed record ImportSummary(
    long Id,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ImportKind>))] ImportKind Kind,
    DateTime At, string UserName, string FileName, string Sha256, string Scope,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ImportOutcome>))] ImportOutcome Outcome,
    int RowsRead, int RowsInScope, int Added, int Updated, int Closed, int Unchanged, int ErrorCount, IReadOnlyList<string> FirstErrors)
{
    /// <summary>The first 12 characters of the file's SHA-256: enough to tell two files apart at a glance.</summary>
    public string ShortHash => Sha256.Length > 12 ? Sha256[..12] : Sha256;

    /// <summary>"Applied", "Rejected", "Failed" or "Did not finish" (an attempt with no outcome: its process stopped,
    /// or it is still running; nothing of it is saved until it ends).</summary>
    public string OutcomeText => Outcome.Display();
}

public sealed record ImportHistoryPage(IReadOnlyList<ImportSummary> Imports, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads the record of import attempts (<see cref="ImportRecord"/>), newest first.</summary>
[Operation]
public sealed class ImportHistory(AppDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<ImportHistoryPage> ListAsync(int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await db.Imports.CountAsync(ct);
        var rows = await db.Imports.AsNoTracking()
            .OrderByDescending(i => i.At).ThenByDescending(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(ct);
        return new ImportHistoryPage([.. rows.Select(ToSummary)], total, page, pageSize);
    }

    public async Task<ImportSummary?> FindAsync(long id, CancellationToken ct = default) =>
        await db.Imports.AsNoTracking().Where(i => i.Id == id).FirstOrDefaultAsync(ct) is { } record ? ToSummary(record) : null;

    private static ImportSummary ToSummary(ImportRecord r) => new(
        r.Id, r.Kind, DateTime.SpecifyKind(r.At, DateTimeKind.Utc), r.UserName, r.FileName, r.Sha256, r.Scope, r.Outcome,
        r.RowsRead, r.RowsInScope, r.Added, r.Updated, r.Closed, r.Unchanged, r.ErrorCount,
        r.FirstErrors is { Length: > 0 } errors ? errors.Split('\n') : []);
}
