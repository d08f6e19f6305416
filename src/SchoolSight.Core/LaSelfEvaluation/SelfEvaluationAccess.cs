using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.LaSelfEvaluation;

/// <summary>Who may read and rate the LA's self-evaluation (<see cref="Resource.LaSelfEvaluation"/>): a forbidden error for anyone else.</summary>
internal static class SelfEvaluationAccess
{
    public static DomainError? Refusal(AppDbContext db, ResourceAction action) =>
        db.CurrentUser.Role.Allows(Resource.LaSelfEvaluation, action) ? null
        : CoreErrors.Forbidden(action == ResourceAction.Read
            ? "Only the LA's school improvement officers may see the LA's self-evaluation."
            : "Only the senior management team and the quality assurance manager may rate the LA's self-evaluation.");
}
