using System.Globalization;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Exports;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using static SchoolSight.Core.Categorisation.CategorisationText;

namespace SchoolSight.Core.Categorisation;

/// <summary>A board pack's words, shared by its page and its PDF.</summary>
public static class BoardPackText
{
    public static string Title(BoardPack pack) => $"{pack.Meeting.BoardName}: {Date(pack.Meeting.MeetsOn)}";

    public static string NoPreviousMeeting(BoardPack pack) =>
        $"This is the first meeting of the {pack.Meeting.BoardName} held in SchoolSight: there is no previous meeting to compare with, so no movement is shown.";

    public static string Since(BoardPack pack) => pack.Previous is { } p ? $"Since the previous meeting on {Date(p.MeetsOn)}" : "";

    public static string LevelChange(LevelChangeRow r) =>
        $"from {Level(r.From)} to {r.To.Describe()}, decided by {r.DecidedBy} on {Date(r.DecidedOn)}";

    public static string OfstedChange(OfstedChangeRow r) =>
        (r.Entered ? "Entered an Ofsted category: " : r.Left ? "Left an Ofsted category: " : "Still in an Ofsted category: ")
        + $"{Ofsted(r.After)}{(r.Before is { } b ? $"; before: {Ofsted(b)}" : "")}";

    public static string CaseChange(CaseChangeRow r) =>
        r.Entered ? $"Entered the programme ({r.Tier.Describe()}) on {Date(r.On)}" : $"Case closed on {Date(r.On)}";

    public static string Count(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "–";

    public const string NoReasons = "No reasons recorded";

    public static string Reasons(ConcernRow r) => r.Reasons.Count == 0 ? NoReasons : string.Join("; ", r.Reasons);

    public static string Changes(ConcernRow r) => r.Changes.Count == 0 ? "No change" : string.Join("; ", r.Changes);

    public static string NewResults(BoardPack pack) => pack.NewResults.Count == 0
        ? "No published results have been imported since the previous meeting."
        : $"New published results since the previous meeting: {string.Join("; ", pack.NewResults)}.";
}

/// <summary>
/// The board pack as one spreadsheet table for the board's clerk to sort and filter: a row per school in each part of
/// each locality's section (causing concern, in an Ofsted category, what moved since the previous meeting), with the
/// level counts in the notes.
/// </summary>
public static class BoardPackTable
{
    public static readonly IReadOnlyList<string> Columns = ["Locality", "Part", "URN", "School", "Level", "Reasons or movement", "Since the previous meeting", "Ofsted", "Programme case"];

    public static ExportTable Table(BoardPack pack)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var s in pack.Sections)
        {
            rows.AddRange(s.CausingConcern.Select(r => (IReadOnlyList<object?>)
                [s.Name, "Causing concern", r.Urn, r.Name, Level(r.Level), BoardPackText.Reasons(r), pack.Previous is null ? "" : BoardPackText.Changes(r), Ofsted(r.Ofsted), Case(r.Case)]));
            rows.AddRange(s.InOfstedCategories.Select(r => (IReadOnlyList<object?>)
                [s.Name, "In an Ofsted category", r.Urn, r.Name, Level(r.Level), "", "", Ofsted(r.Ofsted), ""]));
            if (pack.Previous is null) continue;
            var since = BoardPackText.Since(pack);
            rows.AddRange(s.LevelChanges.Select(r => (IReadOnlyList<object?>)[s.Name, since, r.Urn, r.Name, r.To.Describe(), "Level: " + BoardPackText.LevelChange(r), "", "", ""]));
            rows.AddRange(s.OfstedChanges.Select(r => (IReadOnlyList<object?>)[s.Name, since, r.Urn, r.Name, "", BoardPackText.OfstedChange(r), "", Ofsted(r.After), ""]));
            rows.AddRange(s.CaseChanges.Select(r => (IReadOnlyList<object?>)[s.Name, since, r.Urn, r.Name, "", BoardPackText.CaseChange(r), "", "", ""]));
        }
        var previous = pack.Previous is { } p ? $"at the previous meeting ({Date(p.MeetsOn)})" : "at the previous meeting";
        return new ExportTable($"Board pack: {BoardPackText.Title(pack)}", Columns, rows,
        [
            $"{pack.LaName}; {pack.Meeting.Purpose.Describe()}; as at the meeting's date. Levels are the SMT's decisions in force on the meeting's date.",
            .. pack.Counts.Select(c => $"{Level(c.Level)}: {BoardPackText.Count(c.Then)} schools {previous}, {c.Now} at this meeting."),
            pack.Previous is null ? BoardPackText.NoPreviousMeeting(pack) : BoardPackText.NewResults(pack),
        ]);
    }
}

