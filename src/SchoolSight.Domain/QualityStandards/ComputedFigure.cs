namespace SchoolSight.Domain.QualityStandards;

/// <summary>
/// A figure SchoolSight worked out for a quantitative criterion, for one phase (or every phase when
/// <see cref="Phase"/> is null): its value (null when SchoolSight does not hold what it needs) and how it was worked out.
/// </summary>
public sealed record ComputedFigure(ComputedMeasure Measure, SefPhase? Phase, decimal? Value, string HowWorkedOut)
{
    public string ValueText => Value is not { } v ? "not held"
        : Measure == ComputedMeasure.SchoolsInOfstedCategories ? v.ToString("0", System.Globalization.CultureInfo.InvariantCulture)
        : Measure == ComputedMeasure.OfstedCategoriesNationalPosition ? $"top {v:0.#}%"
        : $"{v:0.#}%";
}

/// <summary>The figures for one year, found by measure and phase (a figure for every phase serves any phase).</summary>
public sealed class ComputedFigures(IEnumerable<ComputedFigure> figures)
{
    private readonly List<ComputedFigure> _figures = [.. figures];

    public IReadOnlyList<ComputedFigure> All => _figures;

    public ComputedFigure? For(ComputedMeasure measure, SefPhase phase) =>
        _figures.FirstOrDefault(f => f.Measure == measure && f.Phase == phase) ?? _figures.FirstOrDefault(f => f.Measure == measure && f.Phase is null);

    /// <summary>Whether SchoolSight finds <paramref name="criterion"/> met for <paramref name="phase"/>: null when it is not computed or the figure is not held.</summary>
    public bool? Met(QualityCriterion criterion, SefPhase phase) =>
        criterion.Band is { } band && For(band.Measure, phase) is { Value: { } value } ? band.IsMetBy(value) : null;
}
