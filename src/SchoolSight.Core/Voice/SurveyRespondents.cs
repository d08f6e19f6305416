using SchoolSight.Core.Data;
using SchoolSight.Core.Time;

namespace SchoolSight.Core.Voice;

/// <summary>
/// Pupils and parents answer without signing in. What they do is done by a named system user (the audit trail's
/// "Online survey"), through the survey operations only, which reach nothing but the code they were given.
/// </summary>
[Operation]
public sealed class SurveyRespondents(IAppDbContextSource contexts, LaClock clock)
{
    public static ICurrentUser Acting { get; } = new FixedCurrentUser("Online survey");

    /// <summary>A context acting as the online survey; the caller disposes it.</summary>
    public AppDbContext Open() => contexts.Open(Acting, clock);
}
