using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Sip;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Voice;

/// <summary>
/// "What you told us" for a school's latest survey: the school's own text once saved, otherwise SchoolSight's draft
/// from the report (<see cref="SurveyHeadlines"/>); <see cref="Version"/> is null until the school saves it.
/// </summary>
public sealed record SurveySummaryView(int Urn, string SchoolName, int? AcademicYear, string Text, int? Version, string? UpdatedBy, DateTime? UpdatedAt, bool MayEdit)
{
    public string? Title => AcademicYear is { } y ? Domain.AcademicYear.Format(y) : null;
    public bool IsDraft => Version is null;
    public IReadOnlyList<string> Paragraphs => [.. Text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>Reads a school's "what you told us" (the same people as the survey report), naming who last saved it.</summary>
[Operation]
public sealed class GetSurveySummary(AppDbContext db, GetSurveyReport report, PeopleNames people)
{
    public async Task<OperationResult<SurveySummaryView>> RunAsync(int urn, CancellationToken ct = default)
    {
        var read = await report.RunAsync(urn, ct);
        if (!read.Succeeded) return OperationResult<SurveySummaryView>.Fail(read.Errors);
        var view = read.Value!;
        var mayEdit = db.CurrentUser.Role.Allows(Resource.PupilSurvey, ResourceAction.Run) && view.AcademicYear is not null;
        var saved = view.AcademicYear is { } year
            ? await db.SurveySummaries.AsNoTracking().FirstOrDefaultAsync(s => s.Urn == urn && s.AcademicYear == year, ct)
            : null;
        return OperationResult<SurveySummaryView>.Ok(saved is null
            ? new(urn, view.SchoolName, view.AcademicYear, SurveyHeadlines.Draft(view), null, null, null, mayEdit)
            : new(urn, view.SchoolName, view.AcademicYear, saved.Text, saved.Version, await people.NameAsync(saved.UpdatedBy, ct), saved.UpdatedAt, mayEdit));
    }
}

/// <summary>
/// The school saves its "what you told us" for the survey it read, from the version it saw (none for the first save:
/// the draft was never stored). The school's staff and the LA's officers who run surveys may; audited as every change.
/// </summary>
[Operation]
public sealed class SaveSurveySummary(AppDbContext db)
{
    public const string What = "summary";

    public async Task<OperationResult<int>> RunAsync(int urn, int academicYear, string? text, int? version, CancellationToken ct = default)
    {
        var (actor, refusal) = await db.CheckAsync(urn, Resource.PupilSurvey, ResourceAction.Run, "change what the school tells pupils about its survey", ct);
        if (actor is null) return OperationResult<int>.Fail(refusal!);
        if (!await db.SurveyDataBlocks.AnyAsync(b => b.Urn == urn && b.AcademicYear == academicYear && b.RespondentCount > 0, ct))
            return OperationResult<int>.Fail(CoreErrors.NotFound("survey"));
        var summary = await db.SurveySummaries.FirstOrDefaultAsync(s => s.Urn == urn && s.AcademicYear == academicYear, ct);
        if (summary is not null && version != summary.Version)
            return OperationResult<int>.Fail(db.Conflict(What, summary.UpdatedBy, summary.UpdatedAt));
        if (summary is null && version is not null)
            return OperationResult<int>.Fail(CoreErrors.ChangedMeanwhile("the summary"));
        try
        {
            if (summary is null) db.SurveySummaries.Add(summary = new SurveySummary(urn, academicYear, text ?? ""));
            else
            {
                db.ExpectVersion(summary, summary.Version);
                summary.Change(text);
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        return await db.SaveVersionedAsync(summary, What, () => summary.Version, ct);
    }
}
