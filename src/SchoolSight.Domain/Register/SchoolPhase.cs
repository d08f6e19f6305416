using System.Text.Json.Serialization;

namespace SchoolSight.Domain.Register;

/// <summary>
/// The phases DOMAIN.md section 2 names. GIAS records phase and establishment type separately;
/// <see cref="SchoolPhases.FromGias"/> derives this from both (a special school is "Not applicable" in GIAS phase).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<SchoolPhase>))]
public enum SchoolPhase
{
    EarlyYearsSetting,
    Nursery,
    Primary,
    Middle,
    Secondary,
    AllThrough,
    Special,
    PupilReferralUnit,
    Post16,
    Other,
}

public static class SchoolPhases
{
    public static string DisplayName(this SchoolPhase phase) => phase switch
    {
        SchoolPhase.EarlyYearsSetting => "Early years setting",
        SchoolPhase.Nursery => "Nursery",
        SchoolPhase.Primary => "Primary",
        SchoolPhase.Middle => "Middle",
        SchoolPhase.Secondary => "Secondary",
        SchoolPhase.AllThrough => "All-through",
        SchoolPhase.Special => "Special",
        SchoolPhase.PupilReferralUnit => "Pupil referral unit",
        SchoolPhase.Post16 => "16 plus",
        SchoolPhase.Other => "Other",
    };

    /// <summary>Derives the phase from GIAS <c>PhaseOfEducation (name)</c>, <c>TypeOfEstablishment (name)</c> and <c>EstablishmentTypeGroup (name)</c>.</summary>
    public static SchoolPhase FromGias(string? phaseOfEducation, string? typeOfEstablishment, string? typeGroup)
    {
        var type = typeOfEstablishment?.Trim() ?? "";
        var group = typeGroup?.Trim() ?? "";
        if (type.Contains("pupil referral", StringComparison.OrdinalIgnoreCase) ||
            type.Contains("alternative provision", StringComparison.OrdinalIgnoreCase))
            return SchoolPhase.PupilReferralUnit;
        if (type.Contains("special", StringComparison.OrdinalIgnoreCase) ||
            group.Equals("Special schools", StringComparison.OrdinalIgnoreCase))
            return SchoolPhase.Special;

        return (phaseOfEducation?.Trim() ?? "").ToLowerInvariant() switch
        {
            "nursery" => SchoolPhase.Nursery,
            "primary" => SchoolPhase.Primary,
            "middle deemed primary" or "middle deemed secondary" => SchoolPhase.Middle,
            "secondary" => SchoolPhase.Secondary,
            "all-through" or "all through" => SchoolPhase.AllThrough,
            "16 plus" => SchoolPhase.Post16,
            _ => type.Contains("early years", StringComparison.OrdinalIgnoreCase) ? SchoolPhase.EarlyYearsSetting : SchoolPhase.Other,
        };
    }
}
