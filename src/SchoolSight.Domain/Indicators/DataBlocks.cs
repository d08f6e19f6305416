using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Domain.Indicators;

/// <summary>
/// The pupil-level records of one school for one academic year, stored as one encoded block (see ADR 0005): a national
/// year is about 8 million pupils, far too many for one database row each. Replaced whole when a newer file carries the
/// school and year; <see cref="Sha256"/> of the encoded rows lets an identical re-import change nothing.
/// </summary>
[NotAuditedOnSave("The import audits each block it adds or replaces, without the pupils' rows.")]
public sealed class PupilDataBlock : ISchoolOwned
{
    public static Resource Resource => Resource.PupilData;

    private PupilDataBlock() { Sha256 = ""; Data = []; PupilRefs = []; }

    public PupilDataBlock(int urn, int academicYear, int pupilCount, string sha256, byte[] data, byte[] pupilRefs, long importId, DateTime importedAt)
    {
        Urn = urn;
        AcademicYear = academicYear;
        PupilCount = pupilCount;
        Sha256 = sha256;
        Data = data;
        PupilRefs = pupilRefs;
        ImportId = importId;
        ImportedAt = importedAt;
    }

    public int Urn { get; private set; }

    /// <summary>The calendar year the academic year starts in: 2024 for 2024/25.</summary>
    public int AcademicYear { get; private set; }
    public int PupilCount { get; private set; }
    public string Sha256 { get; private set; }

    /// <summary>The pupils' fields, column by column (Core's PupilBlockCodec).</summary>
    public byte[] Data { get; private set; }

    /// <summary>The pupils' references, kept apart so computing indicators never reads them.</summary>
    public byte[] PupilRefs { get; private set; }
    public long ImportId { get; private set; }
    public DateTime ImportedAt { get; private set; }

    public void Replace(int pupilCount, string sha256, byte[] data, byte[] pupilRefs, long importId, DateTime importedAt)
    {
        PupilCount = pupilCount;
        Sha256 = sha256;
        Data = data;
        PupilRefs = pupilRefs;
        ImportId = importId;
        ImportedAt = importedAt;
    }
}

/// <summary>The perception survey responses of one school for one academic year, as one encoded block.</summary>
[NotAuditedOnSave("The import audits each block it adds or replaces, without the responses.")]
public sealed class SurveyDataBlock : ISchoolOwned
{
    public static Resource Resource => Resource.PupilData;

    private SurveyDataBlock() { Sha256 = ""; Data = []; }

    public SurveyDataBlock(int urn, int academicYear, int respondentCount, string sha256, byte[] data, long importId, DateTime importedAt)
    {
        Urn = urn;
        AcademicYear = academicYear;
        RespondentCount = respondentCount;
        Sha256 = sha256;
        Data = data;
        ImportId = importId;
        ImportedAt = importedAt;
    }

    public int Urn { get; private set; }
    public int AcademicYear { get; private set; }
    public int RespondentCount { get; private set; }
    public string Sha256 { get; private set; }
    public byte[] Data { get; private set; }
    public long ImportId { get; private set; }
    public DateTime ImportedAt { get; private set; }

    public void Replace(int respondentCount, string sha256, byte[] data, long importId, DateTime importedAt)
    {
        RespondentCount = respondentCount;
        Sha256 = sha256;
        Data = data;
        ImportId = importId;
        ImportedAt = importedAt;
    }
}
