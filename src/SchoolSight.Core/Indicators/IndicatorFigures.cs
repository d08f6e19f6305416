using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators;

/// <summary>
/// Any indicator's figure for an area and pupil group, including the derived ones: a group view reads the base
/// indicator's group; a gap subtracts the group's figure from the comparison group's (nationally for the FSM gap, as
/// seed 003 specifies, so local deprivation is not a factor).
/// </summary>
public sealed class IndicatorFigures(IndicatorComputer computer, IndicatorTallies? england)
{
    public IndicatorValue? Value(IndicatorDefinition indicator, IndicatorTallies? tallies, PupilGroup group = PupilGroup.All)
    {
        if (tallies is null) return null;
        switch (indicator.Kind)
        {
            case IndicatorKind.GroupView:
                return Counted(computer.Catalogue[indicator.BaseIndicator!], tallies, indicator.Group);
            case IndicatorKind.Gap:
                {
                    var baseIndicator = computer.Catalogue[indicator.BaseIndicator!];
                    var mine = Counted(baseIndicator, tallies, indicator.Group);
                    var other = Counted(baseIndicator, indicator.ComparedWithNational ? england : tallies, indicator.ComparedWithGroup!.Value);
                    if (mine is null || other is null) return null;
                    var gap = other.Value - mine.Value;
                    // The gap's interval combines both figures' (the national one's is negligible).
                    var se = indicator.ComparedWithNational
                        ? mine.StandardError
                        : mine.StandardError is { } a && other.StandardError is { } b ? Math.Sqrt(a * a + b * b) : null;
                    return new IndicatorValue(gap, mine.Numerator, mine.Denominator, mine.Pupils,
                        se is { } s ? gap - 1.959964 * s : null, se is { } s2 ? gap + 1.959964 * s2 : null);
                }
            default:
                return Counted(indicator, tallies, group);
        }
    }

    private IndicatorValue? Counted(IndicatorDefinition indicator, IndicatorTallies? tallies, PupilGroup group)
    {
        if (tallies is null) return null;
        var slot = tallies.SlotOf(indicator.Id);
        return slot < 0 ? null : IndicatorValue.From(indicator, tallies[slot, group], tallies.Histograms[slot], group);
    }

    /// <summary>The tally behind a figure (for suppression): the counted indicator's, or the group's for a derived one.</summary>
    public Tally TallyOf(IndicatorDefinition indicator, IndicatorTallies? tallies, PupilGroup group = PupilGroup.All)
    {
        if (tallies is null) return default;
        var (id, g) = indicator.Kind is IndicatorKind.GroupView or IndicatorKind.Gap ? (indicator.BaseIndicator!, indicator.Group) : (indicator.Id, group);
        var slot = tallies.SlotOf(id);
        return slot < 0 ? default : tallies[slot, g];
    }
}
