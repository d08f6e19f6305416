using CsCheck;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>
/// Properties of the rules over many schools: worse evidence never lowers a school's proposed level, and the same
/// evidence always gives the same proposal. "Worse" is the school's current evidence getting worse: lower latest
/// attainment (or higher absence), a worse Ofsted outcome or key judgement, safeguarding found not effective, a worse
/// self-evaluation or SIP grade, another LA concern.
/// </summary>
public sealed class RulePropertiesTests
{
    private static readonly string[] Percentages = ["KS2_RWM_EXP", "KS4_BASICS_95", "PERSISTENT_ABSENCE"];
    private static readonly string[] Shares = ["KS2_BELOW_FLOOR", "KS4_BELOW_FLOOR"];

    /// <summary>Progress scores and how far they spread: Progress 8 about ±1, key stage 2 progress about ±6.</summary>
    private static readonly (string Id, double Scale)[] Scores = [("KS4_P8", 1), ("KS2_READ_PROG", 6), ("KS2_MAT_PROG", 6)];

    /// <summary>
    /// Data years with and without each measure published (2023/24 has Progress 8 but no key stage 2 progress;
    /// 2024/25 has neither; 2025/26 has key stage 2 progress again), so the rules are tried both ways.
    /// </summary>
    private static readonly int[] DataYears = [2022, 2023, 2024, 2025];
    private static readonly SchoolPhase[] Phases = [SchoolPhase.Primary, SchoolPhase.Secondary, SchoolPhase.AllThrough, SchoolPhase.Special, SchoolPhase.Middle];

