using SchoolSight.Core.Indicators;

namespace SchoolSight.Web.Pages.Data;

/// <summary>What the indicator table partial renders: one section of a school's indicators.</summary>
public sealed record IndicatorTableModel(int Urn, int? Year, string Caption, IReadOnlyList<IndicatorRow> Rows, string Id);

/// <summary>What the year picker renders: the years with figures, the one shown, and other query values to keep.</summary>
public sealed record YearPickerModel(IReadOnlyList<int> Years, int? Selected, IReadOnlyDictionary<string, string?> Keep);

/// <summary>Export links for a table: CSV, Excel, and the same "for publication" (always suppressed).</summary>
public sealed record ExportLinksModel(string Path, IReadOnlyDictionary<string, string?> Query, string What);
