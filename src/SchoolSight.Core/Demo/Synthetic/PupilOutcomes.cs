using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// One pupil's record for one year: characteristics, attendance, exclusions, healthy living, and the key stage results
/// of their year group (EYFS in reception, KS2 in year 6, KS4 in year 11). Effect sizes in docs/imports/synthetic-data.md.
/// </summary>
internal static class PupilOutcomes
{
    private const byte Yes = 1, No = 2;
    private const int GldGoals = 12, EyfsGoals = 17;

    public static void Fill(PupilColumns c, int i, SyntheticPupil p, SyntheticSchool school, SchoolIntake intake, SyntheticRandom r)
    {
        c.PupilRefs[i] = p.Ref;
        c.Codes(PupilFields.NcYear)[i] = SyntheticSchool.YearCode(p.YearGroup);
        c.Codes(PupilFields.Gender)[i] = p.Boy ? (byte)1 : (byte)2;
        c.Codes(PupilFields.Fsm)[i] = YesNo(p.Fsm);
        c.Codes(PupilFields.Sen)[i] = p.Sen;
        c.Codes(PupilFields.InCare)[i] = YesNo(p.InCare);
        c.Codes(PupilFields.Eal)[i] = YesNo(p.Eal);
        c.Codes(PupilFields.Ethnicity)[i] = p.Ethnicity;

        var fsm = p.Fsm ? 1 : 0;
        var support = p.Sen == SyntheticPupil.SenSupport ? 1 : 0;
        var plan = p.Sen == SyntheticPupil.SenPlan ? 1 : 0;
        var care = p.InCare ? 1 : 0;
        var boy = p.Boy ? 1 : 0;

        // Attendance: a log-normal absence rate, so most pupils miss a little and a long tail misses a lot.
        var possible = p.JoinedThisYear ? Math.Round(r.Uniform(90, 300)) : Math.Round(Math.Clamp(r.Normal(322, 5), 300, 334));
        var logRate = -3.42 + 0.75 * p.Attendance + 0.45 * fsm + 0.25 * support + 0.45 * plan + 0.3 * care + PhaseAbsence(school, p.YearGroup)
                      + intake.AbsenceEffect + r.Normal(0, 0.35);
        var rate = Math.Min(1, Math.Exp(logRate));
        var missed = Math.Min(possible, Math.Round(rate * possible));
        var sicknessShare = Math.Clamp(r.Normal(rate >= 0.1 ? 0.38 : 0.55, 0.17), 0, 1);
        c.Numbers(PupilFields.SessionsPossible)[i] = (float)possible;
        c.Numbers(PupilFields.SessionsMissed)[i] = (float)missed;
        c.Numbers(PupilFields.SicknessSessions)[i] = (float)Math.Round(missed * sicknessShare);

        // Exclusions: suspensions are rare with a tail of repeats; permanent exclusion is very rare, mostly in secondary.
        var logit = PhaseSuspension(school, p.YearGroup) + 0.8 * fsm + 0.6 * support + 0.9 * plan + 0.8 * care + 0.6 * boy + 0.9 * p.Behaviour
                    + intake.ExclusionEffect + (p.YearGroup is >= 8 and <= 10 ? 0.2 : 0);
        var suspensions = 0;
        if (r.Chance(1 / (1 + Math.Exp(-logit))))
            for (suspensions = 1; suspensions < 30 && r.Chance(0.45); suspensions++) { }
        c.Numbers(PupilFields.Suspensions)[i] = suspensions;
        var permanentRate = p.YearGroup >= 7 ? 0.03 : 0.012;
        c.Codes(PupilFields.PermanentlyExcluded)[i] = YesNo(suspensions > 0 && r.Chance(permanentRate));

        // Healthy living: PE falls off in the older years; pupils on free school meals take a school lunch far more.
        var pe = intake.PeRate - 0.04 * Math.Max(0, p.YearGroup - 9) - 0.08 * plan - 0.04 * fsm;
        c.Codes(PupilFields.PeTwoHours)[i] = YesNo(r.Chance(pe));
        var meals = (p.Fsm ? 0.86 : p.YearGroup <= 2 ? 0.84 : p.YearGroup >= 7 ? 0.38 : 0.45) + intake.MealsShift;
        c.Codes(PupilFields.SchoolMeals)[i] = YesNo(r.Chance(meals));

        switch (p.YearGroup)
        {
            case SyntheticSchool.Reception: Eyfs(c, i, p, intake, r); break;
            case 6: KeyStage2(c, i, p, intake, r, fsm, support, plan); break;
            case 11: KeyStage4(c, i, p, intake, r, fsm, support, plan, care); break;
        }
    }

