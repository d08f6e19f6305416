namespace SchoolSight.Domain.Categorisation;

/// <summary>
/// A school's level of support and intervention (LOSI, seed 004 section 2.4): ordered, so a higher value is more
/// support and closer LA oversight.
/// </summary>
public enum LevelOfSupport
{
    Universal = 0,
    Targeted = 1,
    Intensive = 2,
}

public static class LevelsOfSupport
{
    public static readonly IReadOnlyList<LevelOfSupport> All = Enum.GetValues<LevelOfSupport>();

    public static string Describe(this LevelOfSupport level) => level switch
    {
        LevelOfSupport.Universal => "Universal",
        LevelOfSupport.Targeted => "Targeted",
        LevelOfSupport.Intensive => "Intensive",
    };

    /// <summary>What the level means for the school, in the words a headteacher or governor would use.</summary>
    public static string Meaning(this LevelOfSupport level) => level switch
    {
        LevelOfSupport.Universal =>
            "The school leads its own improvement. It has the support every school has: its school improvement partner's visits and the LA's services.",
        LevelOfSupport.Targeted =>
            "The LA will work with the school on specific concerns, with support from identified providers tailored to the school, and will monitor more closely until outcomes improve.",
        LevelOfSupport.Intensive =>
            "The LA has significant concerns. The school will follow a structured improvement programme with the LA, with regular meetings to review progress.",
    };

    /// <summary>The GOV.UK tag colour for the level.</summary>
    public static string TagClass(this LevelOfSupport level) => level switch
    {
        LevelOfSupport.Universal => "govuk-tag--green",
        LevelOfSupport.Targeted => "govuk-tag--yellow",
        LevelOfSupport.Intensive => "govuk-tag--red",
    };

    public static bool TryParse(string? text, out LevelOfSupport level)
    {
        level = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        foreach (var candidate in All)
            if (string.Equals(candidate.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                level = candidate;
                return true;
            }
        return false;
    }
}