    /// <summary>A school's evidence and a worse version of it, built from one seed.</summary>
    internal static (SchoolEvidence Base, SchoolEvidence Worse) Scenario(int seed)
    {
        var random = new Random(seed);
        bool Chance(double p) => random.NextDouble() < p;
        var indicators = new Dictionary<string, IndicatorEvidence>();
        var worseIndicators = new Dictionary<string, IndicatorEvidence>();
        var dataYear = DataYears[random.Next(DataYears.Length)];
        var latestYear = Chance(0.8) ? dataYear : dataYear - 1;

        void Add(string id, Func<IndicatorValue> value, Func<IndicatorValue, IndicatorValue> worsen, double? england)
        {
            if (!Chance(0.85)) return;
            var years = Enumerable.Range(0, random.Next(1, 4)).Select(i => latestYear - i).Reverse()
                .Select(y => new IndicatorYear(y, value(), england, england is { } e ? e + random.Next(-3, 4) : null, null)).ToList();
            indicators[id] = new IndicatorEvidence(id, years);
            var worse = years.ToList();
            worse[^1] = worse[^1] with { Value = worsen(worse[^1].Value) };
            worseIndicators[id] = new IndicatorEvidence(id, worse);
        }

        foreach (var id in Percentages)
        {
            var higherBetter = id != "PERSISTENT_ABSENCE";
            Add(id, () => EvidenceBuilder.Percent(random.Next(0, 101), random.Next(3, 300)), v =>
            {
                var delta = Chance(0.3) ? 0 : random.NextDouble() * 40;
                var shift = higherBetter ? -delta : delta;
                return v with { Value = v.Value + shift, Lower = v.Lower + shift, Upper = v.Upper + shift };
            }, random.Next(15, 70));
        }
        foreach (var (id, scale) in Scores)
            Add(id, () =>
            {
                var score = Math.Round((random.NextDouble() * 2 - 1) * scale, 2);
                var half = random.NextDouble() * 0.4 * scale;
                return new IndicatorValue(score, score * 100, 100, random.Next(3, 250), score - half, score + half);
            }, v =>
            {
                var delta = Chance(0.3) ? 0 : random.NextDouble() * scale;
                return v with { Value = v.Value - delta, Lower = v.Lower - delta, Upper = v.Upper - delta };
            }, 0);
        foreach (var id in Shares)
            Add(id, () => Chance(0.3) ? new IndicatorValue(100, 1, 1, 1, null, null) : new IndicatorValue(0, 0, 1, 1, null, null),
                v => Chance(0.5) ? new IndicatorValue(100, 1, 1, 1, null, null) : v, null);

        OfstedEvidence? ofsted = null, worseOfsted = null;
        if (Chance(0.85))
        {
            var standing = (OfstedStanding)random.Next(1, 8);
            var date = EvidenceBuilder.Today.AddDays(-random.Next(30, 9 * 365));
            var leadership = (OfstedJudgement)random.Next(1, 5);
            bool? safeguarding = Chance(0.15) ? null : !Chance(0.1);
            ofsted = Ofsted(date, standing, leadership, safeguarding);
            var worseStanding = (OfstedStanding)Math.Min(7, (int)standing + random.Next(0, 3));
            var worseLeadership = (OfstedJudgement)Math.Min(4, (int)leadership + random.Next(0, 2));
            worseOfsted = Ofsted(date, worseStanding, worseLeadership, safeguarding == true && Chance(0.2) ? false : safeguarding);
            if (ofsted.Framework == OfstedFramework.ReportCard)
            {
                // A report card: each area's grade, and the same or a worse one.
                var card = JudgementScale.ReportCard.Areas().Where(_ => Chance(0.8)).ToDictionary(a => a, _ => (ReportCardGrade)random.Next(1, 6));
                ofsted = ofsted with { ReportCard = card };
                worseOfsted = worseOfsted with { ReportCard = card.ToDictionary(g => g.Key, g => (ReportCardGrade)Math.Min(5, (int)g.Value + random.Next(0, 2))) };
            }
        }

        var judgements = new List<JudgementEvidence>();
        var worseJudgements = new List<JudgementEvidence>();
        foreach (var source in new[] { JudgementSource.SelfEvaluation, JudgementSource.SchoolImprovementPartner })
            foreach (var area in new[] { JudgementArea.OverallEffectiveness, JudgementArea.LeadershipAndManagement })
            {
                if (!Chance(0.8)) continue;
                var judgement = new JudgementEvidence(source, area, random.Next(2022, 2027), (OfstedJudgement)random.Next(1, 5), new DateOnly(2025, 10, 1));
                judgements.Add(judgement);
                worseJudgements.Add(judgement with { Grade = (OfstedJudgement)Math.Min(4, (int)judgement.Grade.FourPoint!.Value + random.Next(0, 3)) });
            }
        // Some sources have moved to the report card scale since: their judgements from 10 November 2025.
        foreach (var source in new[] { JudgementSource.SelfEvaluation, JudgementSource.SchoolImprovementPartner })
            foreach (var area in JudgementScale.ReportCard.Areas())
            {
                if (!Chance(0.3)) continue;
                var judgement = new JudgementEvidence(source, area, 2026, (ReportCardGrade)random.Next(1, 6), new DateOnly(2026, 10, 1));
                judgements.Add(judgement);
                worseJudgements.Add(judgement with { Grade = (ReportCardGrade)Math.Min(5, (int)judgement.Grade.ReportCard!.Value + random.Next(0, 3)) });
            }

        var concerns = ConcernKinds.All.Where(_ => Chance(0.15)).Select(k => new ConcernEvidence(k, new DateOnly(2026, 9, 1))).ToList();
        var worseConcerns = concerns.Concat(ConcernKinds.All.Where(_ => Chance(0.15)).Select(k => new ConcernEvidence(k, new DateOnly(2026, 10, 1)))).ToList();

        var phase = Phases[random.Next(Phases.Length)];
        SchoolEvidence Evidence(Dictionary<string, IndicatorEvidence> i, OfstedEvidence? o, List<JudgementEvidence> j, List<ConcernEvidence> c) => new()
        {
            Urn = 100000 + seed % 1000,
            Phase = phase,
            AsOf = EvidenceBuilder.Today,
            LatestDataYear = dataYear,
            Indicators = i,
            Ofsted = o,
            Judgements = j,
            OpenConcerns = c,
        };
        return (Evidence(indicators, ofsted, judgements, concerns), Evidence(worseIndicators, worseOfsted, worseJudgements, worseConcerns));
    }

