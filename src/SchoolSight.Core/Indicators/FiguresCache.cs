using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators;

/// <summary>One stored result set: an area's (or a school's) tallies for a year.</summary>
public readonly record struct ResultKey(AreaKind Kind, string Code, int Year);

/// <summary>A result set as read: its decoded tallies and where its figures came from.</summary>
public sealed record CachedResultSet(IndicatorTallies Tallies, string Source);

/// <summary>
/// Computed figures kept in memory between requests: decoded result sets and what is worked out from them alone, and
/// (<see cref="GetOrAddViewAsync"/>) figures worked out for one kind of reader, such as a school's rows with small numbers
/// hidden or shown. Never a page: who may see what (school scope, and whether this reader's small numbers are hidden)
/// and the audit of pupil-level reads are still decided on every request, and only pick which kept figures are shown. Everything is kept under the <see cref="FiguresVersion"/> it
/// was read at, which every recompute raises when it has saved (in this process or in the <c>schoolsight</c> command
/// line): the version is read from the database at most every <c>Indicators:FiguresVersionCheck</c> (default one
/// second), and a new version drops everything kept. At most <c>Indicators:FiguresKept</c> entries (default 20,000) and
/// <c>Indicators:ViewsKept</c> views (default 2,000; a school's rows are larger than a set) are kept; past either, that
/// part starts afresh. Each database (connection string) has its own entries and version, for at
/// most four databases at once.
/// </summary>
public sealed class FiguresCache(IConfiguration? configuration = null)
{
    /// <summary>No cache: every read goes to the database (operations built outside the web app's and the CLI's services).</summary>
    public static FiguresCache None { get; } = new(null) { _disabled = true };

    private readonly TimeSpan _check = configuration?.GetValue<TimeSpan?>("Indicators:FiguresVersionCheck") ?? TimeSpan.FromSeconds(1);
    private readonly int _limit = configuration?.GetValue<int?>("Indicators:FiguresKept") ?? 20_000;
    private readonly int _viewLimit = configuration?.GetValue<int?>("Indicators:ViewsKept") ?? 2_000;
    private readonly ConcurrentDictionary<string, Store> _stores = new();
    private bool _disabled;

    /// <summary>One database's version, when it was last read, and what is kept under it.</summary>
    private sealed class Store
    {
        public readonly Lock Gate = new();
        public long Version = -1;
        public long CheckedAt;
        public ConcurrentDictionary<object, object?> Entries = new();
        public ConcurrentDictionary<object, object?> Views = new();
    }

    /// <summary>How many databases' figures are kept at once; past that, all start afresh (a web app has one).</summary>
    private const int DatabasesKept = 4;

    private Store StoreOf(AppDbContext db)
    {
        var database = db.Database.GetConnectionString() ?? "";
        if (_stores.TryGetValue(database, out var store)) return store;
        if (_stores.Count >= DatabasesKept) _stores.Clear();
        return _stores.GetOrAdd(database, _ => new Store());
    }

