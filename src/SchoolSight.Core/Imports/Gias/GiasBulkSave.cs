using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// Saves an import plan's schools in bulk, inside the import's transaction: new schools inserted (binary COPY on
/// PostgreSQL, prepared batched inserts on SQLite), changed and closed ones updated where their version is still the
/// one read, and one audit row per changed school written the same way. The rows and audit rows are those a save of
/// each school one by one writes (stamped with who and when, the version moved on, before and after of each field).
/// A chunk at a time, so a national file's schools and audit rows are not all held in memory at once.
/// </summary>
internal static class GiasBulkSave
{
    private const int Chunk = 5000;

    public static async Task SaveAsync(AppDbContext db, IReadOnlyList<GiasImportPlan.Step> steps, Action<int> saved, CancellationToken ct)
    {
        var schools = new BulkTable(db, typeof(School));
        var auditRows = new BulkTable(db, typeof(AuditEntry));
        var audit = new BulkAudit(db, typeof(School));
        var (now, user) = (db.UtcNow, db.CurrentUser.UserName);
        for (var done = 0; done < steps.Count; done += Chunk)
        {
            saved(done);
            var added = new List<object>();
            var changed = new List<(object Row, object[] OriginalTokens)>();
            var entries = new List<object>();
            foreach (var step in steps.Skip(done).Take(Chunk))
            {
                if (step is { Held: null, Details: { } details })
                {
                    var school = new School(step.Change.Urn, details);
                    school.Stamp(user, now, isNew: true);
                    added.Add(school);
                    entries.Add(audit.Created(school, now));
                    continue;
                }
                var held = step.Held ?? throw new InvalidOperationException("A plan step has neither a school nor details.");
                var (before, tokens) = (audit.Snapshot(held), schools.TokensOf(held));
                if (step.Details is { } newDetails) held.UpdateDetails(newDetails);
                else held.MarkClosed(null);
                // Described before the stamp, as a save describes it: the fields that changed, not the version moving on.
                if (audit.Updated(held, before, now) is { } entry) entries.Add(entry);
                held.Stamp(user, now, isNew: false);
                changed.Add((held, tokens));
            }
            await schools.InsertAsync(added, ct);
            await schools.UpdateAsync(changed, ct);
            await auditRows.InsertAsync(entries, ct);
        }
        saved(steps.Count);
    }
}
