namespace SchoolSight.Domain.Register;

/// <summary>
/// Which GIAS establishments SchoolSight monitors, and the type group of those it does, from GIAS's
/// <c>TypeOfEstablishment (name)</c> and <c>EstablishmentTypeGroup (name)</c> (compared without regard to case).
/// An LA's GIAS download lists every establishment under its LA code; SchoolSight registers its schools (maintained,
/// academies, free schools, special, pupil referral units and alternative provision, independent and non-maintained
/// special schools, nursery schools and early years settings) and leaves out the rest: children's centres and their
/// linked sites, further education and sixth-form colleges, universities, online providers, and the establishments of
/// GIAS's "Other types" that are not schools of the LA (secure units, offshore and overseas schools, service
/// children's education, Welsh establishments, miscellaneous, institutions funded by other government departments).
/// </summary>
public static class EstablishmentTypes
{
    /// <summary>GIAS type groups none of whose establishments SchoolSight monitors.</summary>
    public static readonly IReadOnlyList<string> GroupsNotMonitored =
        ["Children's centres", "Colleges", "Universities", "Online provider", "Welsh schools"];

    /// <summary>GIAS types SchoolSight does not monitor, whatever group the file gives them.</summary>
    public static readonly IReadOnlyList<string> TypesNotMonitored =
    [
        "Children's centre", "Children's centre linked site", "Further education", "Sixth form centres", "Special post 16 institution",
        "Higher education institutions", "Online provider", "Secure units", "Offshore schools", "British schools overseas",
        "Service children's education", "Welsh establishment", "Miscellaneous", "Institution funded by other government department",
    ];

    public static bool IsMonitored(string? typeOfEstablishment, string? typeGroup) =>
        !TypesNotMonitored.Contains(Clean(typeOfEstablishment), StringComparer.OrdinalIgnoreCase) &&
        !GroupsNotMonitored.Contains(Clean(typeGroup), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The type group of a school SchoolSight monitors: independent schools (special or not, and whatever GIAS's
    /// "Independent schools" group holds), non-maintained special schools, state-funded alternative provision (pupil
    /// referral units, alternative provision academies and free schools), state-funded special schools (community and
    /// foundation special schools, special academies and free schools), and every other school state-funded mainstream.
    /// </summary>
    public static SchoolTypeGroup TypeGroupOf(string? typeOfEstablishment, string? typeGroup)
    {
        var type = Clean(typeOfEstablishment);
        if (Has(type, "non-maintained special")) return SchoolTypeGroup.NonMaintainedSpecial;
        if (Has(type, "independent") || Clean(typeGroup).Equals("Independent schools", StringComparison.OrdinalIgnoreCase))
            return Has(type, "city technology college") ? SchoolTypeGroup.StateFundedMainstream : SchoolTypeGroup.Independent;
        if (Has(type, "pupil referral") || Has(type, "alternative provision")) return SchoolTypeGroup.AlternativeProvision;
        if (Has(type, "special")) return SchoolTypeGroup.StateFundedSpecial;
        return SchoolTypeGroup.StateFundedMainstream;
    }

    private static string Clean(string? value) => value?.Trim() ?? "";

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
