using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Imports;

/// <summary>Who may import: an LA administrator, and no one else. Anyone else is refused with a forbidden error, before anything is read or recorded.</summary>
internal static class ImportAccess
{
    /// <param name="what">What the file holds: "establishments", "pupil-level data".</param>
    public static DomainError? Refusal(AppDbContext db, string what) =>
        db.CurrentUser.Role == Role.LaAdministrator ? null : CoreErrors.Forbidden($"Only an LA administrator may import {what}.");
}
