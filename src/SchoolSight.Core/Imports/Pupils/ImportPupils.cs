using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Pupils;

/// <summary>
/// Imports a pupil-level file (docs/imports/pupils.md): one <see cref="PupilDataBlock"/> per school and academic year,
/// with every rule of <see cref="DataBlockImport"/>. Pupil-level data is sensitive: each block added or replaced is audited.
/// </summary>
[Operation]
public sealed class ImportPupils(AppDbContext db, Indicators.ComputeIndicators? compute = null, ImportTempFolder? temp = null, SchoolSightTelemetry? telemetry = null)
    : DataBlockImport(db, Blocks.Instance, compute, temp, telemetry)
{
    private sealed class Blocks : IDataBlockKind
    {
        public static readonly Blocks Instance = new();
        ImportKind IDataBlockKind.Kind => ImportKind.Pupils;
        public string What => "pupil-level data";
        public string EntityName => nameof(PupilDataBlock);
        public string RowsName => "Pupils";

        public Task<DataBlockFile> ReadAsync(ImportUpload upload, IReadOnlySet<int> heldUrns, BlockSpool spool, Action<EncodedBlock, byte[], byte[]> closed, CancellationToken ct) =>
            PupilFileReader.ReadAsync(upload, heldUrns, spool, closed, ct);

        public async Task<Dictionary<SchoolYear, HeldBlock>> HeldAsync(AppDbContext db, IReadOnlyCollection<int> academicYears, CancellationToken ct) =>
            (await db.PupilDataBlocks.AsNoTracking().Where(b => academicYears.Contains(b.AcademicYear))
                .Select(b => new { b.Urn, b.AcademicYear, b.Sha256, b.PupilCount, b.ImportId, b.ImportedAt }).ToListAsync(ct))
            .ToDictionary(b => new SchoolYear(b.Urn, b.AcademicYear), b => new HeldBlock(b.Sha256, b.PupilCount, b.ImportId, b.ImportedAt));

        public Type BlockType => typeof(PupilDataBlock);

        public object Block(EncodedBlock block, byte[] data, byte[] refs, long importId, DateTime at) =>
            new PupilDataBlock(block.Key.Urn, block.Key.AcademicYear, block.Rows, block.Sha256, data, refs, importId, at);
    }
}
