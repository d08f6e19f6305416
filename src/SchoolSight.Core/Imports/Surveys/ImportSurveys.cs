using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Surveys;

/// <param name="Content">The file; read twice (checked, then read), so a one-way stream is copied to a temporary file.</param>
public sealed record SurveyImportRequest(Stream Content, string FileName);

/// <summary>
/// Imports a pupil and parent perception survey file (DOMAIN.md 3.1; docs/imports/surveys.md), all or nothing, with the
/// same rules as <see cref="Pupils.ImportPupils"/>: every problem by line and column and nothing changed, or each school and
/// academic year in the file replacing SchoolSight's responses for it (unchanged ones not rewritten), each block added or
/// replaced audited. Only an LA administrator may import. The result names the school-years that changed.
/// </summary>
[Operation]
/// <remarks>With <paramref name="compute"/> (as the app, API and CLI have it), the indicators of the school-years that
/// changed are recomputed straight after the import.</remarks>
public sealed class ImportSurveys(AppDbContext db, Indicators.ComputeIndicators? compute = null, ImportTempFolder? temp = null, SchoolSightTelemetry? telemetry = null)
{
    public async Task<DataImportResult> RunAsync(SurveyImportRequest request, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.PupilData, ResourceAction.Edit))
            throw new UnauthorizedAccessException("Only an LA administrator may import survey responses.");
        var fileName = DataBlockSaving.CleanFileName(request.FileName);
        return await DataBlockSaving.RunAsync(db, Kind.Instance, fileName, compute, telemetry, async record =>
        {
            var held = (await db.Schools.IgnoreQueryFilters().Select(s => s.Urn).ToListAsync(ct)).ToHashSet();
            using var spool = new BlockSpool(temp);
            var file = await SurveyFileReader.ReadAsync(request.Content, held, spool, ct);
            if (file.ProblemCount > 0)
                return await DataBlockSaving.RejectAsync(db, Kind.Instance, record, file.Check, file.RowsRead, file.Problems, file.ProblemCount, ct);
            return await DataBlockSaving.SaveAsync(db, Kind.Instance, record, file.Check, file.RowsRead, file.Blocks, spool, ct);
        }, ct);
    }

    private sealed class Kind : IDataBlockKind
    {
        public static readonly Kind Instance = new();
        ImportKind IDataBlockKind.Kind => ImportKind.Surveys;
        public string EntityName => nameof(SurveyDataBlock);
        public string RowsName => "Respondents";

        public async Task<Dictionary<SchoolYear, (string Sha256, int Rows)>> HeldAsync(AppDbContext db, IReadOnlyCollection<int> academicYears, CancellationToken ct) =>
            (await db.SurveyDataBlocks.AsNoTracking().Where(b => academicYears.Contains(b.AcademicYear))
                .Select(b => new { b.Urn, b.AcademicYear, b.Sha256, b.RespondentCount }).ToListAsync(ct))
            .ToDictionary(b => new SchoolYear(b.Urn, b.AcademicYear), b => (b.Sha256, b.RespondentCount));

        public void Add(AppDbContext db, EncodedBlock block, byte[] data, byte[] refs, long importId, DateTime at) =>
            db.SurveyDataBlocks.Add(new SurveyDataBlock(block.Key.Urn, block.Key.AcademicYear, block.Rows, block.Sha256, data, importId, at));

        public void Replace(AppDbContext db, EncodedBlock block, byte[] data, byte[] refs, long importId, DateTime at) =>
            db.SurveyDataBlocks.Update(new SurveyDataBlock(block.Key.Urn, block.Key.AcademicYear, block.Rows, block.Sha256, data, importId, at));
    }
}
