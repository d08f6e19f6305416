using SchoolSight.Domain.Auditing;

namespace SchoolSight.Domain.LaIndicators;

/// <summary>Whose figure a row of the DfE's Local Authority Interactive Tool (LAIT) file is: one LA, a region, or England.</summary>
public enum LaIndicatorArea
{
    La,
    Region,
    England,
}

/// <summary>
/// One figure of the DfE's Local Authority Interactive Tool file: a measure, for one year as the DfE names it
/// ("2024", "2022/23", "2025 (prov)"), for one LA, region or England. <see cref="YearOrder"/> is the year's place in
/// the measure's series as the file gives it (oldest first). A figure the DfE does not publish keeps its marker.
/// </summary>
[NotAuditedOnSave("Published LA figures held as given: the import that brought them is their record.")]
public sealed class LaIndicatorFigure
{
    public const int MaxMeasureLength = 40;
    public const int MaxYearLength = 20;
    public const int MaxNameLength = 100;
    public const int MaxMarkerLength = 10;

    private LaIndicatorFigure() { Measure = Year = AreaName = Region = ""; }

    public LaIndicatorFigure(string measure, string year, int yearOrder, LaIndicatorArea area, int areaCode, string areaName, string region,
        decimal? value, string? marker, long importId)
    {
        Measure = measure;
        Year = year;
        YearOrder = yearOrder;
        Area = area;
        AreaCode = areaCode;
        AreaName = areaName;
        Region = region;
        Value = value;
        Marker = marker;
        ImportId = importId;
    }

    public long Id { get; private set; }
    public string Measure { get; private set; }
    public string Year { get; private set; }
    public int YearOrder { get; private set; }
    public LaIndicatorArea Area { get; private set; }

    /// <summary>The LA's three-digit code, or the DfE's code of a region (980–990) or England (970).</summary>
    public int AreaCode { get; private set; }
    public string AreaName { get; private set; }

    /// <summary>An LA's region as the file names it ("South East", "Inner London"); blank for a region or England.</summary>
    public string Region { get; private set; }
    public decimal? Value { get; private set; }
    public string? Marker { get; private set; }
    public long ImportId { get; private set; }
}
