using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.LaIndicators;

namespace SchoolSight.Core.LaIndicators;

public sealed record LaIndicatorsImportResult(long ImportId, ImportOutcome Outcome, int RowsRead, int RowsSkipped, int MeasuresSkipped, int Figures,
    int Las, IReadOnlyList<ImportProblem> Errors, int ErrorCount)
{
    public bool Applied => Outcome == ImportOutcome.Applied;
    public string? MoreErrors => ProblemList.More(ErrorCount, Errors.Count);
}

/// <summary>
/// Imports the DfE's Local Authority Interactive Tool file (every LA's, region's and England's figures): all or
/// nothing, the whole file checked first with every problem by line and column (<see cref="LaitFileReader"/>); when
/// it is sound, its headline figures replace those held, in one transaction, so importing the same file again gives
/// the same figures. Recorded as an import and audited; LA administrators only.
/// </summary>
[Operation]
public sealed class ImportLaIndicators(AppDbContext db, ImportTempFolder? temp = null)
{
    private const int SaveBatch = 2000;

    public async Task<OperationResult<LaIndicatorsImportResult>> RunAsync(Stream content, string fileName, IProgress<GiasImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (ImportAccess.Refusal(db, Resource.PublishedData, "published data") is { } refused) return OperationResult<LaIndicatorsImportResult>.Fail(refused);
        var record = await ImportAttempt.StartAsync(db, ImportKind.LaIndicators, ImportUpload.FileName(fileName), db.UtcNow, "", ct);
        return OperationResult<LaIndicatorsImportResult>.Ok(await ImportAttempt.RunAsync(db, record, () => ImportAsync(content, record, progress, ct)));
    }

    private async Task<LaIndicatorsImportResult> ImportAsync(Stream content, ImportRecord record, IProgress<GiasImportProgress>? progress, CancellationToken ct)
    {
        var file = await LaitFileReader.ReadAsync(content, progress, ct, temp);
        record.Checked(file.Check.Sha256);
        var las = file.Rows.Where(r => r.Area == LaIndicatorArea.La).Select(r => r.AreaCode).Distinct().Count();
        record.Covers($"LA indicators: {HeadlineLaIndicators.All.Count} headline measures for {las} LAs, the regions and England; {file.RowsSkipped:N0} rows of {file.MeasuresSkipped} other measures skipped");
        if (file.ErrorCount > 0)
        {
            var first = string.Join("\n", file.Errors.Take(40).Select(e => e.ToString()));
            record.Rejected(file.RowsRead, file.ErrorCount, first.Length > 4000 ? first[..4000] : first);
            await ImportAttempt.SaveAsync(db, record, ct);
            return new(record.Id, record.Outcome, file.RowsRead, file.RowsSkipped, file.MeasuresSkipped, 0, las, file.Errors, file.ErrorCount);
        }

        await ImportAttempt.SaveAsync(db, record, ct);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await ImportAttempt.LockAsync(db, record.Kind, ct);
            var before = await db.LaIndicatorFigures.CountAsync(ct);
            await db.LaIndicatorFigures.ExecuteDeleteAsync(ct);
            for (var done = 0; done < file.Rows.Count; done += SaveBatch)
            {
                progress?.Report(new(GiasImportPhase.Saving, file.RowsRead, done, file.Rows.Count));
                db.LaIndicatorFigures.AddRange(file.Rows.Skip(done).Take(SaveBatch).Select(r =>
                    new LaIndicatorFigure(r.Measure, r.Year, r.YearOrder, r.Area, r.AreaCode, r.AreaName, r.Region, r.Value, r.Marker, record.Id)));
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            record.Applied(file.RowsRead, file.Rows.Count, file.Rows.Count, 0, 0, 0);
            db.Imports.Update(record);
            db.AuditEntries.Add(new AuditEntry(db.UtcNow, db.CurrentUser.UserId, db.CurrentUser.UserName, AuditAction.Imported, nameof(ImportRecord), record.Id.ToString(),
                JsonSerializer.Serialize(new { Kind = record.Kind.ToString(), record.FileName, record.Sha256, record.Scope, file.RowsRead, Figures = file.Rows.Count, Replaced = before })));
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        progress?.Report(new(GiasImportPhase.Done, file.RowsRead, 1, 1));
        return new(record.Id, ImportOutcome.Applied, file.RowsRead, file.RowsSkipped, file.MeasuresSkipped, file.Rows.Count, las, [], 0);
    }
}
