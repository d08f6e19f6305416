using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Domain.LaIndicators;

/// <summary>Which way is better for a measure, from the DfE's data dictionary ("High", "Low", or neither).</summary>
public enum Polarity
{
    HigherIsBetter,
    LowerIsBetter,

    /// <summary>Context, not performance (such as the rate of children in need): shown, never ranked.</summary>
    NoDirection,
}

/// <summary>One measure of the DfE's Local Authority Interactive Tool, by its short code in the file.</summary>
/// <param name="Phase">The phase whose attainment it measures (shown as evidence on the LA self-evaluation's cells of that phase); null for all.</param>
public sealed record LaIndicatorMeasure(string Code, string Title, string Topic, Polarity Polarity, string Unit, int Decimals, SefPhase? Phase = null)
{
    public bool Ranked => Polarity != Polarity.NoDirection;

    public string PolarityText => Polarity switch
    {
        Polarity.HigherIsBetter => "higher is better",
        Polarity.LowerIsBetter => "lower is better",
        Polarity.NoDirection => "neither higher nor lower is better: not ranked",
    };
}

/// <summary>
/// The headline measures SchoolSight keeps from the file: early years, phonics, key stage 2 and 4, attainment by 19,
/// attendance, exclusions and suspensions, young people not in education, employment or training, and children in
/// need. Titles, polarity, units and decimals are the DfE's data dictionary's. Everything else in the file is skipped
/// and counted.
/// </summary>
public static class HeadlineLaIndicators
{
    public static readonly IReadOnlyList<LaIndicatorMeasure> All =
    [
        new("FSP_NEW_GOODDEV", "Children achieving a good level of development at the end of the early years foundation stage", "Early years", Polarity.HigherIsBetter, "%", 1, SefPhase.EarlyYears),
        new("KS1P_all", "Pupils meeting the expected standard in phonics decoding", "Key stage 1 and phonics", Polarity.HigherIsBetter, "%", 1, SefPhase.Primary),
        new("KS2RWM_Expected_STD", "Pupils meeting the expected standard in reading, writing and mathematics at key stage 2", "Key stage 2", Polarity.HigherIsBetter, "%", 1, SefPhase.Primary),
        new("DAP_NEW_KS2_RWM", "Disadvantaged pupils meeting the expected standard in reading, writing and mathematics at key stage 2", "Key stage 2", Polarity.HigherIsBetter, "%", 1, SefPhase.Primary),
        new("AVG_Attain8_Score", "Average Attainment 8 score per pupil", "Key stage 4", Polarity.HigherIsBetter, "score", 1, SefPhase.Secondary),
        new("AVG_Prog8_Score", "Average Progress 8 score per pupil", "Key stage 4", Polarity.HigherIsBetter, "score", 2, SefPhase.Secondary),
        new("EngMaths9-5", "Pupils achieving grade 5 or above in English and mathematics GCSEs", "Key stage 4", Polarity.HigherIsBetter, "%", 1, SefPhase.Secondary),
        new("Level3Age19", "Young people qualified to level 3 by the age of 19", "Attainment by age 19", Polarity.HigherIsBetter, "%", 1, SefPhase.Secondary),
        new("TotAbs", "Overall absence (sessions missed)", "Attendance", Polarity.LowerIsBetter, "%", 2),
        new("TotPerAbNew", "Pupils who are persistently absent (missing 10% or more of sessions)", "Attendance", Polarity.LowerIsBetter, "%", 2),
        new("TotPermEx", "Permanent exclusions (rate per pupil on roll)", "Exclusions", Polarity.LowerIsBetter, "%", 2),
        new("TotFixedEx", "Suspensions (rate per pupil on roll)", "Exclusions", Polarity.LowerIsBetter, "%", 2),
        new("16-17 NEET", "16 and 17 year olds not in education, employment or training", "Young people", Polarity.LowerIsBetter, "%", 1),
        new("CIN", "Children in need (rate per 10,000 children)", "Children in need", Polarity.NoDirection, "rate per 10,000", 1),
    ];

    private static readonly Dictionary<string, LaIndicatorMeasure> ByCode = All.ToDictionary(m => m.Code, StringComparer.OrdinalIgnoreCase);

    public static LaIndicatorMeasure? Find(string code) => ByCode.GetValueOrDefault(code.Trim());
}
