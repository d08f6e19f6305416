using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>A locality as other register records refer to it.</summary>
public sealed record LocalityRef(int Id, string Name);

/// <summary>A cluster, network or learning community as other register records refer to it.</summary>
public sealed record ClusterRef(int Id, string Name, ClusterKind Kind);

/// <summary>One school in a locality's or a cluster's list.</summary>
public sealed record SchoolSummary(int Urn, string Name, SchoolPhase Phase, SchoolStatus Status, string? LocalityName, int? NumberOfPupils);

/// <summary>Who last changed a record and when: the user name stored with the record and, when known, the person's name.</summary>
public sealed record LastChange(string? UserName, string? DisplayName, DateTime? At);

internal static class RegisterReads
{
    /// <summary>The signed-in name of a user (the user name stored on records is their email address).</summary>
    public static async Task<LastChange> LastChangeAsync(this AppDbContext db, string? userName, DateTime? at, CancellationToken ct)
    {
        if (userName is null) return new LastChange(null, null, at);
        var name = await db.Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new LastChange(userName, string.IsNullOrWhiteSpace(name) ? null : name, at);
    }
}
