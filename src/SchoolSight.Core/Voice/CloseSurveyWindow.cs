using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Voice;

/// <summary>
/// Closes a survey before its last day: the LA's officers for any school, a school's own users for their school.
/// From then on its codes are refused, and answers started but not sent are not counted. Made from the version the
/// person saw: a survey changed since is not closed, and the message says who changed it.
/// </summary>
[Operation]
public sealed class CloseSurveyWindow(AppDbContext db)
{
    public const string What = "survey";

    /// <returns>The survey's new version.</returns>
    public async Task<OperationResult<int>> RunAsync(long windowId, int version, CancellationToken ct = default)
    {
        var window = await db.SurveyWindows.FirstOrDefaultAsync(w => w.Id == windowId, ct);
        if (window is null) return OperationResult<int>.Fail(CoreErrors.NotFound(What));
        var user = db.CurrentUser;
        if (!user.Role.Allows(user.Scope, Resource.PupilSurvey, ResourceAction.Run, window.Urn))
            return OperationResult<int>.Fail(CoreErrors.Forbidden($"You cannot close a survey of school {window.Urn}."));
        if (window.Version != version) return OperationResult<int>.Fail(db.Conflict(What, window.UpdatedBy, window.UpdatedAt));

        db.ExpectVersion(window, version);
        try
        {
            window.Close(db.Today());
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        return await db.SaveVersionedAsync(window, What, () => window.Version, ct);
    }
}
