using System.Text.Json.Serialization;

namespace SchoolSight.Domain.Register;

/// <summary>
/// The group of schools the DfE builds its LA and England figures from: state-funded mainstream, state-funded special,
/// state-funded alternative provision, independent (special or not) and non-maintained special schools. Derived from
/// GIAS's <c>TypeOfEstablishment (name)</c> and <c>EstablishmentTypeGroup (name)</c> (see <see cref="EstablishmentTypes"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SchoolTypeGroup>))]
public enum SchoolTypeGroup
{
    StateFundedMainstream,
    StateFundedSpecial,
    AlternativeProvision,
    Independent,
    NonMaintainedSpecial,
}

public static class SchoolTypeGroups
{
    public static string DisplayName(this SchoolTypeGroup group) => group switch
    {
        SchoolTypeGroup.StateFundedMainstream => "State-funded mainstream",
        SchoolTypeGroup.StateFundedSpecial => "State-funded special",
        SchoolTypeGroup.AlternativeProvision => "State-funded alternative provision",
        SchoolTypeGroup.Independent => "Independent",
        SchoolTypeGroup.NonMaintainedSpecial => "Non-maintained special",
    };

    /// <summary>Funded by the state: maintained schools, academies and free schools, special and alternative provision included.</summary>
    public static bool IsStateFunded(this SchoolTypeGroup group) =>
        group is SchoolTypeGroup.StateFundedMainstream or SchoolTypeGroup.StateFundedSpecial or SchoolTypeGroup.AlternativeProvision;

    /// <summary>
    /// Special schools and alternative provision (pupil referral units and AP academies) are ranked apart from mainstream
    /// schools: their pupils' needs make their figures incomparable with a mainstream school's. The one rule for every
    /// ranking of schools by a figure, unless the reader asks to include them.
    /// </summary>
    public static bool RankedApartFromMainstream(this SchoolTypeGroup group) =>
        group is SchoolTypeGroup.StateFundedSpecial or SchoolTypeGroup.NonMaintainedSpecial or SchoolTypeGroup.AlternativeProvision;
}
