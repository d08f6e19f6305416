using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// Leaves out of one year's generated pupil rows every result that could not exist that year: the fields read only by
/// measures the DfE did not publish for it (no key stage 2 progress scores for 2023/24 and 2024/25, no Progress 8 for
/// 2024/25 and 2025/26, no results at all in 2019/20 and 2020/21, no full-year absence for 2019/20), as the catalogue's
/// published years say (<see cref="IndicatorDefinition.NotPublishedIn"/>).
/// </summary>
internal static class UnpublishedResults
{
    public static void Blank(PupilColumns columns, int academicYear, IndicatorCatalogue catalogue)
    {
        var counted = catalogue.Counted.Where(i => i.Kind != IndicatorKind.Perception).ToList();
        var needed = counted.Where(i => i.IsPublishedIn(academicYear)).SelectMany(i => i.PupilFieldsRead).ToHashSet();
        foreach (var field in counted.Where(i => !i.IsPublishedIn(academicYear)).SelectMany(i => i.PupilFieldsRead).Distinct().Where(f => !needed.Contains(f)))
        {
            if (field.Kind == PupilFieldKind.Code) Array.Clear(columns.Codes(field));
            else Array.Fill(columns.Numbers(field), float.NaN);
        }
    }

    /// <summary>The shipped catalogue, which the generator follows whatever catalogue an LA uses.</summary>
    public static IndicatorCatalogue Catalogue => IndicatorCatalogueSource.Default.Catalogue;
}
