using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Observability;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Surveys;

/// <summary>
/// Imports a pupil and parent perception survey file (docs/imports/surveys.md): one <see cref="SurveyDataBlock"/> per
/// school and academic year, with every rule of <see cref="DataBlockImport"/>. The columns are the questions of the
/// questionnaire in use.
/// </summary>
[Operation]
public sealed class ImportSurveys(AppDbContext db, Indicators.ComputeIndicators? compute = null, ImportTempFolder? temp = null, SchoolSightTelemetry? telemetry = null,
    Indicators.IndicatorCatalogueSource? source = null)
    : DataBlockImport(db, new Blocks(source?.Questionnaire.Questions ?? SurveyFields.Questions), compute, temp, telemetry)
{
    private sealed class Blocks(IReadOnlyList<SurveyQuestion> questions) : IDataBlockKind
    {
        ImportKind IDataBlockKind.Kind => ImportKind.Surveys;
        public string What => "survey responses";
        public string EntityName => nameof(SurveyDataBlock);
        public string RowsName => "Respondents";

        public Task<DataBlockFile> ReadAsync(ImportUpload upload, IReadOnlySet<int> heldUrns, BlockSpool spool, Action<EncodedBlock, byte[], byte[]> closed, CancellationToken ct) =>
            SurveyFileReader.ReadAsync(upload, heldUrns, spool, closed, questions, ct);

        public async Task<Dictionary<SchoolYear, HeldBlock>> HeldAsync(AppDbContext db, IReadOnlyCollection<int> academicYears, CancellationToken ct) =>
            (await db.SurveyDataBlocks.AsNoTracking().Where(b => academicYears.Contains(b.AcademicYear))
                .Select(b => new { b.Urn, b.AcademicYear, b.Sha256, b.RespondentCount, b.ImportId, b.ImportedAt }).ToListAsync(ct))
            .ToDictionary(b => new SchoolYear(b.Urn, b.AcademicYear), b => new HeldBlock(b.Sha256, b.RespondentCount, b.ImportId, b.ImportedAt));

        public Type BlockType => typeof(SurveyDataBlock);

        public object Block(EncodedBlock block, byte[] data, byte[] refs, long importId, DateTime at) =>
            new SurveyDataBlock(block.Key.Urn, block.Key.AcademicYear, block.Rows, block.Sha256, data, importId, at);
    }
}
