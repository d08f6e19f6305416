using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.HealthySchools;

/// <summary>A figure the data gives for an outcome or priority: its value and confidence interval, for one academic year.</summary>
public sealed record DataFigure(string IndicatorId, string IndicatorName, PupilGroup Group, int AcademicYear, double Value, double? Lower, double? Upper);

/// <summary>
/// Reads the figures outcomes are measured by from the school's indicators as <see cref="GetSchoolIndicators"/> shows
/// them to the person asking (small numbers stay suppressed for those who may not see them: no figure then).
/// </summary>
[Operation]
public sealed class OutcomeFigures(GetSchoolIndicators indicators)
{
    public async Task<DataFigure?> LatestAsync(int urn, string indicatorId, PupilGroup group, CancellationToken ct = default) =>
        Find(await indicators.RunAsync(urn, ct: ct), indicatorId, group);

    public static DataFigure? Find(SchoolIndicatorsView? view, string indicatorId, PupilGroup group)
    {
        if (view?.AcademicYear is not { } year || view.Rows.FirstOrDefault(r => r.Indicator.Id == indicatorId) is not { } row) return null;
        var figure = group == PupilGroup.All ? row.School : row.Groups.FirstOrDefault(g => g.Group == group)?.Figure;
        return figure?.Value is { } value ? new DataFigure(indicatorId, row.Indicator.Name, group, year, value, figure.Lower, figure.Upper) : null;
    }
}
