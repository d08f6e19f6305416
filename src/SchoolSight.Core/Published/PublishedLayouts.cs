using System.Globalization;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Published;

/// <summary>Which area a row of a published file is about, or why that cannot be told.</summary>
internal readonly record struct RowArea(AreaKind Kind, string Code, string? ProblemColumn = null, string? Problem = null)
{
    public static RowArea Fail(string column, string problem) => new(default, "", column, problem);
    public bool Failed => Problem is not null;
}

/// <summary>How a source's rows say which area they are about.</summary>
internal abstract class PublishedLayout
{
    public abstract IReadOnlyList<string> IdentityColumns { get; }

    public abstract RowArea Classify(Func<string, string> field);

    public static PublishedLayout For(PublishedSource source) => source switch
    {
        // KS2: RECTYPE 1 mainstream and 2 special schools, 3 the LA, 4 England (all schools), 5 England (state-funded).
        PublishedSource.Ks2 => new PerformanceTableLayout(new Dictionary<string, (AreaKind, string?)>
        {
            ["1"] = (AreaKind.School, null),
            ["2"] = (AreaKind.School, null),
            ["3"] = (AreaKind.LocalAuthority, null),
            ["4"] = (AreaKind.England, AreaCodes.England),
            ["5"] = (AreaKind.England, AreaCodes.EnglandStateFunded),
        }),
        // KS4: RECTYPE 1 and 2 schools, 4 the LA, 5 England (all schools), 7 England (state-funded).
        PublishedSource.Ks4 => new PerformanceTableLayout(new Dictionary<string, (AreaKind, string?)>
        {
            ["1"] = (AreaKind.School, null),
            ["2"] = (AreaKind.School, null),
            ["4"] = (AreaKind.LocalAuthority, null),
            ["5"] = (AreaKind.England, AreaCodes.England),
            ["7"] = (AreaKind.England, AreaCodes.EnglandStateFunded),
        }),
        // Census: a school by URN, or "NAT" in the URN column with the phase (PRI, SEC, SPE) in Estab.
        PublishedSource.Census => new NationalByPhaseLayout("URN", "LA", "Estab", nationalIn: "URN"),
        // Absence: a school by URN, or "NAT" in the LA column with the phase in ESTAB.
        PublishedSource.Absence => new NationalByPhaseLayout("URN", "LA", "ESTAB", nationalIn: "LA"),
        PublishedSource.Ofsted => throw new ArgumentException("Ofsted's file is read by OfstedFileReader.", nameof(source)),
    };

    internal static bool TryUrn(string text, out int urn) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out urn) && urn is >= 100000 and <= 9999999;

    internal static RowArea School(string column, string text) =>
        text.Length == 0 ? RowArea.Fail(column, "the URN is blank: a school's row needs its unique reference number")
        : TryUrn(text, out var urn) ? new RowArea(AreaKind.School, urn.ToString(CultureInfo.InvariantCulture))
        : RowArea.Fail(column, $"'{PublishedValues.Show(text)}' is not a URN: a URN is a whole number of 6 or 7 digits");
}

internal sealed class PerformanceTableLayout(IReadOnlyDictionary<string, (AreaKind Kind, string? EnglandCode)> recordTypes) : PublishedLayout
{
    public override IReadOnlyList<string> IdentityColumns { get; } = ["RECTYPE", "LEA", "URN"];

    public override RowArea Classify(Func<string, string> field)
    {
        var type = field("RECTYPE");
        if (!recordTypes.TryGetValue(type, out var area))
            return RowArea.Fail("RECTYPE", type.Length == 0
                ? $"the record type is blank: it must be one of {string.Join(", ", recordTypes.Keys)}"
                : $"'{PublishedValues.Show(type)}' is not a record type of this file: it must be one of {string.Join(", ", recordTypes.Keys)}");
        return area.Kind switch
        {
            AreaKind.School => School("URN", field("URN")),
            AreaKind.LocalAuthority => int.TryParse(field("LEA"), NumberStyles.None, CultureInfo.InvariantCulture, out var la) && la is >= 100 and <= 999
                ? new RowArea(AreaKind.LocalAuthority, la.ToString(CultureInfo.InvariantCulture))
                : RowArea.Fail("LEA", $"'{PublishedValues.Show(field("LEA"))}' is not an LA code: an LA's row needs its three-digit code"),
            AreaKind.England => new RowArea(AreaKind.England, area.EnglandCode!),
            AreaKind.Locality => throw new InvalidOperationException("Published files have no locality rows."),
        };
    }
}

internal sealed class NationalByPhaseLayout(string urnColumn, string laColumn, string phaseColumn, string nationalIn) : PublishedLayout
{
    public const string National = "NAT";

    public override IReadOnlyList<string> IdentityColumns { get; } = [urnColumn, laColumn, phaseColumn];

    public override RowArea Classify(Func<string, string> field)
    {
        if (string.Equals(field(nationalIn), National, StringComparison.OrdinalIgnoreCase))
        {
            var phase = field(phaseColumn).ToUpperInvariant();
            return phase.Length is >= 2 and <= 4 && phase.All(char.IsAsciiLetterUpper)
                ? new RowArea(AreaKind.England, AreaCodes.EnglandPhase(phase))
                : RowArea.Fail(phaseColumn, $"'{PublishedValues.Show(field(phaseColumn))}' is not a phase: a national row names its phase, like PRI, SEC or SPE");
        }
        return School(urnColumn, field(urnColumn));
    }
}
