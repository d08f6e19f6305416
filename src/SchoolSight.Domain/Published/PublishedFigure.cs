using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Indicators;
namespace SchoolSight.Domain.Published;

/// <summary>
/// One figure from a Department for Education published school-level file, as the DfE gave it: a school's, an LA's
/// or England's value of one column for one academic year, e.g. <c>KS2.PTRWM_EXP</c> = 68 for LA 850 in 2018.
/// Percentages are numbers from 0 to 100. A figure the DfE did not publish as a number keeps the DfE's marker instead
/// (<c>SUPP</c>, <c>NE</c>, <c>NP</c>…, see <c>PublishedMarkers</c>), so "suppressed" is never mistaken for "none".
/// Not pupil-level data: the import that brought it (<see cref="ImportId"/>) is its record.
/// </summary>
[NotAuditedOnSave("Published figures, as given: the import that brought them is their record.")]
public sealed class PublishedFigure
{
    private PublishedFigure() { AreaCode = ""; Measure = ""; }

    public PublishedFigure(AreaKind areaKind, string areaCode, int academicYear, string measure, decimal? value, string? marker, long importId)
    {
        if (value is null == marker is null) throw new ArgumentException("A published figure has either a value or a marker.");
        AreaKind = areaKind;
        AreaCode = areaCode;
        AcademicYear = academicYear;
        Measure = measure;
        Value = value;
        Marker = marker;
        ImportId = importId;
    }

    public long Id { get; private set; }
    public AreaKind AreaKind { get; private set; }

    /// <summary>URN for a school, DfE LA code for an LA, <see cref="AreaCodes.England"/> (or a variant) for England.</summary>
    public string AreaCode { get; private set; }

    /// <summary>The calendar year the academic year starts in: 2018 for 2018/19.</summary>
    public int AcademicYear { get; private set; }

    /// <summary>"&lt;SOURCE&gt;.&lt;DfE column&gt;", e.g. <c>KS4.P8MEA</c>.</summary>
    public string Measure { get; private set; }
    public decimal? Value { get; private set; }
    public string? Marker { get; private set; }
    public long ImportId { get; private set; }

    public const int MaxAreaCodeLength = 20;
    public const int MaxMeasureLength = 80;
    public const int MaxMarkerLength = 10;
}
