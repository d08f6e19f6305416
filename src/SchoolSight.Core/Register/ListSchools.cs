using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

[JsonConverter(typeof(JsonStringEnumConverter<SchoolSort>))]
public enum SchoolSort
{
    Name,
    Urn,
    Phase,
    Pupils,
    Locality,
}

[JsonConverter(typeof(JsonStringEnumConverter<SortOrder>))]
public enum SortOrder
{
    Asc,
    Desc,
}

/// <summary>
/// Finds schools in the register: by name or URN, filtered by phase, type, locality and status, sorted, 25 a page.
/// Only the schools the user may see are counted or listed (the school-scope query filter).
/// </summary>
[Operation]
public sealed class ListSchools(AppDbContext db)
{
    public const int PageSize = 25;

    public sealed record Query(
        string? Search = null, SchoolPhase? Phase = null, string? Type = null, int? Locality = null, SchoolStatus? Status = null,
        SchoolSort Sort = SchoolSort.Name, SortOrder Order = SortOrder.Asc, int Page = 1);

    public sealed record Row(int Urn, string Name, SchoolPhase Phase, string TypeOfEstablishment, SchoolStatus Status,
        LocalityRef? Locality, int? NumberOfPupils, string? Town, string? Postcode);

    /// <summary>The values each filter can take among the schools the user may see.</summary>
    public sealed record Filters(IReadOnlyList<SchoolPhase> Phases, IReadOnlyList<string> Types, IReadOnlyList<LocalityRef> Localities, IReadOnlyList<SchoolStatus> Statuses);

    public sealed record Result(int Total, int Page, int Pages, int PageSize, IReadOnlyList<Row> Rows, Filters Options);

    public async Task<Result> RunAsync(Query query, CancellationToken ct = default)
    {
        var schools = db.Schools.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var lower = term.ToLowerInvariant();
            schools = int.TryParse(term, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var urn)
                ? schools.Where(s => s.Urn == urn || s.Details.Name.ToLower().Contains(lower))
                : schools.Where(s => s.Details.Name.ToLower().Contains(lower));
        }
        if (query.Phase is { } phase) schools = schools.Where(s => s.Phase == phase);
        if (!string.IsNullOrWhiteSpace(query.Type)) schools = schools.Where(s => s.Details.TypeOfEstablishment == query.Type);
        if (query.Locality is { } locality) schools = schools.Where(s => s.LocalityId == locality);
        if (query.Status is { } status) schools = schools.Where(s => s.Details.Status == status);

        var total = await schools.CountAsync(ct);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await Sorted(schools, query.Sort, query.Order == SortOrder.Desc)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(s => new Row(s.Urn, s.Details.Name, s.Phase, s.Details.TypeOfEstablishment, s.Details.Status,
                s.Locality == null ? null : new LocalityRef(s.Locality.Id, s.Locality.Name),
                s.Details.NumberOfPupils, s.Details.Town, s.Details.Postcode))
            .ToListAsync(ct);
        return new Result(total, page, pages, PageSize, rows, await FiltersAsync(ct));
    }

    private async Task<Filters> FiltersAsync(CancellationToken ct)
    {
        var phases = await db.Schools.Select(s => s.Phase).Distinct().ToListAsync(ct);
        var types = await db.Schools.Select(s => s.Details.TypeOfEstablishment).Distinct().ToListAsync(ct);
        var localities = await db.Schools.Where(s => s.Locality != null)
            .Select(s => new { s.Locality!.Id, s.Locality.Name }).Distinct().ToListAsync(ct);
        return new Filters(
            [.. phases.Order()],
            [.. types.Order(StringComparer.OrdinalIgnoreCase)],
            [.. localities.OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).Select(l => new LocalityRef(l.Id, l.Name))],
            Enum.GetValues<SchoolStatus>());
    }

    /// <summary>The chosen column first (ascending or descending), then name and URN so every page is stable.</summary>
    private static IQueryable<School> Sorted(IQueryable<School> schools, SchoolSort sort, bool descending)
    {
        Expression<Func<School, string>> name = s => s.Details.Name.ToLower();
        var ordered = sort switch
        {
            SchoolSort.Urn => By(schools, s => s.Urn, descending),
            SchoolSort.Phase => By(schools, PhaseRank(), descending).ThenBy(name),
            // Schools with no number of pupils go last either way (SQLite and PostgreSQL sort nulls differently).
            SchoolSort.Pupils => By(schools.OrderBy(s => s.Details.NumberOfPupils == null), s => s.Details.NumberOfPupils, descending),
            SchoolSort.Locality => By(schools.OrderBy(s => s.Locality == null), s => s.Locality!.Name, descending).ThenBy(name),
            SchoolSort.Name => By(schools, name, descending),
        };
        return ordered.ThenBy(s => s.Urn);
    }

    private static IOrderedQueryable<School> By<TKey>(IQueryable<School> schools, Expression<Func<School, TKey>> key, bool descending) =>
        descending ? schools.OrderByDescending(key) : schools.OrderBy(key);

    private static IOrderedQueryable<School> By<TKey>(IOrderedQueryable<School> schools, Expression<Func<School, TKey>> key, bool descending) =>
        descending ? schools.ThenByDescending(key) : schools.ThenBy(key);

    /// <summary>Phases sort in the order DOMAIN.md lists them (early years to PRU), not alphabetically as stored.</summary>
    private static Expression<Func<School, int>> PhaseRank()
    {
        var school = Expression.Parameter(typeof(School), "s");
        var phase = Expression.Property(school, nameof(School.Phase));
        Expression rank = Expression.Constant(int.MaxValue);
        foreach (var value in Enumerable.Reverse(Enum.GetValues<SchoolPhase>()))
            rank = Expression.Condition(Expression.Equal(phase, Expression.Constant(value)), Expression.Constant((int)value), rank);
        return Expression.Lambda<Func<School, int>>(rank, school);
    }
}
