using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <param name="Content">The file; read twice (checked, then read), so a one-way stream is copied to a temporary file.</param>
/// <param name="FileName">The name the file was uploaded or given with, as recorded on the import.</param>
/// <param name="Localities">The LA's localities for its schools (a mapping file or a column of the GIAS file); null leaves localities alone.</param>
public sealed record GiasImportRequest(Stream Content, string FileName, GiasImportScope Scope, GiasLocalities? Localities = null);

/// <summary>
/// Imports a GIAS establishment file (DOMAIN.md 3.1), all or nothing. The whole file is read and checked first;
/// any problem rejects it, listing every problem by line and column, and no school is changed. Otherwise, in one
/// transaction: new URNs are added, changed GIAS fields updated, schools of the kept LAs that the file marks closed or
/// no longer lists are marked closed (never deleted), each LA asked for is registered if SchoolSight does not hold it,
/// and the schools are put in the localities given (if any; clusters and, without them, localities are left alone).
/// Establishments SchoolSight does not monitor (<see cref="EstablishmentTypes"/>) are skipped and counted by type.
/// Importing the same file again changes nothing. Only an LA administrator may import; anyone else is refused (forbidden). Every attempt is recorded as an <see cref="ImportRecord"/> before the
/// file is read (an attempt whose process stopped shows as one that did not finish), and two imports run one after the other.
/// </summary>
[Operation]
public sealed class ImportGias(AppDbContext db, ImportTempFolder? temp = null, SchoolSightTelemetry? telemetry = null)
{
    private const int ErrorsKeptOnRecord = 40;
    private const int FirstErrorsLength = 4000;

    /// <summary>The import's outcome (applied, or rejected with every problem); forbidden to anyone but an LA administrator.</summary>
    public async Task<OperationResult<GiasImportResult>> RunAsync(GiasImportRequest request, IProgress<GiasImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (ImportAccess.Refusal(db, Resource.School, "establishments") is { } refused) return OperationResult<GiasImportResult>.Fail(refused);

        var scope = request.Scope;
        var record = await ImportAttempt.StartAsync(db, ImportKind.Gias, ImportUpload.FileName(request.FileName), db.UtcNow, scope.Describe(), ct, telemetry);
        return OperationResult<GiasImportResult>.Ok(await ImportAttempt.RunAsync(db, record, () => ImportAsync(request, record, progress, ct), telemetry));
    }

