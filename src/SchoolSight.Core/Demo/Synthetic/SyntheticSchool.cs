using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// A school the generator makes pupils for: its URN, phase, number on roll and the year groups it teaches
/// (0 is reception, 1–13 the national curriculum years). Nursery schools and early years settings have no pupils in
/// these year groups, so none are made for them; a nursery school's parents answer the LA's perception survey.
/// </summary>
public sealed record SyntheticSchool(int Urn, SchoolPhase Phase, int NumberOnRoll, int FirstYearGroup, int LastYearGroup)
{
    public const int Reception = 0;
    public const int LastYear = 13;

    public bool HasPupils => NumberOnRoll > 0 && FirstYearGroup <= LastYearGroup;

    /// <summary>A nursery school: no pupil-level results (its children are below school age), but parents who answer the survey.</summary>
    public bool HasParentsOnly => Phase == SchoolPhase.Nursery && NumberOnRoll > 0 && !HasPupils;

    public bool IsSecondaryAge => FirstYearGroup >= 7;

    /// <summary>The year groups taught, from the statutory age range GIAS gives (a pupil aged 4 at the start of the year is in reception).</summary>
    public static SyntheticSchool From(int urn, SchoolDetails details)
    {
        var phase = details.Phase;
        if (phase is SchoolPhase.Nursery or SchoolPhase.EarlyYearsSetting) return new(urn, phase, phase == SchoolPhase.Nursery ? details.NumberOfPupils ?? 0 : 0, 0, -1);
        var (defaultLow, defaultHigh) = phase switch
        {
            SchoolPhase.Primary => (4, 11),
            SchoolPhase.Middle => (9, 13),
            SchoolPhase.Secondary or SchoolPhase.PupilReferralUnit => (11, 16),
            SchoolPhase.AllThrough => (4, 18),
            SchoolPhase.Special => (5, 19),
            SchoolPhase.Post16 => (16, 18),
            _ => (4, 11),
        };
        var first = Math.Clamp((details.StatutoryLowAge ?? defaultLow) - 4, Reception, LastYear);
        var last = Math.Clamp((details.StatutoryHighAge ?? defaultHigh) - 5, Reception, LastYear);
        return new(urn, phase, details.NumberOfPupils ?? 0, first, last);
    }

    /// <summary>The code <see cref="PupilFields.NcYear"/> stores for a year group (R is 1, year k is k + 1).</summary>
    public static byte YearCode(int yearGroup) => (byte)(yearGroup + 1);
}

/// <summary>One school's generated pupils and survey responses for one academic year.</summary>
public sealed record SyntheticSchoolYear(int Urn, int AcademicYear, PupilColumns Pupils, SurveyColumns Survey);
