using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Retention;

/// <param name="PupilDataYears">How many academic years are kept before the current one (<see cref="RetentionOptions.PupilDataYears"/>).</param>
/// <param name="DryRun">Only say what would be removed.</param>
public sealed record RetentionRequest(int PupilDataYears, bool DryRun = false);

/// <summary>The pupil-level and survey blocks of one academic year that were (or, on a dry run, would be) removed.</summary>
public sealed record RetiredYear(int AcademicYear, int PupilBlocks, int Pupils, int SurveyBlocks, int Respondents);

public sealed record RetentionResult(int OldestYearKept, IReadOnlyList<RetiredYear> Years, bool DryRun)
{
    public int PupilBlocks => Years.Sum(y => y.PupilBlocks);
    public int SurveyBlocks => Years.Sum(y => y.SurveyBlocks);
}

/// <summary>
/// Removes pupil-level data held longer than the LA's retention period: every pupil and survey block of an academic
/// year before the current one minus <see cref="RetentionRequest.PupilDataYears"/>. The indicators are first brought
/// up to date for those years, and the figures computed from the removed blocks stay (marked
/// <see cref="IndicatorResultSet.KeptAfterRetention"/>, so a later recompute keeps them). Each block removed is one
/// audit entry (entity PupilDataBlock or SurveyDataBlock, key URN/year), and the run one more, with its counts, all in
/// one transaction. Run by the web app's retention job and by <c>schoolsight retention run</c>.
/// </summary>
[Operation]
public sealed class ApplyRetention(AppDbContext db, ComputeIndicators compute)
{
    public const string RunEntity = "Retention";

    public async Task<RetentionResult> RunAsync(RetentionRequest request, CancellationToken ct = default)
    {
        if (request.PupilDataYears < 0) throw new ArgumentOutOfRangeException(nameof(request), "The retention period cannot be negative.");
        var oldestKept = AcademicYear.Of(db.Today()) - request.PupilDataYears;
        var pupils = await db.PupilDataBlocks.AsNoTracking().Where(b => b.AcademicYear < oldestKept)
            .Select(b => new { b.Urn, b.AcademicYear, Rows = b.PupilCount }).ToListAsync(ct);
        var surveys = await db.SurveyDataBlocks.AsNoTracking().Where(b => b.AcademicYear < oldestKept)
            .Select(b => new { b.Urn, b.AcademicYear, Rows = b.RespondentCount }).ToListAsync(ct);
        var years = pupils.Select(b => b.AcademicYear).Concat(surveys.Select(b => b.AcademicYear)).Distinct().Order()
            .Select(y => new RetiredYear(y,
                pupils.Count(b => b.AcademicYear == y), pupils.Where(b => b.AcademicYear == y).Sum(b => b.Rows),
                surveys.Count(b => b.AcademicYear == y), surveys.Where(b => b.AcademicYear == y).Sum(b => b.Rows)))
            .ToList();
        var result = new RetentionResult(oldestKept, years, request.DryRun);
        if (request.DryRun || years.Count == 0) return result;

        // The figures that stay must be the ones the data gives: compute what has not been computed yet.
        await compute.RunAsync(new ComputeRequest(Years: [.. years.Select(y => y.AcademicYear)]), ct: ct);
        db.ChangeTracker.Clear();

        var now = db.UtcNow;
        var user = db.CurrentUser;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var year in years)
        {
            var yearPupils = pupils.Where(b => b.AcademicYear == year.AcademicYear).ToList();
            var yearSurveys = surveys.Where(b => b.AcademicYear == year.AcademicYear).ToList();
            var codes = yearPupils.Select(b => b.Urn).Concat(yearSurveys.Select(b => b.Urn)).Distinct().Select(u => u.ToString()).ToList();
            await db.IndicatorResults
                .Where(r => r.AreaKind == AreaKind.School && r.AcademicYear == year.AcademicYear && codes.Contains(r.AreaCode))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.InputHash, IndicatorResultSet.KeptAfterRetention), ct);
            await db.PupilDataBlocks.Where(b => b.AcademicYear == year.AcademicYear).ExecuteDeleteAsync(ct);
            await db.SurveyDataBlocks.Where(b => b.AcademicYear == year.AcademicYear).ExecuteDeleteAsync(ct);

            foreach (var block in yearPupils)
                db.AuditEntries.Add(Removed(now, nameof(PupilDataBlock), block.Urn, block.AcademicYear, "pupils", block.Rows, request.PupilDataYears));
            foreach (var block in yearSurveys)
                db.AuditEntries.Add(Removed(now, nameof(SurveyDataBlock), block.Urn, block.AcademicYear, "respondents", block.Rows, request.PupilDataYears));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        db.AuditEntries.Add(new AuditEntry(now, user.UserId, user.UserName, AuditAction.Deleted, RunEntity,
            $"before {AcademicYear.Format(oldestKept)}", JsonSerializer.Serialize(new
            {
                request.PupilDataYears,
                OldestYearKept = AcademicYear.Format(oldestKept),
                Years = years.Select(y => new { AcademicYear = AcademicYear.Format(y.AcademicYear), y.PupilBlocks, y.Pupils, y.SurveyBlocks, y.Respondents }),
                IndicatorsKept = true,
            })));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;

        AuditEntry Removed(DateTime at, string entity, int urn, int academicYear, string rowsName, int rows, int keptYears) =>
            new(at, user.UserId, user.UserName, AuditAction.Deleted, entity, new Imports.SchoolYear(urn, academicYear).ToString(),
                JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["AcademicYear"] = AcademicYear.Format(academicYear),
                    [rowsName] = new object?[] { rows, null },
                    ["Reason"] = $"Older than the retention period (the current academic year and the {keptYears} before it)",
                }), urn);
    }
}
