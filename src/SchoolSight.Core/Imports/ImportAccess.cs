using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Imports;

/// <summary>Who may import: the roles the access rules allow to edit what the file holds (an LA administrator). Anyone else is refused with a forbidden error, before anything is read or recorded.</summary>
internal static class ImportAccess
{
    /// <param name="resource">What the file changes.</param>
    /// <param name="what">What the file holds: "establishments", "pupil-level data".</param>
    public static DomainError? Refusal(AppDbContext db, Resource resource, string what) =>
        db.CurrentUser.Role.Allows(resource, ResourceAction.Edit) ? null : CoreErrors.Forbidden($"Only an LA administrator may import {what}.");
}
