using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Voice;

/// <summary>The gap between a group of pupils and the others on one indicator, and whether it is statistically significant.</summary>
public sealed record GroupGap(IndicatorDefinition Indicator, PupilGroup Group, PupilGroup Others, FigureView GroupFigure, FigureView OthersFigure)
{
    /// <summary>The group's figure minus the others'; null when either is hidden or missing.</summary>
    public double? Gap => GroupFigure.Value is { } a && OthersFigure.Value is { } b ? a - b : null;

    /// <summary>The others' figure lies outside the group's confidence interval (as every comparison in SchoolSight is tested).</summary>
    public bool Significant => OthersFigure.Value is { } b && GroupFigure.Lower is { } l && GroupFigure.Upper is { } u && (b < l || b > u);
}

/// <summary>
/// The evidence for one Every Child Matters outcome, from a school's indicators (<see cref="GetSchoolIndicators"/>):
/// the outcome's measures with their benchmarks, the gaps for the groups looked at, and the pupils' and parents' views.
/// The well-being page and the self-evaluation read the same figures.
/// </summary>
public sealed record WellbeingEvidence(EcmOutcome Outcome, IReadOnlyList<IndicatorRow> Measures, IReadOnlyList<GroupGap> Gaps,
    IReadOnlyList<IndicatorRow> PupilViews, IReadOnlyList<IndicatorRow> ParentViews)
{
    public IReadOnlyList<GroupGap> SignificantGaps => [.. Gaps.Where(g => g.Significant)];

    public static WellbeingEvidence For(SchoolIndicatorsView view, EcmOutcome outcome, IReadOnlyList<(PupilGroup Group, PupilGroup Others)> groups)
    {
        var rows = view.Rows.Where(r => r.Indicator.Outcome == outcome).ToList();
        var measures = rows.Where(r => r.Indicator.Kind != IndicatorKind.Perception).ToList();
        var gaps = measures.Where(r => r.Groups.Count > 0)
            .SelectMany(r => groups.Select(g => new GroupGap(r.Indicator, g.Group, g.Others, FigureOf(r, g.Group), FigureOf(r, g.Others))))
            .ToList();
        return new(outcome, measures, gaps,
            [.. rows.Where(r => r.Indicator.Respondents == RespondentType.Pupil)],
            [.. rows.Where(r => r.Indicator.Respondents == RespondentType.Parent)]);
    }

    public static FigureView FigureOf(IndicatorRow row, PupilGroup group) =>
        row.Groups.FirstOrDefault(g => g.Group == group)?.Figure ?? FigureView.None;
}
