using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// Gathers what the rules look at, for every open school of the LA (or some of them) in a few queries: the school's
/// figures for the indicators the rules use over the last three years held, with England, LA and locality figures to
/// compare; its latest Ofsted outcome (Ofsted's published outcomes, or the GIAS register's rating when no Ofsted file
/// has been imported); self-evaluation and SIP judgements; and the LA's open concerns.
/// </summary>
[Operation]
public sealed class CategorisationEvidence(AppDbContext db, IndicatorCatalogueSource source)
{
    public async Task<IReadOnlyList<SchoolEvidence>> LoadAsync(RuleSet rules, DateOnly asOf, IReadOnlyCollection<int>? urns = null, CancellationToken ct = default)
    {
        var schools = await db.Schools.AsNoTracking()
            .Where(s => urns == null || urns.Contains(s.Urn))
            .Select(s => new { s.Urn, s.Phase, s.LocalityId, s.Details.LaCode, s.Details.Status, s.Details.OfstedRating, s.Details.OfstedLastInspection })
            .ToListAsync(ct);
        schools = [.. schools.Where(s => s.Status.IsOpen()).OrderBy(s => s.Urn)];
        if (schools.Count == 0) return [];

        var wanted = WantedIndicators(rules);
        var computer = source.Computer;
        var codes = schools.Select(s => s.Urn.ToString()).ToList();
        var laCodes = schools.Select(s => s.LaCode.ToString()).Distinct().ToList();
        var localityCodes = schools.Where(s => s.LocalityId is not null).Select(s => s.LocalityId!.Value.ToString()).Distinct().ToList();

        var schoolSets = await db.IndicatorResults.AsNoTracking()
            .Where(r => r.AreaKind == AreaKind.School && codes.Contains(r.AreaCode))
            .Select(r => new { r.AreaCode, r.AcademicYear, r.Data }).ToListAsync(ct);
        var areaSets = await db.IndicatorResults.AsNoTracking()
            .Where(r => (r.AreaKind == AreaKind.England && r.AreaCode == IndicatorResultSet.EnglandCode)
                || (r.AreaKind == AreaKind.LocalAuthority && laCodes.Contains(r.AreaCode))
                || (r.AreaKind == AreaKind.Locality && localityCodes.Contains(r.AreaCode)))
            .Select(r => new { r.AreaKind, r.AreaCode, r.AcademicYear, r.Data }).ToListAsync(ct);
        var areas = areaSets.ToDictionary(a => (a.AreaKind, a.AreaCode, a.AcademicYear), a => TalliesCodec.Decode(a.Data, computer.Slots));
        var latestDataYear = areaSets.Where(a => a.AreaKind == AreaKind.LocalAuthority).Select(a => (int?)a.AcademicYear).Max()
            ?? schoolSets.Select(s => (int?)s.AcademicYear).Max();
        var figures = areaSets.Where(a => a.AreaKind == AreaKind.England).Select(a => a.AcademicYear).Distinct()
            .ToDictionary(y => y, y => new IndicatorFigures(computer, areas[(AreaKind.England, IndicatorResultSet.EnglandCode, y)]));
        IndicatorFigures FiguresFor(int year) => figures.TryGetValue(year, out var f) ? f : figures[year] = new IndicatorFigures(computer, null);
        var byUrn = schoolSets.GroupBy(s => s.AreaCode).ToDictionary(g => int.Parse(g.Key), g => g.OrderBy(s => s.AcademicYear).TakeLast(3).ToList());

        var urnList = schools.Select(s => s.Urn).ToList();
        var inspections = await db.OfstedInspections.AsNoTracking().Where(o => urnList.Contains(o.Urn))
            .ToDictionaryAsync(o => o.Urn, o => o.Outcome, ct);
        var judgements = (await db.SchoolJudgements.AsNoTracking().Where(j => urnList.Contains(j.Urn))
                .Select(j => new { j.Urn, j.Source, j.Area, j.AcademicYear, j.Grade, j.ReportCardGrade, j.JudgedOn }).ToListAsync(ct))
            .ToLookup(j => j.Urn, j => new JudgementEvidence(j.Source, j.Area, j.AcademicYear, JudgementGrade.From(j.Grade, j.ReportCardGrade), j.JudgedOn));
        var concerns = (await db.SchoolConcerns.AsNoTracking().Where(c => urnList.Contains(c.Urn) && c.RaisedOn <= asOf && (c.ClosedOn == null || c.ClosedOn > asOf))
                .Select(c => new { c.Urn, c.Kind, c.RaisedOn }).ToListAsync(ct))
            .ToLookup(c => c.Urn, c => new ConcernEvidence(c.Kind, c.RaisedOn));

        // England's, the LA's and each locality's values are the same for every school in them: worked out once each.
        var areaValues = new Dictionary<(AreaKind, string, int, string), double?>();
        double? AreaValue(AreaKind kind, string code, int year, IndicatorDefinition indicator, IndicatorFigures yearFigures)
        {
            if (areaValues.TryGetValue((kind, code, year, indicator.Id), out var known)) return known;
            var value = areas.TryGetValue((kind, code, year), out var tallies) ? yearFigures.Value(indicator, tallies)?.Value : null;
            return areaValues[(kind, code, year, indicator.Id)] = value;
        }

        var result = new List<SchoolEvidence>(schools.Count);
        foreach (var school in schools)
        {
            var indicators = new Dictionary<string, IndicatorEvidence>();
            var laCode = school.LaCode.ToString();
            var localityCode = school.LocalityId?.ToString();
            foreach (var set in byUrn.GetValueOrDefault(school.Urn) ?? [])
            {
                var tallies = TalliesCodec.Decode(set.Data, computer.Slots);
                var yearFigures = FiguresFor(set.AcademicYear);
                foreach (var indicator in wanted)
                {
                    if (yearFigures.Value(indicator, tallies) is not { } value) continue;
                    var year = new IndicatorYear(set.AcademicYear, value,
                        AreaValue(AreaKind.England, IndicatorResultSet.EnglandCode, set.AcademicYear, indicator, yearFigures),
                        AreaValue(AreaKind.LocalAuthority, laCode, set.AcademicYear, indicator, yearFigures),
                        localityCode is null ? null : AreaValue(AreaKind.Locality, localityCode, set.AcademicYear, indicator, yearFigures));
                    indicators[indicator.Id] = indicators.TryGetValue(indicator.Id, out var held)
                        ? held with { Years = [.. held.Years, year] }
                        : new IndicatorEvidence(indicator.Id, [year]);
                }
            }
            result.Add(new SchoolEvidence
            {
                Urn = school.Urn,
                Phase = school.Phase,
                AsOf = asOf,
                LatestDataYear = latestDataYear,
                Indicators = indicators,
                Ofsted = inspections.TryGetValue(school.Urn, out var outcome) ? FromOfsted(outcome) : FromGias(school.OfstedRating, school.OfstedLastInspection),
                Judgements = [.. judgements[school.Urn]],
                OpenConcerns = [.. concerns[school.Urn]],
            });
        }
        return result;
    }

