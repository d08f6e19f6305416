namespace SchoolSight.Domain.QualityStandards;

/// <summary>Derives an overall rating from its parts by the LA's rule (<see cref="OverallRule"/>); parts not rated are left out.</summary>
public static class OverallRatings
{
    public static RagRating? Derive(OverallRule rule, IEnumerable<RagRating?> parts)
    {
        var rated = parts.OfType<RagRating>().ToList();
        if (rated.Count == 0) return null;
        return rule.Kind switch
        {
            OverallRuleKind.Lowest => rated.Max(),
            OverallRuleKind.MostCommon => rated.GroupBy(r => r).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key,
            OverallRuleKind.ShareAtOrBetter =>
                new[] { RagRating.Outstanding, RagRating.Good }.Where(level => rated.Count(r => r.AtLeast(level)) * 100 >= rule.Share * rated.Count).Cast<RagRating?>().FirstOrDefault()
                ?? (rated.Count(r => r == RagRating.RequiresSignificantImprovement) * 100 >= rule.SignificantShare * rated.Count
                    ? RagRating.RequiresSignificantImprovement : RagRating.RequiresSomeImprovement),
        };
    }

    /// <summary>The rule in words, for the dashboard.</summary>
    public static string Describe(OverallRule rule) => rule.Kind switch
    {
        OverallRuleKind.ShareAtOrBetter => $"An overall rating is Outstanding or Good when at least {rule.Share}% of its rated parts are that or better; otherwise Requires significant improvement when at least {rule.SignificantShare}% of them are, and Requires some improvement when not. The overall row takes every rated standard of the group in every phase.",
        OverallRuleKind.Lowest => "An overall rating is the lowest rating among its rated parts. The overall row takes every rated standard of the group in every phase.",
        OverallRuleKind.MostCommon => "An overall rating is the rating most of its rated parts have (a tie goes to the lower). The overall row takes every rated standard of the group in every phase.",
    };
}
