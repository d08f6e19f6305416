using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.LaIndicators;

namespace SchoolSight.Core.LaIndicators;

/// <summary>
/// Sets the LA's ten statistical neighbours (replacing any list held), checked whole: ten distinct three-digit LA
/// codes, not the LA's own, each an LA of the LA indicators file when one has been imported. Every problem is
/// returned on the field; LA administrators only; audited.
/// </summary>
[Operation]
public sealed class SetStatisticalNeighbours(AppDbContext db)
{
    public const string Field = "Codes";

    public async Task<OperationResult<IReadOnlyList<int>>> RunAsync(string? codes, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.Administration, ResourceAction.Edit))
            return OperationResult<IReadOnlyList<int>>.Fail(CoreErrors.Forbidden("Only an LA administrator may set the LA's statistical neighbours."));
        var la = await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Code).Select(l => (int?)l.Code).FirstOrDefaultAsync(ct);
        if (la is not { } own) return OperationResult<IReadOnlyList<int>>.Fail(CoreErrors.NotFound("local authority"));
        var known = (await db.LaIndicatorFigures.AsNoTracking().Where(f => f.Area == LaIndicatorArea.La).Select(f => f.AreaCode).Distinct().ToListAsync(ct)).ToHashSet();
        var (list, problems) = StatisticalNeighbours.Parse(codes, own, known.Count > 0 ? known : null);
        if (problems.Count > 0)
            return OperationResult<IReadOnlyList<int>>.Fail(problems.Select(p => DomainError.Rule("neighbours.invalid", char.ToUpperInvariant(p[0]) + p[1..] + ".", Field)));
        var held = await db.StatisticalNeighbours.FirstOrDefaultAsync(n => n.LaCode == own, ct);
        if (held is null) db.StatisticalNeighbours.Add(new StatisticalNeighbours(own, list));
        else held.Replace(list);
        await db.SaveChangesAsync(ct);
        return OperationResult<IReadOnlyList<int>>.Ok(list);
    }
}
