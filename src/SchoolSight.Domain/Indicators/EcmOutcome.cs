namespace SchoolSight.Domain.Indicators;

/// <summary>The five Every Child Matters outcomes (seed 001), plus attainment and progress, which the standards indicators serve.</summary>
public enum EcmOutcome
{
    BeHealthy,
    StaySafe,
    EnjoyAndAchieve,
    MakeAPositiveContribution,
    AchieveEconomicWellBeing,
}

public static class EcmOutcomes
{
    public static readonly IReadOnlyList<EcmOutcome> All = Enum.GetValues<EcmOutcome>();

    public static string DisplayName(this EcmOutcome outcome) => outcome switch
    {
        EcmOutcome.BeHealthy => "Be healthy",
        EcmOutcome.StaySafe => "Stay safe",
        EcmOutcome.EnjoyAndAchieve => "Enjoy and achieve",
        EcmOutcome.MakeAPositiveContribution => "Make a positive contribution",
        EcmOutcome.AchieveEconomicWellBeing => "Achieve economic well-being",
    };

    public static string Slug(this EcmOutcome outcome) => outcome switch
    {
        EcmOutcome.BeHealthy => "be-healthy",
        EcmOutcome.StaySafe => "stay-safe",
        EcmOutcome.EnjoyAndAchieve => "enjoy-and-achieve",
        EcmOutcome.MakeAPositiveContribution => "make-a-positive-contribution",
        EcmOutcome.AchieveEconomicWellBeing => "achieve-economic-well-being",
    };

    public static EcmOutcome? FromSlug(string slug) => All.Cast<EcmOutcome?>().FirstOrDefault(o => o!.Value.Slug() == slug);
}
