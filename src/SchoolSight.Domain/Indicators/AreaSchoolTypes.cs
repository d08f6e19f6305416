using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Indicators;

/// <summary>
/// What kind of school an establishment is, as the DfE's LA and England figures count it. SchoolSight derives it from the
/// register's GIAS type of establishment and type group (<see cref="DfeSchoolTypes.FromRegister"/>).
/// </summary>
public enum DfeSchoolType
{
    /// <summary>LA maintained mainstream schools, academies, free schools, CTCs, UTCs, studio schools, LA nursery schools.</summary>
    StateFundedMainstream,

    /// <summary>Community and foundation special schools, special academies and special free schools.</summary>
    StateFundedSpecial,

    /// <summary>Pupil referral units and alternative provision academies and free schools.</summary>
    AlternativeProvision,

    /// <summary>Further education and sixth-form colleges (some enrol 14 to 16 year-olds).</summary>
    FurtherEducation,

    Independent,
    IndependentSpecial,
    NonMaintainedSpecial,

    /// <summary>Not a school whose pupils any area figure counts: children's centres, secure units, universities, Welsh establishments...</summary>
    Other,
}

/// <summary>Which schools an area's figure of an indicator is built from: the DfE's own rule for the measure (docs/indicators.md).</summary>
public enum AreaSchoolTypes
{
    /// <summary>Key stage 2: state-funded mainstream and special schools.</summary>
    KeyStage2,

    /// <summary>Key stage 4: state-funded mainstream and special schools and colleges with pupils at the end of key stage 4.</summary>
    KeyStage4,

    /// <summary>Census and absence: state-funded primary, secondary and special schools (pupil referral units are reported apart).</summary>
    CensusAndAbsence,

    /// <summary>Early years foundation stage profile: state-funded mainstream and special schools.</summary>
    EarlyYears,

    /// <summary>The LA's own measures (surveys, PE, meals, exclusions, destinations): every state-funded school, alternative provision included.</summary>
    StateFunded,
}

public static class DfeSchoolTypes
{
    /// <summary>
    /// The DfE school type of a registered school, from GIAS <c>TypeOfEstablishment (name)</c> and
    /// <c>EstablishmentTypeGroup (name)</c>: the register's own type group (<see cref="EstablishmentTypes"/>, the one rule
    /// for both the GIAS import and the area figures), with colleges and the establishments SchoolSight does not monitor
    /// apart. Independent and non-maintained schools are never state-funded.
    /// </summary>
    public static DfeSchoolType FromRegister(string? typeOfEstablishment, string? typeGroup)
    {
        var type = typeOfEstablishment ?? "";
        bool Has(string text) => type.Contains(text, StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(type) && string.IsNullOrWhiteSpace(typeGroup)) return DfeSchoolType.Other;
        // The type decides when there is one (a 16 to 19 free school is a school, whatever group a list files it under).
        if (!(type.Trim().Length > 0 ? EstablishmentTypes.IsMonitored(type, null) : EstablishmentTypes.IsMonitored(null, typeGroup)))
            return Has("further education") || Has("sixth form centre")
                   || (string.IsNullOrWhiteSpace(type) && string.Equals(typeGroup?.Trim(), "Colleges", StringComparison.OrdinalIgnoreCase))
                ? DfeSchoolType.FurtherEducation
                : DfeSchoolType.Other;
        return EstablishmentTypes.TypeGroupOf(typeOfEstablishment, typeGroup) switch
        {
            SchoolTypeGroup.StateFundedMainstream => DfeSchoolType.StateFundedMainstream,
            SchoolTypeGroup.StateFundedSpecial => DfeSchoolType.StateFundedSpecial,
            SchoolTypeGroup.AlternativeProvision => DfeSchoolType.AlternativeProvision,
            SchoolTypeGroup.NonMaintainedSpecial => DfeSchoolType.NonMaintainedSpecial,
            SchoolTypeGroup.Independent => Has("special") || Has("sen") ? DfeSchoolType.IndependentSpecial : DfeSchoolType.Independent,
            _ => DfeSchoolType.Other,
        };
    }

    /// <summary>Whether a school of this type is counted in an area's figure of a measure with these rules.</summary>
    public static bool Counts(this AreaSchoolTypes rule, DfeSchoolType type) => type switch
    {
        DfeSchoolType.StateFundedMainstream or DfeSchoolType.StateFundedSpecial => true,
        DfeSchoolType.FurtherEducation => rule == AreaSchoolTypes.KeyStage4,
        DfeSchoolType.AlternativeProvision => rule == AreaSchoolTypes.StateFunded,
        DfeSchoolType.Independent or DfeSchoolType.IndependentSpecial or DfeSchoolType.NonMaintainedSpecial or DfeSchoolType.Other => false,
    };

    /// <summary>The schools counted, in words, for the area pages and exports.</summary>
    public static string Describe(this AreaSchoolTypes rule) => rule switch
    {
        AreaSchoolTypes.KeyStage2 => "state-funded mainstream and special schools (academies, free schools and LA maintained schools), as the DfE's key stage 2 LA figures",
        AreaSchoolTypes.KeyStage4 => "state-funded mainstream and special schools and colleges with pupils at the end of key stage 4, as the DfE's key stage 4 LA figures",
        AreaSchoolTypes.CensusAndAbsence => "state-funded primary, secondary and special schools, as the DfE's census and absence LA figures (pupil referral units are reported apart)",
        AreaSchoolTypes.EarlyYears => "state-funded mainstream and special schools",
        AreaSchoolTypes.StateFunded => "every state-funded school, alternative provision included",
    } + "; independent and non-maintained special schools are not counted";

    public static string DisplayName(this DfeSchoolType type) => type switch
    {
        DfeSchoolType.StateFundedMainstream => "state-funded mainstream",
        DfeSchoolType.StateFundedSpecial => "state-funded special",
        DfeSchoolType.AlternativeProvision => "alternative provision",
        DfeSchoolType.FurtherEducation => "further education",
        DfeSchoolType.Independent => "independent",
        DfeSchoolType.IndependentSpecial => "independent special",
        DfeSchoolType.NonMaintainedSpecial => "non-maintained special",
        DfeSchoolType.Other => "other establishment",
    };

    /// <summary>The rule of an indicator the catalogue does not name one for: from its published DfE source, else the LA's own.</summary>
    public static AreaSchoolTypes Default(string? publishedMeasure, string id) =>
        (publishedMeasure ?? id).Split('.', '_')[0].ToUpperInvariant() switch
        {
            "KS2" => AreaSchoolTypes.KeyStage2,
            "KS4" => AreaSchoolTypes.KeyStage4,
            "EY" => AreaSchoolTypes.EarlyYears,
            "CENSUS" or "ABS" => AreaSchoolTypes.CensusAndAbsence,
            _ => AreaSchoolTypes.StateFunded,
        };
}