    /// <summary>
    /// The early learning goals: each met (2 points) or emerging (1 point); a good level of development means meeting
    /// the 12 goals of the prime areas, literacy and mathematics, so GLD and the points always agree.
    /// </summary>
    private static void Eyfs(PupilColumns c, int i, SyntheticPupil p, SchoolIntake intake, SyntheticRandom r)
    {
        var development = p.Ability - (p.Eal ? 0.35 : 0) - (p.Boy ? 0.15 : 0) + 0.2 * intake.Effect + r.Normal(0, 0.5);
        var met = 0;
        var gld = true;
        for (var goal = 0; goal < EyfsGoals; goal++)
        {
            var reached = development + r.Normal(0, 0.55) > (goal < GldGoals ? -1.95 : -1.75);
            if (reached) met++;
            else if (goal < GldGoals) gld = false;
        }
        c.Codes(PupilFields.EyfsGld)[i] = YesNo(gld);
        c.Numbers(PupilFields.EyfsPoints)[i] = EyfsGoals + met;
    }

    /// <summary>Reading, writing and maths from one attainment, so RWM and "neither reading nor maths" never contradict each other.</summary>
    private static void KeyStage2(PupilColumns c, int i, SyntheticPupil p, SchoolIntake intake, SyntheticRandom r, int fsm, int support, int plan)
    {
        var attainment = p.Ability - 0.2 * fsm - 0.3 * support - 0.6 * plan - (p.Eal ? 0.05 : 0) + 0.3 * intake.Effect + r.Normal(0, 0.45);
        var reading = attainment + r.Normal(0, 0.45);
        var writing = attainment + r.Normal(0, 0.45);
        var maths = attainment + r.Normal(0, 0.45);
        bool readingMet = reading > -1.4, writingMet = writing > -1.18, mathsMet = maths > -1.38;
        c.Codes(PupilFields.Ks2RwmExp)[i] = YesNo(readingMet && writingMet && mathsMet);
        c.Codes(PupilFields.Ks2Low)[i] = YesNo(!readingMet && !mathsMet);
        var prior = (p.Ks1Aps - 15.9) / 3.4;
        c.Numbers(PupilFields.Ks2Prior)[i] = p.Ks1Aps;
        c.Numbers(PupilFields.Ks2ReadProg)[i] = Progress(reading, prior);
        c.Numbers(PupilFields.Ks2MatProg)[i] = Progress(maths, prior);
    }

    /// <summary>Progress: how far the result is above what pupils with the same prior attainment get, in scaled-score points.</summary>
    private static float Progress(double result, double prior) =>
        (float)Math.Round(Math.Clamp(6.9 * (result - 0.86 * prior + 0.1 + PupilDataGenerator.AbilityCentre), -40, 40), 1);

    /// <summary>
    /// Attainment 8 is the score expected from KS2 prior attainment plus ten times the pupil's Progress 8, so the two
    /// always agree; grades 4 and 5 in English and maths follow Attainment 8; a pupil with no pass scores 0.
    /// </summary>
    private static void KeyStage4(PupilColumns c, int i, SyntheticPupil p, SchoolIntake intake, SyntheticRandom r, int fsm, int support, int plan, int care)
    {
        var prior = p.Ks2Scaled;
        var expected = Math.Max(0, 46.3 + 2.3 * (prior - 104.8));
        var progress = 0.24 + 0.35 * intake.Effect - 0.55 * fsm - 0.3 * support - 0.6 * plan - 0.5 * care + (p.Eal ? 0.25 : 0) - (p.Boy ? 0.1 : 0)
                       + r.Normal(0, 0.95);
        var att8 = Math.Round(Math.Clamp(expected + 10 * progress, 0, 90), 1);
        var noPass = att8 < 12 && r.Chance(0.35 + 0.2 * care);
        if (noPass) att8 = 0;
        c.Numbers(PupilFields.Ks4Prior)[i] = prior;
        c.Numbers(PupilFields.Ks4Att8)[i] = (float)att8;
        c.Numbers(PupilFields.Ks4P8)[i] = (float)Math.Round(Math.Clamp((att8 - expected) / 10, -10, 10), 2);
        var grade = att8 / 10 + r.Normal(0, 0.75);
        c.Codes(PupilFields.Ks4Em94)[i] = YesNo(!noPass && grade > 3.85);
        c.Codes(PupilFields.Ks4Em95)[i] = YesNo(!noPass && grade > 4.75);
        c.Codes(PupilFields.Ks4NoPass)[i] = YesNo(noPass);
        var sustained = 0.975 - 0.05 * fsm - 0.03 * support - 0.05 * plan - 0.12 * care - (att8 < 20 ? 0.06 : 0);
        c.Codes(PupilFields.Destination)[i] = YesNo(r.Chance(sustained));
    }

    private static double PhaseAbsence(SyntheticSchool school, int yearGroup) => school.Phase switch
    {
        SchoolPhase.PupilReferralUnit => 1.1,
        SchoolPhase.Special => 0.35,
        _ => yearGroup switch { >= 10 => 0.3, >= 7 => 0.18, SyntheticSchool.Reception => 0.05, _ => 0 },
    };

    private static double PhaseSuspension(SyntheticSchool school, int yearGroup) => school.Phase switch
    {
        SchoolPhase.PupilReferralUnit => -1.9,
        SchoolPhase.Special => -4.0,
        _ => yearGroup >= 7 ? -4.3 : -6.6,
    };

    private static byte YesNo(bool value) => value ? Yes : No;
}
