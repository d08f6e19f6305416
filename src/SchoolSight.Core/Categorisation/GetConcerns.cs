using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>A concern as its page and the API show it, with the names of who raised and closed it.</summary>
public sealed record ConcernView(int Id, ConcernKind Kind, DateOnly RaisedOn, string Summary, string RaisedBy, string RaisedByName,
    DateOnly? ClosedOn, string? ClosedReason, string? ClosedBy, string? ClosedByName, int Version)
{
    public bool IsOpen => ClosedOn is null;
}

public sealed record ConcernsView(int Urn, string SchoolName, IReadOnlyList<ConcernView> Open, IReadOnlyList<ConcernView> Closed, bool MayClose)
{
    public ConcernView? Find(int id) => Open.Concat(Closed).FirstOrDefault(c => c.Id == id);
}

/// <summary>
/// A school's concerns, open ones first (newest first), then closed ones. LA records: the LA's school improvement
/// officers and the school's SIP only; school users and governors never see them.
/// </summary>
[Operation]
public sealed class GetConcerns(AppDbContext db)
{
    public async Task<OperationResult<ConcernsView>> RunAsync(int urn, CancellationToken ct = default)
    {
        var (allowed, refusal) = await db.CheckAsync(urn, EvidenceRoles.ConcernKeepers, "see concerns", ct);
        if (allowed is null) return OperationResult<ConcernsView>.Fail(refusal!);
        var concerns = await db.SchoolConcerns.AsNoTracking().Where(c => c.Urn == urn).ToListAsync(ct);
        var names = await db.DisplayNamesAsync(concerns.Select(c => c.RaisedBy).Concat(concerns.Select(c => c.ClosedBy).OfType<string>()), ct);
        var views = concerns
            .OrderByDescending(c => c.RaisedOn).ThenByDescending(c => c.Id)
            .Select(c => new ConcernView(c.Id, c.Kind, c.RaisedOn, c.Summary, c.RaisedBy, names(c.RaisedBy), c.ClosedOn, c.ClosedReason, c.ClosedBy,
                c.ClosedBy is { } by ? names(by) : null, c.Version))
            .ToList();
        return OperationResult<ConcernsView>.Ok(new ConcernsView(urn, allowed.SchoolName, [.. views.Where(v => v.IsOpen)],
            [.. views.Where(v => !v.IsOpen).OrderByDescending(v => v.ClosedOn)], EvidenceRoles.ConcernClosers.Contains(allowed.Role)));
    }
}
