using System.Text.Json;
using SchoolSight.Core.Data;

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
        db.RequireActingUser();
        // Written with the reads of other requests in one transaction, and committed before the figures are served.
        await ReadAuditWriter.WriteAsync(db, db.ReadEntry(entityType, entityKey, schoolUrn, detail)).WaitAsync(ct);
    }
}
