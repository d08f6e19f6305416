namespace SchoolSight.Domain.QualityStandards;

/// <summary>
/// The critical criteria rule of the LA's quality standards: a critical criterion in the Good or Outstanding column is
/// necessary for that rating (Outstanding also needs Good's), and a critical criterion met in the Requires some or
/// Requires significant improvement column caps the rating at that column.
/// </summary>
public static class RatingRules
{
    /// <summary>The best rating the criteria met allow: capped by any critical criterion met in a lower column.</summary>
    public static RagRating Cap(QualityStandard standard, SefPhase phase, IReadOnlySet<string> met) =>
        standard.CriteriaFor(phase)
            .Where(c => c.Critical && c.Level >= RagRating.RequiresSomeImprovement && met.Contains(c.Id))
            .Select(c => c.Level).DefaultIfEmpty(RagRating.Outstanding).Max();

    /// <summary>The critical criteria needed for <paramref name="rating"/> that are not met.</summary>
    public static IReadOnlyList<QualityCriterion> MissingFor(QualityStandard standard, SefPhase phase, RagRating rating, IReadOnlySet<string> met) =>
        rating > RagRating.Good ? []
            : [.. standard.CriteriaFor(phase).Where(c => c.Critical && c.Level <= RagRating.Good && c.Level >= rating && !met.Contains(c.Id))];

    /// <summary>Every reason <paramref name="rating"/> cannot be given with the criteria met; none when it can.</summary>
    public static IReadOnlyList<DomainError> Check(QualityStandard standard, SefPhase phase, RagRating rating, IReadOnlySet<string> met)
    {
        var errors = new List<DomainError>();
        foreach (var missing in MissingFor(standard, phase, rating, met))
            errors.Add(DomainError.Rule("sef.critical-missing",
                $"{rating.Describe()} needs the critical criterion \"{missing.Text}\" ({missing.Level.Describe()}), which is not met.", "Rating"));
        var cap = Cap(standard, phase, met);
        if (rating < cap)
        {
            var capping = standard.CriteriaFor(phase).First(c => c.Critical && c.Level == cap && met.Contains(c.Id));
            errors.Add(DomainError.Rule("sef.capped",
                $"The rating can be no better than {cap.Describe()}: the critical criterion \"{capping.Text}\" is met.", "Rating"));
        }
        return errors;
    }

    /// <summary>The best rating the criteria met allow: under the cap, and with every critical criterion it needs.</summary>
    public static RagRating Best(QualityStandard standard, SefPhase phase, IReadOnlySet<string> met) =>
        RagRatings.All.First(r => Check(standard, phase, r, met).Count == 0 || r == RagRating.RequiresSignificantImprovement);
}