    private async Task<GiasImportResult> ImportAsync(GiasImportRequest request, ImportRecord record, IProgress<GiasImportProgress>? progress, CancellationToken ct)
    {
        var scope = request.Scope;
        // The schools the import may change, loaded once (no query per row): those of the kept LAs.
        var heldUrns = (await HeldSchools(scope).Select(s => s.Urn).ToListAsync(ct)).ToHashSet();
        var (mapping, mappingProblems) = request.Localities?.MappingFile is { } mappingFile
            ? await GiasLocalities.ReadMappingAsync(mappingFile, ct)
            : (new Dictionary<int, string>(), new ProblemList());
        var file = await GiasFileReader.ReadAsync(request.Content, new GiasReadOptions(scope)
        {
            HeldUrns = heldUrns,
            MaxLengths = GiasReadOptions.MaxLengthsOf(db.Model),
            TempFolder = temp ?? ImportTempFolder.Default,
            LocalityColumn = request.Localities?.Column,
        }, progress, ct);

        record.Checked(file.Check.Sha256);
        var fileErrors = file.ErrorCount > 0 ? file.Errors : MissingLas(scope, file);
        var errorCount = Math.Max(file.ErrorCount, fileErrors.Count) + mappingProblems.Count;
        if (errorCount > 0)
            return await RejectAsync(record, file, [.. fileErrors.Concat(mappingProblems.Listed()).Take(ProblemList.MaxListed)], errorCount, ct);
        var localities = LocalitiesOfRows(file, request.Localities?.MappingFile is null ? file.LocalityByUrn : mapping, out var notInFile);
        await ImportAttempt.SaveAsync(db, record, ct);

        progress?.Report(new(GiasImportPhase.Comparing, file.RowsRead, file.Check.Length, file.Check.Length));
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // One transaction, saved a batch at a time: a national file's 50,000 tracked schools and their audit rows
            // would otherwise all be held in memory at once. A failure in any batch rolls back every one. It starts by
            // taking the GIAS import's lock, and reads the schools to compare with only then, so that two imports run
            // one after the other and the second compares with what the first saved.
            GiasImportPlan plan;
            var setup = GiasLaSetupResult.None;
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await ImportAttempt.LockAsync(db, ImportKind.Gias, ct);
                var (held, unchanged) = await GiasHeldSchools.ReadAsync(db, file, scope.AllLas ? null : scope.LaCodes, ct);
                if (!scope.AllLas)
                {
                    // A row of a kept LA whose URN SchoolSight holds under another LA (the school moved in) is updated, not added.
                    var newUrns = file.Rows.Select(r => r.Urn).Where(u => !unchanged.Contains(u) && !held.ContainsKey(u)).ToList();
                    if (newUrns.Count > 0)
                        foreach (var school in await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => newUrns.Contains(s.Urn)).ToListAsync(ct))
                            held[school.Urn] = school;
                }
                plan = GiasImportPlan.Make(file, held, unchanged, scope);
                record.Applied(file.RowsRead, file.RowsInScope, plan.Count(GiasChangeKind.Added), plan.Count(GiasChangeKind.Updated),
                    plan.Count(GiasChangeKind.Closed), plan.Unchanged);
                await GiasBulkSave.SaveAsync(db, plan.Steps, done => progress?.Report(new(GiasImportPhase.Saving, file.RowsRead, done, plan.Steps.Count)), ct);
                var lasRegistered = await GiasLaSetup.RegisterLasAsync(db, scope, file, ct);
                var (localitiesCreated, placed) = await GiasLaSetup.PlaceInLocalitiesAsync(db, localities, ct);
                setup = new GiasLaSetupResult(lasRegistered, localitiesCreated, placed);
                db.Imports.Update(record);
                await db.SaveChangesAsync(ct);
                db.AuditEntries.Add(new AuditEntry(db.UtcNow, db.CurrentUser.UserId, db.CurrentUser.UserName, AuditAction.Imported,
                    nameof(ImportRecord), record.Id.ToString(), JsonSerializer.Serialize(new
                    {
                        Kind = record.Kind.ToString(),
                        record.FileName,
                        record.Sha256,
                        record.Scope,
                        record.RowsRead,
                        record.RowsInScope,
                        record.Added,
                        record.Updated,
                        record.Closed,
                        record.Unchanged,
                        Notices = file.Notices.Select(n => n.ToString()),
                        Skipped = file.Skipped.Select(s => s.ToString()),
                        setup.LasRegistered,
                        setup.LocalitiesCreated,
                        setup.PlacedInLocalities,
                    })));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            progress?.Report(new(GiasImportPhase.Done, file.RowsRead, plan.Steps.Count, plan.Steps.Count));
            return Result(record, file, [], plan.Changes) with { Setup = setup, LocalityUrnsNotImported = notInFile };
        }
        catch (DbUpdateException e)
        {
            // Rolled back: nothing of the import was saved. Record the attempt as rejected.
            db.ChangeTracker.Clear();
            var problem = e is DbUpdateConcurrencyException
                ? "another change to one of these schools was saved while the file was being imported, so nothing was imported: import the file again"
                : $"the database refused the changes, so nothing was imported: {e.GetBaseException().Message}";
            return await RejectAsync(record, file, [new ImportProblem(null, null, problem)], 1, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>The locality of each school the import registers; <paramref name="notImported"/> counts the URNs given that it does not.</summary>
    private static Dictionary<int, string> LocalitiesOfRows(GiasFile file, IReadOnlyDictionary<int, string> byUrn, out int notImported)
    {
        var rows = file.Rows.Select(r => r.Urn).ToHashSet();
        var kept = byUrn.Where(p => rows.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        notImported = byUrn.Count - kept.Count;
        return kept;
    }

    private IQueryable<School> HeldSchools(GiasImportScope scope)
    {
        var schools = db.Schools.IgnoreQueryFilters().AsNoTracking();
        if (scope.AllLas) return schools;
        var codes = scope.LaCodes.ToList();
        return schools.Where(s => codes.Contains(s.Details.LaCode));
    }

    /// <summary>Each LA asked for must be in the file: a wrong code or the wrong file would otherwise close all its schools.</summary>
    private static List<ImportProblem> MissingLas(GiasImportScope scope, GiasFile file) =>
        scope.AllLas ? [] : [.. scope.LaCodes.Order().Where(code => !file.LaCodesInFile.Contains(code)).Select(code =>
            new ImportProblem(null, GiasColumns.LaCode.Header,
                $"no establishment in the file has LA code {code}: check that this is the right file and the right LA code (no school has been closed)"))];

    /// <param name="errorCount">Every problem, counted; <paramref name="errors"/> lists the first of them.</param>
    private async Task<GiasImportResult> RejectAsync(ImportRecord record, GiasFile file, IReadOnlyList<ImportProblem> errors, int errorCount, CancellationToken ct)
    {
        record.Rejected(file.RowsRead, errorCount, FirstErrors(errors));
        await ImportAttempt.SaveAsync(db, record, ct);
        return Result(record, file, errors, []) with { ErrorCount = errorCount };
    }

    /// <summary>As many whole problems, one a line, as the record keeps (4,000 characters).</summary>
    private static string FirstErrors(IReadOnlyList<ImportProblem> errors)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in errors.Take(ErrorsKeptOnRecord).Select(e => e.ToString()))
        {
            if (text.Length + line.Length + 1 > FirstErrorsLength) break;
            text.Append(text.Length == 0 ? "" : "\n").Append(line);
        }
        return text.Length > 0 ? text.ToString() : errors[0].ToString()[..Math.Min(FirstErrorsLength, errors[0].ToString().Length)];
    }

    private static GiasImportResult Result(ImportRecord record, GiasFile file, IReadOnlyList<ImportProblem> errors, IReadOnlyList<GiasSchoolChange> changes) => new()
    {
        ImportId = record.Id,
        Outcome = record.Outcome,
        FileName = record.FileName,
        Sha256 = record.Sha256,
        Scope = record.Scope,
        Encoding = file.Check.EncodingName,
        RowsRead = record.RowsRead,
        RowsInScope = record.RowsInScope,
        Added = record.Added,
        Updated = record.Updated,
        Closed = record.Closed,
        Unchanged = record.Unchanged,
        Errors = errors,
        Notices = errors.Count == 0 ? file.Notices : [],
        NoticeCount = errors.Count == 0 ? file.NoticeCount : 0,
        ColumnsNotInFile = [.. file.ColumnsNotInFile.Select(c => c.Header)],
        Skipped = errors.Count == 0 ? file.Skipped : [],
        Changes = changes,
    };
}