/// <summary>
/// The board pack as a printable document (landscape: its tables are wide), with the levels-over-time charts the pack's
/// page shows (<paramref name="overTime"/>, from <see cref="GetLevelsOverTime"/>) above the counts table.
/// </summary>
public static class BoardPackDocument
{
    public static string Html(BoardPack pack, IReadOnlyList<AreaLevels> overTime)
    {
        var doc = new HtmlDocument(BoardPackText.Title(pack)) { Landscape = true };
        doc.Heading($"Board pack: {pack.Meeting.BoardName}", 1)
            .Caption($"{pack.LaName} · meeting on {Date(pack.Meeting.MeetsOn)} · {pack.Meeting.Purpose.Describe()} · as at the meeting's date");
        if (pack.Meeting.Notes is { } notes) doc.Paragraphs(notes);
        LevelCharts.AddTo(doc, overTime);
        doc.Heading("Schools by level of support");
        doc.Table(["Level", pack.Previous is { } p ? $"At the previous meeting ({Date(p.MeetsOn)})" : "At the previous meeting", "At this meeting"],
            pack.Counts.Select(c => (IReadOnlyList<string?>)[Level(c.Level), BoardPackText.Count(c.Then), BoardPackText.Count(c.Now)]));
        doc.Paragraphs(pack.Previous is null ? BoardPackText.NoPreviousMeeting(pack) : BoardPackText.NewResults(pack));
        foreach (var s in pack.Sections)
        {
            doc.Heading($"{s.Name} ({s.Schools} schools)");
            doc.Raw("<h3>Schools causing concern</h3>");
            if (pack.Previous is null)
                doc.Table(["School", "Level", "Why this level", "Ofsted", "Programme case"],
                    s.CausingConcern.Select(r => (IReadOnlyList<string?>)[$"{r.Name} ({r.Urn})", Level(r.Level), BoardPackText.Reasons(r), Ofsted(r.Ofsted), Case(r.Case)]));
            else
                doc.Table(["School", "Level", "Why this level", BoardPackText.Since(pack), "Ofsted", "Programme case"],
                    s.CausingConcern.Select(r => (IReadOnlyList<string?>)[$"{r.Name} ({r.Urn})", Level(r.Level), BoardPackText.Reasons(r), BoardPackText.Changes(r), Ofsted(r.Ofsted), Case(r.Case)]));
            doc.Raw("<h3>Schools in Ofsted categories</h3>");
            doc.Table(["School", "Ofsted", "Level"],
                s.InOfstedCategories.Select(r => (IReadOnlyList<string?>)[$"{r.Name} ({r.Urn})", Ofsted(r.Ofsted), Level(r.Level)]));
            if (pack.Previous is null) continue;
            doc.Raw($"<h3>{HtmlDocument.E(BoardPackText.Since(pack))}</h3>");
            doc.Table(["School", "Movement"],
                s.LevelChanges.Select(r => (IReadOnlyList<string?>)[$"{r.Name} ({r.Urn})", "Level: " + BoardPackText.LevelChange(r)])
                    .Concat(s.OfstedChanges.Select(r => (IReadOnlyList<string?>)[$"{r.Name} ({r.Urn})", BoardPackText.OfstedChange(r)]))
                    .Concat(s.CaseChanges.Select(r => (IReadOnlyList<string?>)[$"{r.Name} ({r.Urn})", BoardPackText.CaseChange(r)])));
        }
        doc.Raw($"<footer>Prepared by SchoolSight for the {HtmlDocument.E(pack.Meeting.BoardName)}. Levels are the SMT's decisions in force on the meeting's date.</footer>");
        return doc.ToString();
    }
}
