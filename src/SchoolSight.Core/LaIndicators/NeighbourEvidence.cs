using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.LaIndicators;

/// <summary>
/// The comparison with England, the region and the statistical neighbours as evidence for the LA's self-evaluation:
/// shown on the cells of the standards whose criteria speak of the LA's national position ("top quartile nationally")
/// without a figure SchoolSight computes, with the attainment measures of the cell's phase.
/// </summary>
public static class NeighbourEvidence
{
    public static bool SpeaksOfNationalPosition(QualityStandard standard, SefPhase phase) =>
        standard.CriteriaFor(phase).Any(c => c.Band is null &&
            (c.Text.Contains("quartile", StringComparison.OrdinalIgnoreCase) || c.Text.Contains("nationally", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The phase's rows that have a figure, when the standard speaks of national position; otherwise none.</summary>
    public static IReadOnlyList<NeighbourComparisonRow> For(QualityStandard standard, SefPhase phase, NeighbourComparison view) =>
        SpeaksOfNationalPosition(standard, phase) ? [.. view.Rows.Where(r => r.Measure.Phase == phase && r.Year is not null)] : [];
}
