using SchoolSight.Core.Documents;
using SchoolSight.Core.Exports;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;
using static SchoolSight.Core.Categorisation.CategorisationText;

namespace SchoolSight.Core.Categorisation;

/// <summary>The risk register as a CSV or Excel table and as a printable (landscape) document, with the page's words.</summary>
public static class RiskRegisterDocuments
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "URN", "School", "Locality", "Phase", "Level of support", "Movement", "Reasons", "Proposal", "Headline trend",
        "Latest Ofsted", "SIP's judgement", "School's own judgement", "Programme case",
    ];

    /// <summary>What the register is filtered to, in words: "All open schools" or "North locality; Primary; Intensive".</summary>
    public static string FilterDescription(RiskRegister register)
    {
        var f = register.Filter;
        var parts = new List<string>();
        if (f.LocalityId is { } id) parts.Add($"{register.Localities.FirstOrDefault(l => l.Id == id).Name ?? "Unknown"} locality");
        if (f.Phase is { } phase) parts.Add(phase.DisplayName());
        if (f.NotYetCategorised) parts.Add(NotYetCategorised);
        else if (f.Level is { } level) parts.Add(level.Describe());
        return parts.Count == 0 ? "All open schools" : string.Join("; ", parts);
    }

    public static IReadOnlyList<string?> Cells(RiskRegisterRow r) =>
    [
        r.Urn.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name, r.Locality ?? "None", r.Phase.DisplayName(), Level(r.Level),
        MovementText(r.Movement), string.Join("\n", r.Reasons), Proposed(r.ProposedLevel), TrendText(r.Trend),
        Ofsted(r.Ofsted), Judgement(r.Sip), Judgement(r.SelfEvaluation), Case(r.Case),
    ];

    public static ExportTable Table(RiskRegister register) =>
        new($"Risk register, {register.LaName}, {Date(register.AsAt)}", Columns,
            [.. register.Rows.Select(r => (IReadOnlyList<object?>)[r.Urn, .. Cells(r).Skip(1)])],
            [$"Schools: {FilterDescription(register)} ({register.Rows.Count}).", "Level: the SMT's latest decision. Movement: the latest change of level (▲ more support, ▼ less).",
             "Headline trend: latest against earliest of up to three years (primary KS2 expected standard in reading, writing and mathematics; secondary Progress 8, or Attainment 8; others overall absence)."]);

    public static string Html(RiskRegister register)
    {
        var doc = new HtmlDocument($"Risk register, {register.LaName}") { Landscape = true };
        doc.Heading("Risk register: levels of support and intervention", 1)
            .Caption($"{register.LaName} · {FilterDescription(register)} · {register.Rows.Count} schools · as at {Date(register.AsAt)}");
        doc.Summary([.. LevelsOfSupport.All.Reverse().Select(l => (l.Describe(), (string?)register.Rows.Count(r => r.Level == l).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (NotYetCategorised, register.Rows.Count(r => r.Level is null).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        doc.Table(["School", "Level", "Movement", "Reasons", "Trend", "Ofsted", "SIP / school", "Programme case"],
            register.Rows.Select(r => (IReadOnlyList<string?>)
            [
                $"{r.Name} ({r.Urn}), {r.Locality ?? "no locality"}, {r.Phase.DisplayName()}",
                $"{Level(r.Level)}{(r.ProposedLevel is null ? "" : $" ({Proposed(r.ProposedLevel)})")}",
                MovementText(r.Movement), string.Join("; ", r.Reasons), TrendText(r.Trend), Ofsted(r.Ofsted),
                $"SIP: {Judgement(r.Sip)}. School: {Judgement(r.SelfEvaluation)}", Case(r.Case),
            ]));
        return doc.ToString();
    }
}
