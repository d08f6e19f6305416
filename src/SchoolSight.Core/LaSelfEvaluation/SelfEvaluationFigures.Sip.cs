using SchoolSight.Core.Data;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.LaSelfEvaluation;

public static partial class SelfEvaluationFigures
{
    private static readonly ComputedMeasure[] SipMeasures =
    [
        ComputedMeasure.TargetsInLine, ComputedMeasure.TrackingAccurate, ComputedMeasure.SecondaryHeadshipExperience,
        ComputedMeasure.ReportsWithAllFeatures, ComputedMeasure.ReportsMissingOneOrTwoFeatures, ComputedMeasure.ReportsMissingThreeOrMoreFeatures,
    ];

    /// <summary>The figures from the SIPs' visits and reports.</summary>
    private static Task<IEnumerable<ComputedFigure>> SipFiguresAsync(AppDbContext db, Dictionary<int, SefPhase> phaseOf, CancellationToken ct) =>
        Task.FromResult<IEnumerable<ComputedFigure>>([.. SipMeasures.Select(m => new ComputedFigure(m, null, null, "SchoolSight holds no records of SIP visits to work this out from"))]);
}
