using System.Globalization;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Voice;

public sealed record SelfEvaluationFile(string FileName, byte[] Pdf);

/// <summary>
/// The well-being self-evaluation as a PDF for the governing body: for each outcome the school's judgement, strengths
/// and priorities with the plan priorities they serve, the SIP's view, and the evidence behind it (the outcome's
/// indicators against the LA, the significant gaps for groups of pupils, and pupils' and parents' views), with small
/// numbers suppressed as the reader sees them.
/// </summary>
[Operation]
public sealed class GetSelfEvaluationDocument(GetSelfEvaluation get, IPdfRenderer pdf)
{
    public async Task<OperationResult<SelfEvaluationFile>> RunAsync(int urn, int? academicYear = null, CancellationToken ct = default)
    {
        var result = await get.RunAsync(urn, academicYear, ct);
        if (!result.Succeeded) return OperationResult<SelfEvaluationFile>.Fail(result.Errors);
        var view = result.Value!;
        return OperationResult<SelfEvaluationFile>.Ok(new($"wellbeing-self-evaluation-{urn}-{view.AcademicYear}.pdf", await pdf.RenderAsync(Html(view), ct)));
    }

    public static string Html(SelfEvaluationView view)
    {
        var doc = new HtmlDocument($"Well-being self-evaluation {view.Title}: {view.SchoolName}");
        doc.Heading($"Well-being self-evaluation, {view.Title}", 1);
        doc.Caption($"{view.SchoolName} (URN {view.Urn}) · for the governing body · {view.Status}"
            + (view.Evaluation?.CompletedOn is { } on ? $", completed on {on:d MMMM yyyy}" : ""));
        if (view.Evaluation?.PersonalDevelopment is { } pd)
            doc.Summary(("Personal development", $"{pd.Describe()}: {MoveOutcomeEvaluation.PersonalDevelopmentNote}"));
        doc.Table(["Outcome", "Judgement", "State", "SIP"], view.Outcomes.Select(o => (IReadOnlyList<string?>)
            [o.Outcome.DisplayName(), o.Record?.Grade?.Describe() ?? "Not judged", StateText(o), SipText(o)]));
        foreach (var o in view.Outcomes)
        {
            doc.Heading(o.Outcome.DisplayName());
            doc.Summary(("Judgement", o.Record?.Grade?.Describe()), ("Strengths", o.Record?.Strengths),
                ("Priorities", o.Record is { Priorities.Count: > 0 } r ? string.Join("\n", r.Priorities.Select(p => $"{p.Number}. {p.Text}"
                    + (p.Serves.Count > 0 ? $" (serves: {string.Join("; ", p.Serves.Select(view.PlanPriority))})" : ""))) : null),
                ("SIP's view", SipText(o) + (o.Record?.SipComment is { } c ? $": {c}" : "")));
            var e = o.Evidence;
            if (e.Measures.Count > 0)
                doc.Table(["Indicator", "School", .. e.Measures[0].Benchmarks.Select(b => b.Label)], e.Measures.Select(m => (IReadOnlyList<string?>)
                    [m.Indicator.Name, Figure(m.School, m.Indicator), .. m.Benchmarks.Select(b => Figure(b.Figure, b.Comparison, m.Indicator))]));
            if (e.SignificantGaps.Count > 0)
                doc.Table(["Indicator", "Group", "Group's figure", "Others", "Gap"], e.SignificantGaps.Select(g => (IReadOnlyList<string?>)
                    [g.Indicator.Name, g.Group.DisplayName(), Figure(g.GroupFigure, g.Indicator), Figure(g.OthersFigure, g.Indicator), Number(g.Gap, g.Indicator)]));
            foreach (var (title, rows) in new[] { ("Pupils' views", e.PupilViews), ("Parents' views", e.ParentViews) }.Where(x => x.Item2.Count > 0))
                doc.Table([title, "School", .. rows[0].Benchmarks.Select(b => b.Label)], rows.Select(m => (IReadOnlyList<string?>)
                    [m.Indicator.Name, Figure(m.School, m.Indicator), .. m.Benchmarks.Select(b => Figure(b.Figure, b.Comparison, m.Indicator))]));
        }
        if (view.Data is { Suppressed: true } data) doc.Raw($"<footer>Small numbers: {HtmlDocument.E(data.SuppressionNote)}</footer>");
        return doc.ToString();
    }

    public static string StateText(OutcomeEvaluationView o) => o.Record is null ? "Not started"
        : o.State == OutcomeEvaluationState.Completed ? $"Completed{(o.Record.CompletedAt is { } at ? $" on {at:d MMMM yyyy}" : "")}" : "Draft";

    public static string SipText(OutcomeEvaluationView o) => o.Record?.SipAgrees switch
    {
        true => "Agrees",
        false => "Disagrees",
        null => "Not yet said",
    };

    internal static string Figure(FigureView figure, Comparison comparison, IndicatorDefinition indicator) =>
        Figure(figure, indicator) + comparison switch
        {
            Comparison.SignificantlyBetter => " (school significantly better)",
            Comparison.SignificantlyWorse => " (school significantly worse)",
            _ => "",
        };

    internal static string Figure(FigureView figure, IndicatorDefinition indicator) =>
        figure.Suppressed ? "c" : figure.NotPublished is not null ? "Not published" : Number(figure.Value, indicator);

    private static string Number(double? value, IndicatorDefinition indicator) =>
        value is not { } v ? "–" : v.ToString(indicator.Unit == IndicatorUnit.Score ? "F2" : "F1", CultureInfo.InvariantCulture) + (indicator.IsPercent ? "%" : "");
}
