using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Domain.Tests.HealthySchools;

public sealed class ReviewCriteriaParserTests
{
    [Fact]
    public void TheShippedFile_Parses() => ReviewCriteriaParser.Parse(ReviewCriteria.ReadShipped()).Errors.ShouldBeEmpty();

    [Fact]
    public void AnLasOwnFile_ReplacesTheCriteria()
    {
        var yaml = ReviewCriteria.ReadShipped().Replace("version: \"2026.1\"", "version: \"LA-1\"", StringComparison.Ordinal);
        ReviewCriteriaParser.Parse(yaml).Criteria!.Version.ShouldBe("LA-1");
    }

    [Fact]
    public void EveryProblem_IsListedWithItsLineAndColumn_AndGivesNoCriteria()
    {
        const string yaml = """
            version: "1"
            name: Review
            colour: red
            themes:
              - id: pshe
                name: PSHE
                criteria:
                  - id: a
                    text: One
                  - id: a
                    text: Two
              - id: cooking
                name: Cooking
                criteria: []
              - id: physical-activity
                name: Physical activity
                criteria:
                  - id: b
              - id: emotional-health
                name: Emotional health
                criteria:
                  - id: c
                    text: Three
            """;
        var result = ReviewCriteriaParser.Parse(yaml);
        result.Criteria.ShouldBeNull();
        result.Errors.Select(e => e.ToString()).ShouldBe([
            "line 3, column 1: 'colour' is not a key of the criteria file: use version, name, themes",
            "line 5, column 3: Theme 'healthy-eating' is missing: the annual review has the four themes pshe, healthy-eating, physical-activity, emotional-health",
            "line 10, column 13: Criterion id 'a' is used more than once: each criterion needs its own id",
            "line 12, column 9: 'cooking' is not a theme of the annual review: use pshe, healthy-eating, physical-activity, emotional-health",
            "line 14, column 15: Theme 'cooking' has no criteria",
            "line 18, column 9: Add 'text' to criterion 'b'",
        ]);
    }

    [Fact]
    public void BrokenYaml_SaysWhere() =>
        ReviewCriteriaParser.Parse("version: \"1\nname: [").Errors.Single().Message.ShouldStartWith("The file is not valid YAML");
}