    private static OfstedEvidence Ofsted(DateOnly date, OfstedStanding standing, OfstedJudgement leadership, bool? safeguarding)
    {
        var (overall, category) = standing switch
        {
            OfstedStanding.NoticeToImprove => (OfstedJudgement.Inadequate, (CategoryOfConcern?)CategoryOfConcern.NoticeToImprove),
            OfstedStanding.SeriousWeaknesses => (OfstedJudgement.Inadequate, CategoryOfConcern.SeriousWeaknesses),
            OfstedStanding.SpecialMeasures => (OfstedJudgement.Inadequate, CategoryOfConcern.SpecialMeasures),
            _ => ((OfstedJudgement)(int)standing, null),
        };
        return new OfstedEvidence(date, overall, category, new Dictionary<JudgementArea, OfstedJudgement> { [JudgementArea.LeadershipAndManagement] = leadership },
            safeguarding, OfstedEvidenceSource.OfstedOutcomes);
    }

    internal static RuleSet Subset(int seed)
    {
        var random = new Random(seed);
        return Shipped.DefaultRules with { Rules = [.. Shipped.DefaultRules.Rules.Where(_ => random.Next(2) == 0)] };
    }

    [Fact]
    public void WorseEvidence_NeverLowersTheProposedLevel_UnderTheDefaultRules()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var (good, bad) = Scenario(seed);
            var before = Shipped.DefaultRules.Evaluate(good);
            var after = Shipped.DefaultRules.Evaluate(bad);
            return after.Level >= before.Level;
        }, iter: 5000);
    }

    [Fact]
    public void WorseEvidence_NeverLowersTheProposedLevel_UnderAnySubsetOfTheRules()
    {
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Sample((seed, rulesSeed) =>
        {
            var rules = Subset(rulesSeed);
            var (good, bad) = Scenario(seed);
            return rules.Evaluate(bad).Level >= rules.Evaluate(good).Level;
        }, iter: 3000);
    }

    [Fact]
    public void WorseEvidence_KeepsEveryRuleThatFired()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var (good, bad) = Scenario(seed);
            var fired = Shipped.DefaultRules.Evaluate(good).Fired.Where(o => !o.Rule.IsReview).Select(o => o.Rule.Id).ToHashSet();
            var stillFired = Shipped.DefaultRules.Evaluate(bad).Fired.Select(o => o.Rule.Id).ToHashSet();
            return fired.IsSubsetOf(stillFired);
        }, iter: 3000);
    }

    [Fact]
    public void TheSameEvidence_AlwaysGivesTheSameProposal_InWhateverOrderItIsHeld()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var (evidence, _) = Scenario(seed);
            var shuffled = evidence with
            {
                Judgements = [.. evidence.Judgements.Reverse()],
                OpenConcerns = [.. evidence.OpenConcerns.Reverse()],
                Indicators = evidence.Indicators.Reverse().ToDictionary(),
            };
            var first = Describe(Shipped.DefaultRules.Evaluate(evidence));
            var again = Describe(Shipped.DefaultRules.Evaluate(Scenario(seed).Base));
            var reordered = Describe(Shipped.DefaultRules.Evaluate(shuffled));
            return first == again && first == reordered;
        }, iter: 2000);
    }

    /// <summary>Everything a proposal shows: level, review, each rule's status, evidence, missing items and notes.</summary>
    private static string Describe(LevelEvaluation e) =>
        $"{e.Level}|{e.NeedsReview}|{string.Join(";", e.Missing)}|" + string.Join("\n", e.Outcomes.Select(o =>
            $"{o.Rule.Id}:{o.Status}:{string.Join(",", o.Evidence)}:{string.Join(",", o.Missing)}:{string.Join(",", o.Notes)}"));
}