    /// <summary>The indicators any rule tests or checks for, so nothing else is worked out.</summary>
    private List<IndicatorDefinition> WantedIndicators(RuleSet rules)
    {
        static IEnumerable<Condition> Flatten(Condition c) => c switch
        {
            AllCondition all => all.Conditions.SelectMany(Flatten),
            AnyCondition any => any.Conditions.SelectMany(Flatten),
            _ => [c],
        };
        var ids = rules.Rules.SelectMany(r => Flatten(r.When)).SelectMany(c => c switch
        {
            IndicatorCondition i => [i.Indicator.Id],
            MissingCondition { Indicator: { } indicator } => [indicator.Id],
            _ => Array.Empty<string>(),
        }).ToHashSet();
        return [.. source.Catalogue.Indicators.Where(i => ids.Contains(i.Id))];
    }

    public static OfstedEvidence? FromOfsted(OfstedOutcome outcome)
    {
        if (outcome.InspectionDate is not { } date) return null;
        var keys = Graded<OfstedJudgement>(
            (JudgementArea.QualityOfEducation, outcome.QualityOfEducation), (JudgementArea.BehaviourAndAttitudes, outcome.BehaviourAndAttitudes),
            (JudgementArea.PersonalDevelopment, outcome.PersonalDevelopment), (JudgementArea.LeadershipAndManagement, outcome.LeadershipAndManagement),
            (JudgementArea.EarlyYears, outcome.EarlyYears), (JudgementArea.SixthForm, outcome.SixthForm));
        var card = Graded<ReportCardGrade>(
            (JudgementArea.Inclusion, outcome.Inclusion), (JudgementArea.CurriculumAndTeaching, outcome.CurriculumAndTeaching),
            (JudgementArea.Achievement, outcome.Achievement), (JudgementArea.AttendanceAndBehaviour, outcome.AttendanceAndBehaviour),
            (JudgementArea.PersonalDevelopmentAndWellbeing, outcome.PersonalDevelopmentAndWellbeing), (JudgementArea.LeadershipAndGovernance, outcome.LeadershipAndGovernance),
            (JudgementArea.EarlyYears, outcome.EarlyYearsReportCard), (JudgementArea.SixthForm, outcome.SixthFormReportCard));
        return new OfstedEvidence(date, outcome.OverallEffectiveness, outcome.CategoryOfConcern, keys, outcome.SafeguardingEffective, OfstedEvidenceSource.OfstedOutcomes)
        {
            ReportCard = card,
        };
    }

    /// <summary>The areas given a grade, on the scale of <typeparamref name="T"/>.</summary>
    private static Dictionary<JudgementArea, T> Graded<T>(params (JudgementArea Area, T? Grade)[] areas) where T : struct, Enum =>
        areas.Where(a => a.Grade is not null).ToDictionary(a => a.Area, a => a.Grade!.Value);

    /// <summary>GIAS's <c>OfstedRating (name)</c> and <c>OfstedLastInsp</c>: the overall outcome only, no key judgements.</summary>
    public static OfstedEvidence? FromGias(string? rating, DateOnly? inspected)
    {
        if (inspected is not { } date || string.IsNullOrWhiteSpace(rating)) return null;
        (OfstedJudgement? Overall, CategoryOfConcern? Category) parsed = rating.Trim().ToLowerInvariant() switch
        {
            "outstanding" => (OfstedJudgement.Outstanding, null),
            "good" => (OfstedJudgement.Good, null),
            "requires improvement" or "satisfactory" => (OfstedJudgement.RequiresImprovement, null),
            "inadequate" => (OfstedJudgement.Inadequate, null),
            "serious weaknesses" => (OfstedJudgement.Inadequate, CategoryOfConcern.SeriousWeaknesses),
            "special measures" => (OfstedJudgement.Inadequate, CategoryOfConcern.SpecialMeasures),
            _ => (null, null),
        };
        if (parsed.Overall is null) return null;
        return new OfstedEvidence(date, parsed.Overall, parsed.Category, new Dictionary<JudgementArea, OfstedJudgement>(), null, OfstedEvidenceSource.Gias);
    }
}