    /// <summary>
    /// Raises the figures' version: called by a recompute once its results are saved, when it changed any. Other
    /// processes see the new version within the check interval; this process's <paramref name="cache"/> at once.
    /// </summary>
    public static async Task RaiseVersionAsync(AppDbContext db, FiguresCache? cache, CancellationToken ct = default)
    {
        await db.FiguresVersions.Where(v => v.Id == FiguresVersion.TheOne)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1).SetProperty(v => v.ChangedAt, db.UtcNow), ct);
        cache?.Forget(db);
    }

    /// <summary>Drops everything kept for <paramref name="db"/>'s database; the next read asks it for the version.</summary>
    public void Forget(AppDbContext db)
    {
        var store = StoreOf(db);
        lock (store.Gate) (store.Version, store.Entries, store.Views) = (-1, new(), new());
    }

    /// <summary>The figures' version, read from the database when the last read is older than the check interval.</summary>
    public async Task<long> VersionAsync(AppDbContext db, CancellationToken ct = default) => (await EntriesAsync(db, ct)).Version;

    /// <summary>The value kept for <paramref name="key"/> at the current version, or <paramref name="create"/>'s, then kept.</summary>
    public Task<T> GetOrAddAsync<T>(AppDbContext db, object key, Func<Task<T>> create, CancellationToken ct = default) =>
        GetOrAddAsync(db, key, create, view: false, ct);

    /// <summary>
    /// As <see cref="GetOrAddAsync{T}"/>, for figures worked out for one kind of reader (its <paramref name="key"/> says
    /// which, e.g. whether small numbers are hidden), kept apart and fewer.
    /// </summary>
    public Task<T> GetOrAddViewAsync<T>(AppDbContext db, object key, Func<Task<T>> create, CancellationToken ct = default) =>
        GetOrAddAsync(db, key, create, view: true, ct);

    private async Task<T> GetOrAddAsync<T>(AppDbContext db, object key, Func<Task<T>> create, bool view, CancellationToken ct)
    {
        if (_disabled) return await create();
        var (store, entries, _) = await EntriesAsync(db, ct, view);
        if (entries.TryGetValue(key, out var kept)) return (T)kept!;
        var value = await create();
        Keep(store, entries, key, value, view);
        return value;
    }

    /// <summary>
    /// The years each school has figures for (the result table's school codes, the years oldest first), read in one query
    /// and kept until the next recompute; with no cache, only <paramref name="codes"/>' years are read.
    /// </summary>
    public Task<IReadOnlyDictionary<string, int[]>> SchoolYearsAsync(AppDbContext db, IReadOnlyCollection<string> codes, CancellationToken ct = default) =>
        GetOrAddAsync<IReadOnlyDictionary<string, int[]>>(db, "years each school has figures", async () =>
        {
            var query = db.IndicatorResults.AsNoTracking().Where(r => r.AreaKind == AreaKind.School);
            if (_disabled) query = query.Where(r => EF.Parameter(codes).Contains(r.AreaCode));
            return (await query.Select(r => new { r.AreaCode, r.AcademicYear }).ToListAsync(ct))
                .GroupBy(r => r.AreaCode).ToDictionary(g => g.Key, g => g.Select(r => r.AcademicYear).Order().ToArray());
        }, ct);

    /// <summary>
    /// The result sets asked for, decoded; a set that is not stored maps to null. Those not yet kept are read in one
    /// query per area kind and year, on the result table's key.
    /// </summary>
    public async Task<IReadOnlyDictionary<ResultKey, CachedResultSet?>> SetsAsync(AppDbContext db, IndicatorCatalogueSource source,
        IEnumerable<ResultKey> keys, CancellationToken ct = default)
    {
        var (store, entries, _) = _disabled ? (null, new ConcurrentDictionary<object, object?>(), 0) : await EntriesAsync(db, ct);
        var found = new Dictionary<ResultKey, CachedResultSet?>();
        var missing = new List<ResultKey>();
        foreach (var key in keys)
        {
            if (found.ContainsKey(key)) continue;
            if (entries.TryGetValue(key, out var kept)) found[key] = (CachedResultSet?)kept;
            else { found[key] = null; missing.Add(key); }
        }
        foreach (var group in missing.GroupBy(k => (k.Kind, k.Year)))
        {
            var (kind, year) = group.Key;
            var codes = group.Select(k => k.Code).ToList();
            var rows = await db.IndicatorResults.AsNoTracking()
                .Where(r => r.AreaKind == kind && r.AcademicYear == year && codes.Contains(r.AreaCode))
                .Select(r => new { r.AreaCode, r.Data, r.Source }).ToListAsync(ct);
            foreach (var row in rows) found[new(kind, row.AreaCode, year)] = new(TalliesCodec.Decode(row.Data, source.Computer.Slots), row.Source);
            if (store is not null)
                foreach (var key in group) Keep(store, entries, key, found[key]);
        }
        return found;
    }

    /// <summary>
    /// What is kept for <paramref name="db"/>'s database at its current version. The version is read before any figure,
    /// and a recompute raises it only after saving, so nothing older than a version is ever kept under it.
    /// </summary>
    private async Task<(Store Store, ConcurrentDictionary<object, object?> Entries, long Version)> EntriesAsync(AppDbContext db, CancellationToken ct, bool views = false)
    {
        var store = StoreOf(db);
        var now = Stopwatch.GetTimestamp();
        lock (store.Gate)
            if (store.Version >= 0 && Stopwatch.GetElapsedTime(store.CheckedAt, now) < _check) return (store, views ? store.Views : store.Entries, store.Version);
        var version = await db.FiguresVersions.AsNoTracking().Where(v => v.Id == FiguresVersion.TheOne).Select(v => v.Version).FirstOrDefaultAsync(ct);
        lock (store.Gate)
        {
            if (version != store.Version) (store.Entries, store.Views) = (new(), new());
            (store.Version, store.CheckedAt) = (version, now);
            return (store, views ? store.Views : store.Entries, version);
        }
    }

    private void Keep(Store store, ConcurrentDictionary<object, object?> entries, object key, object? value, bool view = false)
    {
        if (entries.Count >= (view ? _viewLimit : _limit))
            lock (store.Gate)
            {
                if (view && ReferenceEquals(entries, store.Views)) store.Views = new();
                else if (!view && ReferenceEquals(entries, store.Entries)) store.Entries = new();
            }
        entries[key] = value;
    }
}
