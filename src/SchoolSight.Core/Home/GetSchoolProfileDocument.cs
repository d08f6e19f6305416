using SchoolSight.Core.Access;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Register;
using static SchoolSight.Core.Categorisation.CategorisationText;
using static SchoolSight.Core.Voice.GetSelfEvaluationDocument;

namespace SchoolSight.Core.Home;

public sealed record SchoolProfileFile(string FileName, byte[] Pdf);

/// <summary>
/// A school's profile as a PDF: its first page is the one-screen summary (<see cref="GetSchoolSummary"/>, as the
/// school's page shows it to the reader), then the headline indicators against every benchmark
/// (<see cref="GetSchoolIndicators"/>), the history of its level of support (<see cref="GetSchoolLevel"/>) and its
/// latest self-evaluation and SIP judgements (<see cref="GetJudgements"/>), each only where the reader's role sees it.
/// Null when the school is not visible to the reader.
/// </summary>
[Operation]
public sealed class GetSchoolProfileDocument(
    AppDbContext db, GetSchoolSummary summary, GetSchoolIndicators indicators, GetSchoolLevel levels, GetJudgements judgements, PeopleNames people, IPdfRenderer pdf)
{
    public async Task<SchoolProfileFile?> RunAsync(int urn, CancellationToken ct = default)
    {
        if (await summary.RunAsync(urn, ct) is not { } glance) return null;
        var figures = await indicators.RunAsync(urn, ct: ct);
        var headline = glance.Indicators.Select(h => h.Indicator.Id).ToHashSet();
        var rows = figures?.Rows.Where(r => headline.Contains(r.Indicator.Id)).ToList() ?? [];
        var history = glance.SeesLevel && (await levels.RunAsync(urn, ct)).Value is { } level ? level.History : null;
        var names = await people.ResolverAsync(ct);
        var latest = glance.SeesJudgements ? (await judgements.RunAsync(urn, ct)).Value?.Years.FirstOrDefault() : null;
        var html = Html(glance, rows, history?.Select(d => new LevelHistoryLine(db.Clock.DateOf(d.DecidedAt), d, names(d.DecidedBy))).ToList(), glance.SeesJudgements, latest);
        return new SchoolProfileFile($"school-profile-{urn}-{glance.Today:yyyy-MM-dd}.pdf", await pdf.RenderAsync(html, ct));
    }

    /// <summary>One decision on the school's level, with the local date and the name of who made it.</summary>
    public sealed record LevelHistoryLine(DateOnly On, SchoolLevelDecision Decision, string DecidedBy);

    public static string Html(SchoolAtAGlance s, IReadOnlyList<IndicatorRow> indicators, IReadOnlyList<LevelHistoryLine>? history, bool seesJudgements, JudgementYear? latest)
    {
        var doc = new HtmlDocument($"School profile: {s.Name}");
        doc.Heading($"School profile: {s.Name}", 1).Caption($"URN {s.Urn} · {s.Phase.DisplayName()} · as at {Date(s.Today)}");
        var summary = new List<(string, string?)>();
        if (s.SeesLevel) summary.Add(("Level of support", s.Level is { } l ? $"{l.Describe()}: {s.LevelWhy}" : "No level agreed yet"));
        if (s.Case is { } c)
            summary.Add(("Improving Outcomes Programme", Case(c) + (s.NextDeadline is { } d
                ? $"\nNext deadline: {d.Title}, {Date(d.DueOn)}{(d.StatusOn(s.Today) == DeadlineStatus.Overdue ? " (overdue)" : "")}" : "")));
        summary.Add(("Latest Ofsted outcome", Ofsted(s.Ofsted)));
        if (s.SeesJudgements) summary.Add(("Latest judgements", $"SIP: {Judgement(s.Sip)}\nSchool: {Judgement(s.SelfEvaluation)}"));
        summary.Add(("School improvement partner", s.SipName ?? "None assigned"));
        doc.Heading("Summary").Summary([.. summary]);
        if (s.Indicators.Count > 0)
            doc.Heading($"Headline figures{(s.IndicatorYear is { } y ? $", {Domain.AcademicYear.Format(y)}" : "")}")
                .Table(["Indicator", "School", "England", "Against England"], s.Indicators.Select(h => (IReadOnlyList<string?>)
                    [h.Indicator.Name, Figure(h.School, h.Indicator), h.England is { } e ? Figure(e.Figure, h.Indicator) : "–", h.England is { } against ? Against(against) : "–"]));
        doc.Raw("<div class=\"page-break\"></div>");

        doc.Heading($"Headline indicators against their benchmarks{(s.IndicatorYear is { } year ? $", {Domain.AcademicYear.Format(year)}" : "")}");
        if (indicators.Count == 0) doc.Paragraphs("SchoolSight holds no figures for this school yet.");
        else
            doc.Table(["Indicator", "School", .. indicators[0].Benchmarks.Select(b => b.Label), "Trend"], indicators.Select(r => (IReadOnlyList<string?>)
                [r.Indicator.Name, Figure(r.School, r.Indicator), .. r.Benchmarks.Select(b => Figure(b.Figure, b.Comparison, r.Indicator)),
                    string.Join(" → ", r.Trend.Select(t => $"{Domain.AcademicYear.Format(t.AcademicYear)} {Figure(t.Figure, r.Indicator)}"))]));

        if (history is not null)
        {
            doc.Heading("Level of support history");
            if (history.Count == 0) doc.Paragraphs("The SMT has not yet agreed a level for this school.");
            else
                doc.Table(["Date", "Level", "Decided by", "Why"], history.Select(h => (IReadOnlyList<string?>)
                    [Date(h.On), h.Decision.Level.Describe() + (h.Decision.PreviousLevel is { } before && before != h.Decision.Level ? $" (from {before.Describe().ToLowerInvariant()})" : ""),
                        h.DecidedBy, h.Decision.Reason]));
        }

        if (seesJudgements)
        {
            doc.Heading(latest is null ? "Latest judgements" : $"Latest judgements, {latest.Title}");
            if (latest is null) doc.Paragraphs("Neither the school nor its SIP has recorded a judgement yet.");
            else
                doc.Table(["Area", "Self-evaluation", "SIP"], latest.Rows.Select(r => (IReadOnlyList<string?>)
                    [r.Area.Describe(), r.SelfEvaluation?.Grade.Describe() ?? "Not judged", r.Sip?.Grade.Describe() ?? "Not judged"]));
        }
        doc.Raw("<footer>Prepared by SchoolSight. Figures of fewer than six pupils are shown as c to readers who may not see the school's pupil-level data.</footer>");
        return doc.ToString();
    }

    private static string Against(BenchmarkView b) => b.Comparison switch
    {
        Comparison.SignificantlyBetter => "Significantly better",
        Comparison.SignificantlyWorse => "Significantly worse",
        Comparison.NotSignificant => "Not significantly different",
        Comparison.NotTested => "Not tested",
    };
}
