using SchoolSight.Domain.Published;

namespace SchoolSight.Domain.Categorisation.Rules;

/// <summary>
/// What a report card condition tests: one area at <see cref="AtOrWorse"/> or worse, or (no area) at least
/// <see cref="InAreas"/> of the graded areas at it or worse. Monotone: a worse grade in any area never makes it fail.
/// </summary>
public sealed record ReportCardTest(ReportCardGrade AtOrWorse, JudgementArea? Area, int InAreas)
{
    public ConditionResult Evaluate(string what, IReadOnlyDictionary<JudgementArea, ReportCardGrade> grades, string when)
    {
        if (Area is { } area)
        {
            if (!grades.TryGetValue(area, out var grade)) return ConditionResult.MissingEvidence($"{what}: {area.Describe().ToLowerInvariant()} not graded ({when})");
            return ConditionResult.Of(grade >= AtOrWorse, new EvidenceItem($"{what}: {area.Describe().ToLowerInvariant()}", grade.Describe(), when));
        }
        if (grades.Count == 0) return ConditionResult.MissingEvidence($"{what}: no areas graded ({when})");
        var matched = grades.Where(g => g.Value >= AtOrWorse).OrderBy(g => g.Key).ToList();
        if (matched.Count >= InAreas)
            return ConditionResult.Of(true, [.. matched.Select(g => new EvidenceItem($"{what}: {g.Key.Describe().ToLowerInvariant()}", g.Value.Describe(), when))]);
        var worst = grades.Max(g => g.Value);
        return ConditionResult.Of(false, new EvidenceItem(what, $"worst grade {worst.Describe().ToLowerInvariant()}", when));
    }

    /// <summary>"needs attention or worse in at least 2 areas", for descriptions.</summary>
    public override string ToString() => Area is { } area
        ? $"{area.Describe().ToLowerInvariant()} {AtOrWorse.Describe().ToLowerInvariant()} or worse"
        : $"{AtOrWorse.Describe().ToLowerInvariant()} or worse in at least {InAreas} area{(InAreas == 1 ? "" : "s")}";
}

/// <summary>
/// The latest Ofsted inspection is a report card (from 10 November 2025) meeting <see cref="Test"/>. An older
/// inspection has no report card grades, so the condition does not hold for it: its four-point judgements are read
/// by <see cref="OfstedCondition"/>, never converted.
/// </summary>
public sealed record ReportCardCondition(ReportCardTest Test) : Condition
{
    public override IEnumerable<EvidenceKey> Reads => [EvidenceKey.Ofsted];

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        if (evidence.Ofsted is not { } ofsted) return ConditionResult.MissingEvidence("Ofsted: no inspection held");
        if (ofsted.Framework != OfstedFramework.ReportCard) return ConditionResult.Of(false);
        return Test.Evaluate("Ofsted report card", ofsted.ReportCard, Day(ofsted.InspectionDate));
    }
}

/// <summary>
/// The school's self-evaluation or its SIP's judgements, on the report card scale (judgements made from 10 November
/// 2025), meet <see cref="Test"/>. A source still judging on the four-point scale has no such grades: the condition
/// does not hold, and <see cref="JudgementCondition"/> reads its judgements.
/// </summary>
public sealed record ReportCardJudgementCondition(JudgementSource Source, ReportCardTest Test) : Condition
{
    public override IEnumerable<EvidenceKey> Reads => [Source == JudgementSource.SelfEvaluation ? EvidenceKey.SelfEvaluation : EvidenceKey.Sip];

    public override ConditionResult Evaluate(SchoolEvidence evidence)
    {
        var what = JudgementCondition.Whose(Source);
        var scale = evidence.CurrentScale(Source);
        if (scale is null) return ConditionResult.MissingEvidence($"{what}: none recorded");
        if (scale != JudgementScale.ReportCard) return ConditionResult.Of(false);
        var latest = JudgementScale.ReportCard.Areas()
            .Select(a => evidence.LatestJudgement(Source, a)).OfType<JudgementEvidence>().ToList();
        var grades = latest.ToDictionary(j => j.Area, j => j.Grade.ReportCard!.Value);
        var newest = latest.MaxBy(j => j.JudgedOn)!;
        return Test.Evaluate(what, grades, $"{AcademicYear.Format(newest.AcademicYear)}, judged {Day(newest.JudgedOn)}");
    }
}
