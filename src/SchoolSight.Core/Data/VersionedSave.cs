using Microsoft.EntityFrameworkCore;
using SchoolSight.Domain;

namespace SchoolSight.Core.Data;

/// <summary>
/// Optimistic concurrency for edits: the edit carries the version the user saw; if the record has moved on since,
/// the save is refused with a message naming who changed it and when. Never a silent overwrite.
/// </summary>
public static class VersionedSave
{
    /// <summary>Marks <paramref name="entity"/> as expected to be at <paramref name="expectedVersion"/> when saved.</summary>
    public static void ExpectVersion<T>(this AppDbContext db, T entity, int expectedVersion) where T : VersionedEntity =>
        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;

    /// <summary>
    /// Saves, turning a stale edit into <see cref="CoreErrors.Conflict"/>. Call <see cref="ExpectVersion{T}"/> first.
    /// A version that is already stale before saving is refused without touching the database.
    /// </summary>
    public static async Task<OperationResult<T>> SaveVersionedAsync<T>(this AppDbContext db, VersionedEntity entity, string what, Func<T> result, CancellationToken ct = default)
    {
        var entry = db.Entry(entity);
        var expected = entry.Property(e => e.Version).OriginalValue;
        if (expected != entity.Version && entry.State == EntityState.Unchanged)
            return OperationResult<T>.Fail(db.Conflict(what, entity.UpdatedBy, entity.UpdatedAt));
        try
        {
            await db.SaveChangesAsync(ct);
            return OperationResult<T>.Ok(result());
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await entry.GetDatabaseValuesAsync(ct);
            db.ChangeTracker.Clear();
            if (current is null) return OperationResult<T>.Fail(CoreErrors.NotFound(what));
            return OperationResult<T>.Fail(db.Conflict(what, current.GetValue<string?>(nameof(VersionedEntity.UpdatedBy)), current.GetValue<DateTime?>(nameof(VersionedEntity.UpdatedAt))));
        }
    }
}
