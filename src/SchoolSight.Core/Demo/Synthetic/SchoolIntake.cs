using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// What a school is like, drawn before any of its pupils (docs/imports/synthetic-data.md): the rates of free school
/// meals, special educational needs, children in care and English as an additional language; its ethnic mix; and the
/// school's own effects on attainment, absence, exclusions, PE, school meals and how its pupils and parents feel.
/// </summary>
internal sealed class SchoolIntake
{
    // Ethnic groups in PupilFields.Ethnicity order: WHIT, MIXD, ASIA, BLAC, CHIN, AOEG, UNCL.
    private static readonly double[] EalEthnicity = [0.22, 0.04, 0.42, 0.17, 0.03, 0.10, 0.02];
    private static readonly double[] OtherEthnicity = [0.82, 0.065, 0.035, 0.04, 0.003, 0.012, 0.025];

    public double Fsm { get; private init; }
    public double SenSupport { get; private init; }
    public double Ehcp { get; private init; }
    public double InCare { get; private init; }
    public double Eal { get; private init; }
    public double BoyShare { get; private init; }
    public double[] EthnicityOfEal { get; private init; } = [];
    public double[] EthnicityOfOthers { get; private init; } = [];

    /// <summary>The school's effect on attainment and progress, in standard deviations of schools (mean 0, SD 1).</summary>
    public double Effect { get; private init; }

    /// <summary>Added to each pupil's log absence rate.</summary>
    public double AbsenceEffect { get; private init; }

    /// <summary>Added to each pupil's log-odds of being suspended.</summary>
    public double ExclusionEffect { get; private init; }
    public double PeRate { get; private init; }
    public double MealsShift { get; private init; }
    public double PupilResponseRate { get; private init; }
    public double ParentResponseRate { get; private init; }

    /// <summary>How positive pupils and parents feel about the school: follows its effect, attendance and exclusions.</summary>
    public double Climate { get; private init; }

    public static SchoolIntake Draw(SyntheticSchool school, SyntheticRandom random)
    {
        var special = school.Phase == SchoolPhase.Special;
        var pru = school.Phase == SchoolPhase.PupilReferralUnit;
        var fsm = special ? random.Beta(6, 8) : pru ? random.Beta(11, 9) : Math.Clamp(random.Beta(2.4, 7.6), 0.02, 0.7);
        var eal = Math.Min(0.85, random.Beta(0.55, 2.2));
        var effect = random.Normal();
        var absence = random.Normal(0, 0.2) - 0.06 * effect;
        var exclusion = random.Normal(0, 0.6) - 0.2 * effect;
        return new SchoolIntake
        {
            Fsm = fsm,
            SenSupport = special ? random.Beta(2, 30) : pru ? random.Beta(10, 10) : random.Beta(8, 53),
            Ehcp = special ? random.Beta(40, 3) : pru ? random.Beta(3, 20) : school.IsSecondaryAge ? random.Beta(2.2, 97.8) : random.Beta(2.6, 97.4),
            InCare = special ? random.Uniform(0.015, 0.04) : pru ? random.Uniform(0.03, 0.08) : 0.002 + 0.015 * fsm * random.Uniform(0.5, 1.5),
            Eal = eal,
            BoyShare = special ? 0.7 : pru ? 0.74 : 0.51,
            EthnicityOfEal = Jitter(EalEthnicity, random, 1.0),
            EthnicityOfOthers = MinorityScaled(Jitter(OtherEthnicity, random, 4.0), 1 + 3 * eal),
            Effect = effect,
            AbsenceEffect = absence,
            ExclusionEffect = exclusion,
            PeRate = Math.Clamp(random.Normal(school.IsSecondaryAge ? 0.74 : 0.86, 0.07), 0.3, 0.99),
            MealsShift = random.Normal(0, 0.07),
            PupilResponseRate = random.Uniform(0.2, 0.6),
            ParentResponseRate = random.Uniform(0.2, 0.6),
            Climate = 0.55 * effect - 1.5 * absence - 0.3 * exclusion + random.Normal(0, 0.6),
        };
    }

    /// <summary>Each school's own mix: every weight multiplied by a Gamma(shape) draw, so some schools are mostly one group.</summary>
    private static double[] Jitter(double[] weights, SyntheticRandom random, double shape) =>
        [.. weights.Select(w => w * random.Gamma(shape) / shape)];

    private static double[] MinorityScaled(double[] weights, double factor)
    {
        var result = (double[])weights.Clone();
        for (var i = 1; i < result.Length; i++) result[i] *= factor;
        return result;
    }
}
