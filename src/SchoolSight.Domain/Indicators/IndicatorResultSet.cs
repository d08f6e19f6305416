using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Domain.Indicators;

public enum AreaKind
{
    School,
    Locality,
    LocalAuthority,
    England,
}

/// <summary>
/// The computed tallies of every indicator and pupil group for one school or area and one academic year (see ADR 0005),
/// encoded by Core's TalliesCodec. Written by the recompute; <see cref="InputHash"/> records what it was computed from,
/// so a recompute after an import redoes only the school-years whose data changed.
/// </summary>
[NotAuditedOnSave("Figures computed from imported data: the import that brought the data is recorded.")]
public sealed class IndicatorResultSet
{
    private IndicatorResultSet() { AreaCode = ""; Data = []; InputHash = ""; Source = ""; }

    public IndicatorResultSet(AreaKind areaKind, string areaCode, int academicYear, byte[] data, string inputHash, string source, DateTime computedAt)
    {
        AreaKind = areaKind;
        AreaCode = areaCode;
        AcademicYear = academicYear;
        Data = data;
        InputHash = inputHash;
        Source = source;
        ComputedAt = computedAt;
    }

    public AreaKind AreaKind { get; private set; }

    /// <summary>The school's URN, the locality's id, the LA code, or "E92000001" for England.</summary>
    public string AreaCode { get; private set; }
    public int AcademicYear { get; private set; }
    public byte[] Data { get; private set; }
    public string InputHash { get; private set; }

    /// <summary>Where the figures came from: "pupil-level", "published" or both.</summary>
    public string Source { get; private set; }
    public DateTime ComputedAt { get; private set; }

    public const string EnglandCode = Published.AreaCodes.England;

    /// <summary>
    /// The England figures of a synthetic country (the demo's benchmark), kept beside <see cref="EnglandCode"/> and used
    /// for England only while no DfE national figures are held for the year.
    /// </summary>
    public const string SyntheticCountryCode = Published.AreaCodes.England + "-SYN";

    /// <summary>
    /// The <see cref="InputHash"/> of a school-year whose pupil-level and survey data were removed at the end of the
    /// retention period: its figures stay as computed, and a recompute leaves them alone until pupil data is held
    /// for that school-year again.
    /// </summary>
    public const string KeptAfterRetention = "kept: pupil-level data removed after the retention period";
}

/// <summary>A school's similar schools for a year (DOMAIN.md 3.3), with the method that chose them and each one's distance.</summary>
[NotAuditedOnSave("Computed from imported data: the import that brought the data is recorded.")]
public sealed class SimilarSchoolSet : ISchoolOwned
{
    public static Resource Resource => Resource.Indicators;

    private SimilarSchoolSet() { Method = ""; Members = ""; }

    public SimilarSchoolSet(int urn, int academicYear, string method, string members, DateTime computedAt)
    {
        Urn = urn;
        AcademicYear = academicYear;
        Method = method;
        Members = members;
        ComputedAt = computedAt;
    }

    public int Urn { get; private set; }
    public int AcademicYear { get; private set; }
    public string Method { get; private set; }

    /// <summary>"URN:distance" pairs, nearest first, separated by ";".</summary>
    public string Members { get; private set; }
    public DateTime ComputedAt { get; private set; }

    public IReadOnlyList<(int Urn, double Distance)> MemberList() =>
        [.. Members.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(m =>
        {
            var parts = m.Split(':');
            return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        })];
}
