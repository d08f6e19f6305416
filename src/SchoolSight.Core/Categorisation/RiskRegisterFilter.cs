using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// What the risk register is narrowed to: a locality, a phase, a level ("none" for schools not yet categorised).
/// Every part is optional; <see cref="Parse"/> reads them from a query string and names each bad one.
/// </summary>
public sealed record RiskRegisterFilter(int? LocalityId = null, SchoolPhase? Phase = null, LevelOfSupport? Level = null, bool NotYetCategorised = false)
{
    public const string NotYetCategorisedValue = "none";

    public static readonly RiskRegisterFilter Everything = new();

    /// <summary>The level filter as the query string carries it: universal, targeted, intensive or none.</summary>
    public string? LevelValue => NotYetCategorised ? NotYetCategorisedValue : Level?.ToString().ToLowerInvariant();

    public static (RiskRegisterFilter Filter, IReadOnlyList<DomainError> Errors) Parse(string? locality, string? phase, string? level)
    {
        var errors = new List<DomainError>();
        int? localityId = null;
        if (!string.IsNullOrWhiteSpace(locality))
        {
            if (int.TryParse(locality.Trim(), out var id) && id > 0) localityId = id;
            else errors.Add(new("register.locality", "Choose a locality from the list", "locality"));
        }
        SchoolPhase? schoolPhase = null;
        if (!string.IsNullOrWhiteSpace(phase))
        {
            if (Enum.TryParse<SchoolPhase>(phase.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p)) schoolPhase = p;
            else errors.Add(new("register.phase", "Choose a phase from the list", "phase"));
        }
        LevelOfSupport? levelOfSupport = null;
        var none = false;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (string.Equals(level.Trim(), NotYetCategorisedValue, StringComparison.OrdinalIgnoreCase)) none = true;
            else if (LevelsOfSupport.TryParse(level, out var l)) levelOfSupport = l;
            else errors.Add(new("register.level", "Choose a level of support from the list", "level"));
        }
        return (new RiskRegisterFilter(localityId, schoolPhase, levelOfSupport, none), errors);
    }

    public bool Admits(LevelOfSupport? level) =>
        NotYetCategorised ? level is null : Level is not { } wanted || level == wanted;
}
