using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Domain.Tests.Categorisation;

/// <summary>The catalogue and default criteria as they ship, and a builder for a school's evidence.</summary>
internal static class Shipped
{
    private static readonly Lazy<IndicatorCatalogue> LazyCatalogue = new(() =>
    {
        var catalogue = IndicatorCatalogue.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "indicators.json")), out var errors);
        errors.ShouldBeEmpty();
        return catalogue;
    });

    public static IndicatorCatalogue Catalogue => LazyCatalogue.Value;

    public static string DefaultRulesText => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shipped", "default-rules.yaml"));

    private static readonly Lazy<RuleSet> LazyRules = new(() =>
    {
        var result = RuleSetParser.Parse(DefaultRulesText, Catalogue);
        result.Errors.ShouldBeEmpty();
        return result.RuleSet!;
    });

    public static RuleSet DefaultRules => LazyRules.Value;

    public static RuleSetParseResult Parse(string yaml) => RuleSetParser.Parse(yaml, Catalogue);
}

/// <summary>
/// A school's evidence, starting from a primary school with nothing wrong and every piece of evidence present and
/// recent, so a test changes only what it is about.
/// </summary>
internal sealed class EvidenceBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 23);
    public const int DataYear = 2025;

    private SchoolPhase _phase = SchoolPhase.Primary;
    private int _dataYear = DataYear;
    private readonly Dictionary<string, IndicatorEvidence> _indicators = [];
    private OfstedEvidence? _ofsted = new(new DateOnly(2024, 3, 12), OfstedJudgement.Good, null, KeyJudgements(OfstedJudgement.Good), true, OfstedEvidenceSource.OfstedOutcomes);

    /// <summary>The four key judgements, all at one grade.</summary>
    public static Dictionary<JudgementArea, OfstedJudgement> KeyJudgements(OfstedJudgement grade) => new()
    {
        [JudgementArea.QualityOfEducation] = grade,
        [JudgementArea.BehaviourAndAttitudes] = grade,
        [JudgementArea.PersonalDevelopment] = grade,
        [JudgementArea.LeadershipAndManagement] = grade,
    };
    private readonly List<JudgementEvidence> _judgements =
    [
        new(JudgementSource.SelfEvaluation, JudgementArea.OverallEffectiveness, 2025, OfstedJudgement.Good, new DateOnly(2025, 10, 1)),
        new(JudgementSource.SchoolImprovementPartner, JudgementArea.OverallEffectiveness, 2025, OfstedJudgement.Good, new DateOnly(2025, 10, 20)),
    ];
    private readonly List<ConcernEvidence> _concerns = [];

    public EvidenceBuilder()
    {
        // A good primary school: 70% at the expected standard three years running (England 61%), average progress.
        Proportion("KS2_RWM_EXP", 70, 70, 70);
        Score("KS2_READ_PROG", 0.5, 0.5, 0.5, pupils: 60);
        Score("KS2_MAT_PROG", 0.5, 0.5, 0.5, pupils: 60);
        Proportion("PERSISTENT_ABSENCE", 15, 15, 15, england: 20, pupils: 300);
    }

    public EvidenceBuilder Secondary()
    {
        _phase = SchoolPhase.Secondary;
        _indicators.Remove("KS2_RWM_EXP");
        _indicators.Remove("KS2_READ_PROG");
        _indicators.Remove("KS2_MAT_PROG");
        Proportion("KS4_BASICS_95", 50, 50, 50, england: 46, pupils: 150);
        Score("KS4_P8", 0.1, 0.1, 0.1);
        return this;
    }

    public EvidenceBuilder Phase(SchoolPhase phase)
    {
        _phase = phase;
        return this;
    }

    /// <summary>A percentage over the last years (oldest first, ending at <see cref="DataYear"/>), with its Wilson interval.</summary>
    public EvidenceBuilder Proportion(string id, double a, double b, double c, double england = 61, int pupils = 60) =>
        Series(id, [a, b, c], v => Percent(v, pupils), england);

    public EvidenceBuilder Score(string id, double a, double b, double c, double england = 0, int pupils = 150) =>
        Series(id, [a, b, c], v => new IndicatorValue(v, v * pupils, pupils, pupils, v - 0.2, v + 0.2), england);

    public EvidenceBuilder Share(string id, params bool[] below) =>
        Series(id, [.. below.Select(x => x ? 100.0 : 0.0)], v => new IndicatorValue(v, v / 100, 1, 1, null, null), null);

    public EvidenceBuilder Series(string id, IReadOnlyList<double> values, Func<double, IndicatorValue> value, double? england)
    {
        var first = _dataYear - values.Count + 1;
        _indicators[id] = new IndicatorEvidence(id, [.. values.Select((v, i) => new IndicatorYear(first + i, value(v), england, england, null))]);
        return this;
    }

    /// <summary>
    /// Moves the evidence to another latest data year (each figure's year moves with it), e.g. to a year the DfE
    /// published Progress 8 for.
    /// </summary>
    public EvidenceBuilder InDataYear(int year)
    {
        var shift = year - _dataYear;
        foreach (var (id, held) in _indicators.ToList())
            _indicators[id] = held with { Years = [.. held.Years.Select(y => y with { AcademicYear = y.AcademicYear + shift })] };
        _dataYear = year;
        return this;
    }

    public EvidenceBuilder WithIndicator(IndicatorEvidence evidence)
    {
        _indicators[evidence.IndicatorId] = evidence;
        return this;
    }

    public EvidenceBuilder WithoutIndicator(string id)
    {
        _indicators.Remove(id);
        return this;
    }

    public static IndicatorValue Percent(double percent, int pupils)
    {
        var n = percent / 100 * pupils;
        var (l, u) = IndicatorValue.Wilson(n, pupils);
        return new IndicatorValue(percent, n, pupils, pupils, 100 * l, 100 * u);
    }

    public EvidenceBuilder Ofsted(OfstedJudgement? overall, CategoryOfConcern? category = null, DateOnly? on = null, bool? safeguardingEffective = true,
        Dictionary<JudgementArea, OfstedJudgement>? keys = null)
    {
        _ofsted = new OfstedEvidence(on ?? new DateOnly(2024, 3, 12), overall, category, keys ?? KeyJudgements(overall ?? OfstedJudgement.Good), safeguardingEffective, OfstedEvidenceSource.OfstedOutcomes);
        return this;
    }

    /// <summary>The six report card areas every school has, all at one grade.</summary>
    public static Dictionary<JudgementArea, ReportCardGrade> ReportCardAreas(ReportCardGrade grade) =>
        JudgementScale.ReportCard.Areas().Where(a => a is not JudgementArea.EarlyYears and not JudgementArea.SixthForm).ToDictionary(a => a, _ => grade);

    /// <summary>A report card inspection (from 10 November 2025): every area at the expected standard but those given.</summary>
    public EvidenceBuilder ReportCard(Dictionary<JudgementArea, ReportCardGrade>? grades = null, DateOnly? on = null, bool? safeguardingMet = true, CategoryOfConcern? category = null)
    {
        var card = ReportCardAreas(ReportCardGrade.ExpectedStandard);
        foreach (var (area, grade) in grades ?? []) card[area] = grade;
        _ofsted = new OfstedEvidence(on ?? new DateOnly(2026, 1, 20), null, category, new Dictionary<JudgementArea, OfstedJudgement>(), safeguardingMet, OfstedEvidenceSource.OfstedOutcomes)
        {
            ReportCard = card,
        };
        return this;
    }

    /// <summary>The source's judgements on the report card scale (made 1 October 2026): the expected standard but for those given.</summary>
    public EvidenceBuilder ReportCardJudgements(JudgementSource source, Dictionary<JudgementArea, ReportCardGrade>? grades = null, int year = 2026)
    {
        var card = ReportCardAreas(ReportCardGrade.ExpectedStandard);
        foreach (var (area, grade) in grades ?? []) card[area] = grade;
        _judgements.RemoveAll(j => j.Source == source && j.Grade.Scale == JudgementScale.ReportCard);
        _judgements.AddRange(card.Select(g => new JudgementEvidence(source, g.Key, year, g.Value, new DateOnly(year, 10, 1))));
        return this;
    }

    public EvidenceBuilder NoOfsted()
    {
        _ofsted = null;
        return this;
    }

    public EvidenceBuilder Judgement(JudgementSource source, OfstedJudgement grade, JudgementArea area = JudgementArea.OverallEffectiveness, int year = 2025)
    {
        _judgements.RemoveAll(j => j.Source == source && j.Area == area);
        _judgements.Add(new JudgementEvidence(source, area, year, grade, new DateOnly(year, 11, 1)));
        return this;
    }

    public EvidenceBuilder NoJudgements(JudgementSource source)
    {
        _judgements.RemoveAll(j => j.Source == source);
        return this;
    }

    public EvidenceBuilder Concern(ConcernKind kind)
    {
        _concerns.Add(new ConcernEvidence(kind, new DateOnly(2026, 10, 1)));
        return this;
    }

    public SchoolEvidence Build() => new()
    {
        Urn = 100001,
        Phase = _phase,
        AsOf = Today,
        LatestDataYear = _dataYear,
        Indicators = new Dictionary<string, IndicatorEvidence>(_indicators),
        Ofsted = _ofsted,
        Judgements = [.. _judgements],
        OpenConcerns = [.. _concerns],
    };
}
