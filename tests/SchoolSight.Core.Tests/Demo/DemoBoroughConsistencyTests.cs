using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Demo;

/// <summary>Demo Borough as an LA officer would read it: nothing that could not exist, and nothing that contradicts itself.</summary>
[Trait("Category", "Battery")]
public abstract class DemoBoroughConsistencyTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await DemoBoroughDatabase.SeedAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task DemoBorough_IsInternallyConsistent()
    {
        await using var db = _database.AsAdmin();
        var schools = await db.Schools.AsNoTracking().ToListAsync();
        var levels = (await db.SchoolLevels.AsNoTracking().ToListAsync()).GroupBy(l => l.Urn)
            .ToDictionary(g => g.Key, g => g.OrderBy(l => l.DecidedAt).ThenBy(l => l.Id).Last());
        var judgements = await db.SchoolJudgements.AsNoTracking().ToListAsync();
        var cases = await db.ProgrammeCases.AsNoTracking().ToListAsync();
        var results = await db.IndicatorResults.AsNoTracking().ToListAsync();
        var problems = new List<string>();

        // Inspections only on days Ofsted inspected: none while routine inspections were suspended (17 March 2020 to
        // the return of graded inspections in September 2021), at weekends or in August.
        foreach (var school in schools.Where(s => s.Details.OfstedLastInspection is not null))
        {
            var day = school.Details.OfstedLastInspection!.Value;
            if (day >= new DateOnly(2020, 3, 17) && day < new DateOnly(2021, 9, 1)) problems.Add($"{school.Urn} inspected on {day} while inspections were suspended");
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || day.Month == 8) problems.Add($"{school.Urn} inspected on {day}, out of term");
        }

        // Inspections from 10 November 2025 are report cards: each evaluation area on the five-point scale, safeguarding
        // met or not met, and no overall grade anywhere (neither in GIAS nor in the inspection held).
        var inspections = (await db.OfstedInspections.AsNoTracking().ToListAsync()).ToDictionary(o => o.Urn, o => o.Outcome);
        var reportCards = schools.Where(s => s.Details.OfstedLastInspection >= OfstedFrameworks.ReportCardsStarted).ToList();
        reportCards.ShouldNotBeEmpty("Demo Borough has schools inspected under the report card");
        foreach (var school in reportCards)
        {
            if (school.Details.OfstedRating is { } rating) problems.Add($"{school.Urn} was inspected under the report card but GIAS gives it '{rating}'");
            if (!inspections.TryGetValue(school.Urn, out var card)) problems.Add($"{school.Urn} was inspected under the report card but has none");
            else if (card.Framework != OfstedFramework.ReportCard || card.ReportCardGrades.Count < 6 || card.SafeguardingEffective is null
                || card.OverallEffectiveness is not null || card.KeyJudgements.Count > 0)
                problems.Add($"{school.Urn}'s inspection on {card.InspectionDate} is not a report card with every area graded and safeguarding met or not met");
        }
        foreach (var (urn, outcome) in inspections.Where(i => i.Value.Framework != OfstedFramework.ReportCard && i.Value.ReportCardGrades.Count > 0))
            problems.Add($"{urn} has report card grades for an inspection on {outcome.InspectionDate}, before the report card");

        // Only measures the DfE published for the year: no key stage 2 progress for 2023/24 or 2024/25, no Progress 8
        // for 2024/25, for any school or area.
        foreach (var set in results)
        {
            var tallies = TalliesCodec.Decode(set.Data, _source.Computer.Slots);
            for (var slot = 0; slot < tallies.Slots.Count; slot++)
                if (!tallies.Slots[slot].IsPublishedIn(set.AcademicYear) && !tallies[slot, PupilGroup.All].IsEmpty)
                    problems.Add($"{set.AreaKind} {set.AreaCode} has {tallies.Slots[slot].Id} for {AcademicYears.Display(set.AcademicYear)}");
        }
        results.Where(r => r.AreaKind == AreaKind.School).Select(r => r.AcademicYear).Distinct().Order()
            .ShouldBe([DemoPupilData.LastAcademicYear - 2, DemoPupilData.LastAcademicYear - 1, DemoPupilData.LastAcademicYear]);

        // The demo head's school has figures of its own (a nursery school: its parents' survey).
        var head = DemoSeeder.DemoHeadSchoolUrn.ToString();
        var headsSets = results.Where(r => r.AreaKind == AreaKind.School && r.AreaCode == head).ToList();
        headsSets.Count.ShouldBe(3, "the demo head's school has data for each year");
        var figures = new IndicatorFigures(_source.Computer, null);
        figures.Value(_source.Catalogue["PARENT_FEEL_SAFE"], TalliesCodec.Decode(headsSets[^1].Data, _source.Computer.Slots)).ShouldNotBeNull();

        // Every programme case in the programme: its tier is the school's agreed level, or the decision says why not.
        foreach (var c in cases.Where(c => c.State is CaseState.EntryAgreed or CaseState.BaselineRecorded or CaseState.Active))
        {
            var tier = c.Tier == SupportTier.Intensive ? LevelOfSupport.Intensive : LevelOfSupport.Targeted;
            if (!levels.TryGetValue(c.Urn, out var level)) problems.Add($"{c.Urn} is in the programme with no agreed level");
            else if (level.Level != tier && !level.Reason.Contains("programme", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{c.Urn} is at tier {c.Tier} in the programme but its agreed level is {level.Level}, with no reason given");
        }

        // Reasons true of the school's data: no case cites floor standards, which ended with 2018/19; a case in the
        // programme because standards are low is at a school whose latest results are below the LA's; a case on the
        // SIP's judgement is at a school whose SIP judges it to require improvement or worse.
        foreach (var c in cases)
        {
            if (c.Concerns.Contains("floor", StringComparison.OrdinalIgnoreCase)) problems.Add($"{c.Urn}'s case cites floor standards: \"{c.Concerns}\"");
            if (c.State >= CaseState.ExitAgreed) continue;
            // The SIP's latest year of judgements, on its own scale: overall effectiveness requiring improvement or worse
            // (four-point), or an area needing attention or worse (report card, from 10 November 2025).
            var sipJudgements = judgements.Where(j => j.Urn == c.Urn && j.Source == JudgementSource.SchoolImprovementPartner).ToList();
            var sipYear = sipJudgements.Count == 0 ? (int?)null : sipJudgements.Max(j => j.AcademicYear);
            var sip = sipJudgements.Where(j => j.AcademicYear == sipYear).ToList();
            var sipConcerned = sip.Any(j => j.Area == JudgementArea.OverallEffectiveness && j.Grade is OfstedJudgement.RequiresImprovement or OfstedJudgement.Inadequate)
                || sip.Any(j => j.ReportCardGrade >= ReportCardGrade.NeedsAttention);
            if (c.Concerns.Contains("school improvement partner judges", StringComparison.Ordinal) && !sipConcerned)
                problems.Add($"{c.Urn}'s case cites the SIP's judgement, which is {(sip.Count == 0 ? "not recorded" : string.Join(", ", sip.Select(j => $"{j.Area} {j.Grade?.ToString() ?? j.ReportCardGrade?.ToString()}")))}");
            if (c.Ground != ConcernGround.StandardsUnacceptablyLow) continue;
            var latest = results.Where(r => r.AreaKind == AreaKind.School && r.AreaCode == c.Urn.ToString()).MaxBy(r => r.AcademicYear);
            var la = results.Single(r => r.AreaKind == AreaKind.LocalAuthority && r.AcademicYear == latest?.AcademicYear);
            var below = latest is not null && new[] { "KS2_RWM_EXP", "KS4_BASICS_95", "EY_GLD" }.Any(id =>
                figures.Value(_source.Catalogue[id], TalliesCodec.Decode(latest.Data, _source.Computer.Slots))?.Value is { } mine
                && figures.Value(_source.Catalogue[id], TalliesCodec.Decode(la.Data, _source.Computer.Slots))?.Value is { } area && mine < area);
            if (!below) problems.Add($"{c.Urn}'s case says standards are low, but its latest results are not below the LA's");
        }

        // No school at the intensive level is judged outstanding by Ofsted, its SIP and itself alike.
        foreach (var urn in levels.Where(l => l.Value.Level == LevelOfSupport.Intensive).Select(l => l.Key))
        {
            var school = schools.Single(s => s.Urn == urn);
            var latest = judgements.Where(j => j.Urn == urn && j.Area == JudgementArea.OverallEffectiveness).GroupBy(j => j.Source)
                .Select(g => g.OrderBy(j => j.AcademicYear).Last().Grade).ToList();
            if (school.Details.OfstedRating == "Outstanding" && latest.Count > 0 && latest.All(g => g == OfstedJudgement.Outstanding))
                problems.Add($"{urn} is intensive but outstanding everywhere");
        }

        problems.ShouldBeEmpty();
    }
}

public sealed class DemoBoroughConsistencyTests_Sqlite() : DemoBoroughConsistencyTests(DatabaseProvider.Sqlite);
public sealed class DemoBoroughConsistencyTests_Postgres() : DemoBoroughConsistencyTests(DatabaseProvider.Postgres);
