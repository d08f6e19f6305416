using System.Globalization;
using System.Text.RegularExpressions;
using SchoolSight.Core.Time;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Web;

/// <summary>
/// Stored times (UTC) as pages show them, always in the LA's own time zone (<see cref="LaClock"/>, UK time by default):
/// the audit trail, the imports, decisions. Pages write <c>@Clock.DateAndTime(row.At)</c> after <c>@inject LaClock Clock</c>.
/// </summary>
public static partial class LaTimes
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"23 November 2026 at 2:05pm".</summary>
    public static string DateAndTime(this LaClock clock, DateTime utc)
    {
        var local = clock.LocalOf(utc);
        return $"{local.ToString("d MMMM yyyy", Uk)} at {local.ToString("h:mmtt", Uk).ToLowerInvariant()}";
    }

    /// <summary>"23 Nov 2026, 2:05:09pm", for lists where the second matters (the audit trail).</summary>
    public static string ShortDateAndTime(this LaClock clock, DateTime utc)
    {
        var local = clock.LocalOf(utc);
        return $"{local.ToString("d MMM yyyy", Uk)}, {local.ToString("h:mm:sstt", Uk).ToLowerInvariant()}";
    }

    /// <summary>"23 November 2026": the LA's date of a stored time.</summary>
    public static string DateText(this LaClock clock, DateTime utc) => clock.LocalOf(utc).ToString("d MMMM yyyy", Uk);

    /// <summary>An audited record type in words: "SchoolLevelDecision" → "School level decision".</summary>
    public static string RecordType(string entityType) => Words(entityType);

    /// <summary>An audit action in words: SignInFailed → "Sign-in failed".</summary>
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.SignedIn => "Signed in",
        AuditAction.SignInFailed => "Sign-in failed",
        AuditAction.PasswordResetLinkIssued => "Password reset link sent",
        _ => Words(action.ToString()),
    };

    private static string Words(string pascal)
    {
        var words = CapitalWord().Replace(pascal, " $1").Trim();
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + Lower(words[1..]);
    }

    /// <summary>Lower-cases every word but acronyms (SIP, LA, QUAS).</summary>
    private static string Lower(string rest) => string.Join(' ', rest.Split(' ').Select(w => w.Length > 1 && w.All(char.IsUpper) ? w : w.ToLowerInvariant()));

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])|(?<=[A-Z])([A-Z][a-z])")]
    private static partial Regex CapitalWord();
}
