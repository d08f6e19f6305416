namespace SchoolSight.Domain.HealthySchools;

/// <summary>One criterion of the annual review, confirmed by the school with its evidence.</summary>
public sealed record ReviewCriterion(string Id, string Text);

/// <summary>One of the four themes of the annual review and its criteria.</summary>
public sealed record ReviewTheme(string Id, string Name, IReadOnlyList<ReviewCriterion> Criteria);

/// <summary>
/// The criteria of the annual review in use: the four themes (PSHE, healthy eating, physical activity, emotional health
/// and well-being) and their criteria, from the file SchoolSight ships or the LA's own (<see cref="ReviewCriteriaParser"/>).
/// </summary>
public sealed record ReviewCriteria(string Version, string Name, IReadOnlyList<ReviewTheme> Themes)
{
    /// <summary>The four themes every criteria file has, by id.</summary>
    public static readonly IReadOnlyList<string> ThemeIds = ["pshe", "healthy-eating", "physical-activity", "emotional-health"];

    public IEnumerable<ReviewCriterion> All => Themes.SelectMany(t => t.Criteria);

    public ReviewCriterion? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    public static string ReadShipped()
    {
        using var stream = typeof(ReviewCriteria).Assembly.GetManifestResourceStream("SchoolSight.Domain.HealthySchools.healthy-schools-criteria.yaml")
            ?? throw new InvalidOperationException("The annual review criteria are missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The criteria SchoolSight ships, parsed once.</summary>
    public static ReviewCriteria Shipped => ShippedFile.Value;

    private static readonly Lazy<ReviewCriteria> ShippedFile = new(() =>
    {
        var result = ReviewCriteriaParser.Parse(ReadShipped());
        return result.Criteria ?? throw new InvalidOperationException($"The shipped annual review criteria have problems:\n{string.Join("\n", result.Errors)}");
    });
}
