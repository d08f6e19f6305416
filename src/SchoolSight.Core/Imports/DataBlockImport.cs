using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Imports;

/// <param name="Content">The file; read twice (checked, then read), so a one-way stream is copied to a temporary file.</param>
/// <param name="FileName">The name the file was uploaded or given with, as recorded on the import.</param>
public sealed record DataImportRequest(Stream Content, string FileName);

/// <summary>
/// An import of a file of school-year blocks (pupil-level, survey), all or nothing, with the GIAS import's rules:
/// every row is checked first and any problem rejects the file with every problem by line and column, changing nothing.
/// Otherwise each school and academic year in the file replaces the block SchoolSight holds for it (a school-year not in
/// the file is left alone; one whose rows are unchanged is not rewritten), and each block added or replaced is audited
/// (<see cref="DataBlockSaving"/>). Only an LA administrator may import; anyone else is refused (forbidden) with nothing
/// recorded. With a recompute (as the app, API and CLI have it), the indicators of the school-years that changed are
/// recomputed straight after the import. Each kind of file is a declaration of its blocks (<see cref="IDataBlockKind"/>).
/// </summary>
public abstract class DataBlockImport
{
    private readonly AppDbContext _db;
    private readonly IDataBlockKind _kind;
    private readonly Indicators.ComputeIndicators? _compute;
    private readonly ImportTempFolder? _temp;
    private readonly SchoolSightTelemetry? _telemetry;

    private protected DataBlockImport(AppDbContext db, IDataBlockKind kind, Indicators.ComputeIndicators? compute, ImportTempFolder? temp, SchoolSightTelemetry? telemetry)
    {
        _telemetry = telemetry;
        _db = db;
        _kind = kind;
        _compute = compute;
        _temp = temp;
    }

    public async Task<OperationResult<DataImportResult>> RunAsync(DataImportRequest request, CancellationToken ct = default)
    {
        if (ImportAccess.Refusal(_db, Resource.PupilData, _kind.What) is { } refused) return OperationResult<DataImportResult>.Fail(refused);
        var fileName = ImportUpload.FileName(request.FileName);
        return OperationResult<DataImportResult>.Ok(await DataBlockSaving.RunAsync(_db, _kind, fileName, _compute, _telemetry, async record =>
        {
            var held = (await _db.Schools.IgnoreQueryFilters().Select(s => s.Urn).ToListAsync(ct)).ToHashSet();
            using var spool = new BlockSpool(_temp);
            var timings = new DataImportTimings();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var upload = await ImportUpload.OpenAsync(request.Content, spool.Folder, null, ct);
            timings.Add(DataImportPhase.CheckingBytes, started);
            return await DataBlockSaving.ImportAsync(_db, _kind, record, upload, held, spool, timings, ct);
        }, ct));
    }
}
