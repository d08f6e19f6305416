using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Core.Auditing;

/// <summary>Reads the audit trail, newest first, with filters. Read-only: nothing in SchoolSight edits audit rows.</summary>
[Operation]
public sealed class SearchAuditTrail(AppDbContext db)
{
    public const int PageSize = 50;

    public sealed record Query(string? User = null, string? EntityType = null, AuditAction? Action = null, int? SchoolUrn = null,
        DateOnly? From = null, DateOnly? To = null, string? EntityKey = null, int Page = 1);

    public sealed record Row(long Id, DateTime At, string UserName, AuditAction Action, string EntityType, string EntityKey, int? SchoolUrn, string? Changes);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, int Pages, IReadOnlyList<string> EntityTypes);

    public async Task<Result> RunAsync(Query query, CancellationToken ct = default)
    {
        var rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim().ToLower();
            rows = rows.Where(a => a.UserName.ToLower().Contains(user));
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType)) rows = rows.Where(a => a.EntityType == query.EntityType);
        if (!string.IsNullOrWhiteSpace(query.EntityKey)) rows = rows.Where(a => a.EntityKey == query.EntityKey.Trim());
        if (query.Action is { } action) rows = rows.Where(a => a.Action == action);
        if (query.SchoolUrn is { } urn) rows = rows.Where(a => a.SchoolUrn == urn);
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            rows = rows.Where(a => a.At < end);
        }

        var total = await rows.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var list = await rows.OrderByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(a => new Row(a.Id, a.At, a.UserName, a.Action, a.EntityType, a.EntityKey, a.SchoolUrn, a.Changes))
            .ToListAsync(ct);
        var types = await db.AuditEntries.Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        return new Result(list, total, page, pages, types);
    }
}
