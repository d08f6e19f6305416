using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Pupils;

/// <param name="Content">The file; read twice (checked, then read), so a one-way stream is copied to a temporary file.</param>
public sealed record PupilImportRequest(Stream Content, string FileName);

/// <summary>
/// Imports a pupil-level file (DOMAIN.md 3.1; docs/imports/pupils.md), all or nothing, with the GIAS import's rules:
/// every row is checked first and any problem rejects the file with every problem by line and column, changing nothing.
/// Otherwise each school and academic year in the file replaces the block SchoolSight holds for it (a school-year not in
/// the file is left alone; one whose rows are unchanged is not rewritten). Pupil-level data is sensitive: each block
/// added or replaced is audited. Only an LA administrator may import. The result names the school-years that changed.
/// </summary>
[Operation]
/// <remarks>With <paramref name="compute"/> (as the app, API and CLI have it), the indicators of the school-years that
/// changed are recomputed straight after the import.</remarks>
public sealed class ImportPupils(AppDbContext db, Indicators.ComputeIndicators? compute = null, ImportTempFolder? temp = null, SchoolSightTelemetry? telemetry = null)
{
    public async Task<DataImportResult> RunAsync(PupilImportRequest request, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.PupilData, ResourceAction.Edit))
            throw new UnauthorizedAccessException("Only an LA administrator may import pupil-level data.");
        var fileName = DataBlockSaving.CleanFileName(request.FileName);
        return await DataBlockSaving.RunAsync(db, Kind.Instance, fileName, compute, telemetry, async record =>
        {
            var held = (await db.Schools.IgnoreQueryFilters().Select(s => s.Urn).ToListAsync(ct)).ToHashSet();
            using var spool = new BlockSpool(temp);
            var file = await PupilFileReader.ReadAsync(request.Content, held, spool, ct);
            if (file.ProblemCount > 0)
                return await DataBlockSaving.RejectAsync(db, Kind.Instance, record, file.Check, file.RowsRead, file.Problems, file.ProblemCount, ct);
            return await DataBlockSaving.SaveAsync(db, Kind.Instance, record, file.Check, file.RowsRead, file.Blocks, spool, ct);
        }, ct);
    }

    private sealed class Kind : IDataBlockKind
    {
        public static readonly Kind Instance = new();
        ImportKind IDataBlockKind.Kind => ImportKind.Pupils;
        public string EntityName => nameof(PupilDataBlock);
        public string RowsName => "Pupils";

        public async Task<Dictionary<SchoolYear, (string Sha256, int Rows)>> HeldAsync(AppDbContext db, IReadOnlyCollection<int> academicYears, CancellationToken ct) =>
            (await db.PupilDataBlocks.AsNoTracking().Where(b => academicYears.Contains(b.AcademicYear))
                .Select(b => new { b.Urn, b.AcademicYear, b.Sha256, b.PupilCount }).ToListAsync(ct))
            .ToDictionary(b => new SchoolYear(b.Urn, b.AcademicYear), b => (b.Sha256, b.PupilCount));

        public void Add(AppDbContext db, EncodedBlock block, byte[] data, byte[] refs, long importId, DateTime at) =>
            db.PupilDataBlocks.Add(new PupilDataBlock(block.Key.Urn, block.Key.AcademicYear, block.Rows, block.Sha256, data, refs, importId, at));

        public void Replace(AppDbContext db, EncodedBlock block, byte[] data, byte[] refs, long importId, DateTime at) =>
            db.PupilDataBlocks.Update(new PupilDataBlock(block.Key.Urn, block.Key.AcademicYear, block.Rows, block.Sha256, data, refs, importId, at));
    }
}
