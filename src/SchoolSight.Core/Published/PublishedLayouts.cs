using System.Globalization;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Published;

/// <summary>
/// Which area a row of a published file is about, or why that cannot be told. <see cref="La"/> is the LA the row
/// belongs to (a school's LA, or the LA of an LA row), when the row says; England's rows belong to none.
/// </summary>
internal readonly record struct RowArea(AreaKind Kind, string Code, string? ProblemColumn = null, string? Problem = null)
{
    public int? La { get; init; }
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
        // Census: a school by URN, "LA" in the URN column with the LA's code and the phase (PRI, SEC, SPE) in Estab
        // (an LA's own download), or "NAT" in the URN column with the phase in Estab.
        PublishedSource.Census => new NationalByPhaseLayout("URN", "LA", "Estab", nationalIn: "URN"),
        // Absence: a school by URN, an LA row by phase (as the census's), or "NAT" in the LA column with the phase in ESTAB.
        PublishedSource.Absence => new NationalByPhaseLayout("URN", "LA", "ESTAB", nationalIn: "LA"),
        PublishedSource.Ofsted => throw new ArgumentException("Ofsted's file is read by OfstedFileReader.", nameof(source)),
    };

    internal static bool TryUrn(string text, out int urn) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out urn) && urn is >= 100000 and <= 9999999;

    /// <summary>A DfE LA code: three digits, 100 to 999.</summary>
    internal static int? LaCode(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var la) && la is >= 100 and <= 999 ? la : null;

    /// <param name="la">The school's LA, as its row gives it (not checked: a school's row is read by its URN).</param>
    internal static RowArea School(string column, string text, string la) =>
        text.Length == 0 ? RowArea.Fail(column, "the URN is blank: a school's row needs its unique reference number")
        : TryUrn(text, out var urn) ? new RowArea(AreaKind.School, urn.ToString(CultureInfo.InvariantCulture)) { La = LaCode(la) }
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
            AreaKind.School => School("URN", field("URN"), field("LEA")),
            AreaKind.LocalAuthority => LaCode(field("LEA")) is { } la
                ? new RowArea(AreaKind.LocalAuthority, la.ToString(CultureInfo.InvariantCulture)) { La = la }
                : RowArea.Fail("LEA", $"'{PublishedValues.Show(field("LEA"))}' is not an LA code: an LA's row needs its three-digit code"),
            AreaKind.England => new RowArea(AreaKind.England, area.EnglandCode!),
            AreaKind.Locality => throw new InvalidOperationException("Published files have no locality rows."),
        };
    }
}

/// <summary>
/// The census and absence files: a school by URN; an LA's row by phase, with "LA" in the URN column (as the DfE's
/// per-LA census download has it: <c>LA,815,PRI</c>) or a blank URN beside the LA's code and a phase; or England's
/// row by phase, with "NAT" in <paramref name="nationalIn"/>.
/// </summary>
internal sealed class NationalByPhaseLayout(string urnColumn, string laColumn, string phaseColumn, string nationalIn) : PublishedLayout
{
    public const string National = "NAT";
    public const string LocalAuthority = "LA";

    public override IReadOnlyList<string> IdentityColumns { get; } = [urnColumn, laColumn, phaseColumn];

    public override RowArea Classify(Func<string, string> field)
    {
        if (string.Equals(field(nationalIn), National, StringComparison.OrdinalIgnoreCase))
            return Phase(field) is { } phase
                ? new RowArea(AreaKind.England, AreaCodes.EnglandPhase(phase))
                : RowArea.Fail(phaseColumn, $"'{PublishedValues.Show(field(phaseColumn))}' is not a phase: a national row names its phase, like PRI, SEC or SPE");

        var urn = field(urnColumn);
        var laRow = string.Equals(urn, LocalAuthority, StringComparison.OrdinalIgnoreCase);
        if (laRow || (urn.Length == 0 && Phase(field) is not null))
        {
            if (LaCode(field(laColumn)) is not { } la)
                return RowArea.Fail(laColumn, $"'{PublishedValues.Show(field(laColumn))}' is not an LA code: an LA's row needs its three-digit code");
            return Phase(field) is { } phase
                ? new RowArea(AreaKind.LocalAuthority, AreaCodes.LaPhase(la, phase)) { La = la }
                : RowArea.Fail(phaseColumn, $"'{PublishedValues.Show(field(phaseColumn))}' is not a phase: an LA's row names its phase, like PRI, SEC or SPE");
        }
        return School(urnColumn, urn, field(laColumn));
    }

    /// <summary>PRI, SEC, SPE…: two to four letters.</summary>
    private string? Phase(Func<string, string> field)
    {
        var phase = field(phaseColumn).ToUpperInvariant();
        return phase.Length is >= 2 and <= 4 && phase.All(char.IsAsciiLetterUpper) ? phase : null;
    }
}
