using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Core.Auditing;

/// <summary>
/// The one way a read of unsuppressed figures built from pupil-level or survey data is audited: who (the current user),
/// which school (or area), which figures and through which page, API call or export. Reads of published, suppressed or
/// LA-level figures are not recorded.
/// </summary>
public static class PupilLevelReads
{
    public const string SchoolFigures = "SchoolIndicators";
    public const string AreaFigures = "AreaIndicator";

    /// <summary>Whether a stored result set was built from pupil-level or survey data (rather than only published figures).</summary>
    public static bool FromPupilData(string source) =>
        source.Contains("pupil-level", StringComparison.Ordinal) || source.Contains("survey", StringComparison.Ordinal);

    public static async Task RecordAsync(AppDbContext db, string entityType, string entityKey, int? schoolUrn, string figures, CancellationToken ct)
    {
        var detail = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Figures"] = figures,
            ["Via"] = db.CurrentUser.Via ?? "SchoolSight",
        });
        var user = db.CurrentUser;
        if (!user.IsSomeone())
            throw new InvalidOperationException("Nothing can be saved without an acting user: a request's signed-in user, or a named system user.");
        // Written with the reads of other requests in one transaction, and committed before the figures are served.
        await ReadAuditWriter.WriteAsync(db, new AuditEntry(db.UtcNow, user.UserId, user.UserName, AuditAction.Read, entityType, entityKey, detail, schoolUrn))
            .WaitAsync(ct);
    }
}
