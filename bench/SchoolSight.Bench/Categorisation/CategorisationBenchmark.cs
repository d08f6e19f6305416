using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Bench.Indicators;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Bench.Categorisation;

/// <summary>
/// Proposing levels of support for a whole LA (or every LA), in one run with a fixed seed, on the synthetic schools,
/// pupils and surveys of the indicators benchmark plus GIAS Ofsted ratings drawn as the demo's are and self-evaluation and SIP
/// judgements. The baseline is reading the rows any proposer must read (every school's indicator results, the area
/// benchmarks, the judgements) with no decoding; each scenario is given as a ratio to it.
/// </summary>
public static class CategorisationBenchmark
{
    public static async Task<int> RunAsync(IndicatorsBenchmark.Options options)
    {
        var files = await IndicatorsBenchmark.EnsureFilesAsync(options);
        var provider = options.Postgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        Console.WriteLine($"Categorisation benchmark: {files.Establishments:N0} schools, {files.Years.Count} years, seed {options.Seed}, {provider}");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores");

        await using var database = await BenchDatabase.CreateAsync(provider);
        await IndicatorsBenchmark.ImportEstablishmentsAsync(database, files);
        await IndicatorsBenchmark.ImportYearsAsync(database, files);
        var source = IndicatorCatalogueSource.Default;
        await using (var db = database.CreateContext())
            IndicatorsBenchmark.Check((await new ComputeIndicators(db, source).RunAsync(new ComputeRequest(Full: true))).SchoolYearsComputed > 0, "recompute");
        var open = await AddOfstedAndJudgementsAsync(database, options.Seed, files.Years[^1].AcademicYear);
        Console.Error.WriteLine($"Prepared {open:N0} open schools");

        var ruleSets = new RuleSets(source);
        RuleSet rules;
        await using (var db = database.CreateContext())
            rules = (await ruleSets.AdoptedAsync(db, CancellationToken.None)).Value.Rules;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var results = new List<Measurement>();
        Task<object?> Nothing() => Task.FromResult<object?>(null);

        // Baseline: the rows themselves, not decoded.
        results.Add(await Measure.RunAsync("Baseline: read the evidence rows", provider.ToString(), open, options.Reps, Nothing, async _ =>
        {
            await using var db = database.CreateContext();
            var schools = await db.Schools.AsNoTracking().Select(s => new { s.Urn, s.Phase, s.Details.Status, s.Details.OfstedRating }).ToListAsync();
            var sets = await db.IndicatorResults.AsNoTracking().Select(r => new { r.AreaKind, r.AreaCode, r.AcademicYear, r.Data }).ToListAsync();
            var judgements = await db.SchoolJudgements.AsNoTracking().Select(j => new { j.Urn, j.Source, j.Area, j.Grade }).ToListAsync();
            IndicatorsBenchmark.Check(schools.Count > 0 && sets.Count > 0 && judgements.Count > 0, "baseline read nothing");
        }));

        IReadOnlyList<SchoolEvidence> evidence = [];
        results.Add(await Measure.RunAsync("Load every school's evidence", provider.ToString(), open, options.Reps, Nothing, async _ =>
        {
            await using var db = database.CreateContext();
            evidence = await new CategorisationEvidence(db, source).LoadAsync(rules, today);
        }));
        IndicatorsBenchmark.Check(evidence.Count == open, $"evidence for {evidence.Count} schools, expected {open}");

        var levels = new int[3];
        results.Add(await Measure.RunAsync("Apply the 26 default rules (in memory)", "—", open, options.Reps, Nothing, _ =>
        {
            Array.Clear(levels);
            foreach (var school in evidence) levels[(int)rules.Evaluate(school).Level]++;
            return Task.CompletedTask;
        }));

        results.Add(await Measure.RunAsync("Propose for every school (first run)", provider.ToString(), open, options.Reps,
            async () =>
            {
                await using var db = database.CreateContext();
                await db.LevelProposals.ExecuteDeleteAsync();
                return null;
            },
            async _ =>
            {
                await using var db = database.CreateContext(Role.QualityAssuranceManager);
                var run = await new ProposeLevels(db, ruleSets, new CategorisationEvidence(db, source)).RunAsync();
                IndicatorsBenchmark.Check(run.Succeeded && run.Value!.New == open, "first proposal run");
            }));

        results.Add(await Measure.RunAsync("Propose again, nothing changed", provider.ToString(), open, options.Reps, Nothing, async _ =>
        {
            await using var db = database.CreateContext(Role.QualityAssuranceManager);
            var run = await new ProposeLevels(db, ruleSets, new CategorisationEvidence(db, source)).RunAsync();
            IndicatorsBenchmark.Check(run.Succeeded && run.Value!.New == 0, "repeat proposal run proposed something");
        }));

        var draft = ruleSets.Parse(RuleSets.ReadDefault().Replace("version: \"2026.3\"", "version: \"bench\"", StringComparison.Ordinal)
            .Replace("    level: targeted\n    when:\n      - ofsted: requires-improvement", "    level: intensive\n    when:\n      - ofsted: requires-improvement", StringComparison.Ordinal));
        IndicatorsBenchmark.Check(draft.IsValid, "draft rule set");
        WhatIf? whatIf = null;
        results.Add(await Measure.RunAsync("What-if of a draft against the adopted set", provider.ToString(), open, options.Reps, Nothing, async _ =>
        {
            await using var db = database.CreateContext(Role.QualityAssuranceManager);
            whatIf = (await new PreviewRuleSet(db, ruleSets, new CategorisationEvidence(db, source)).RunAsync(draft.RuleSet!)).Value;
        }));
        IndicatorsBenchmark.Check(whatIf is { MoreSupport: > 0 }, "what-if moved nobody");

        var baseline = results[0].Median;
        Console.WriteLine();
        Console.WriteLine($"Proposed levels: {levels[0]:N0} universal, {levels[1]:N0} targeted, {levels[2]:N0} intensive; the draft would move {whatIf!.MoreSupport:N0} up.");
        Console.WriteLine("| Scenario | Median | × baseline | Peak working set |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var m in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Scenario} ({open:N0} schools) | {m.Median.TotalMilliseconds:N0} ms | {m.Median / baseline:N2} | {IndicatorsBenchmark.Mb(m.PeakBytes)} |"));
        return 0;
    }

    /// <summary>A GIAS Ofsted rating and date for each school, and its self-evaluation and SIP overall judgements for the latest two years.</summary>
    private static async Task<int> AddOfstedAndJudgementsAsync(BenchDatabase database, int seed, int latestYear)
    {
        var random = new Random(seed);
        await using var db = database.CreateContext();
        var schools = await db.Schools.Where(s => s.Details.Status == SchoolStatus.Open || s.Details.Status == SchoolStatus.OpenButProposedToClose).ToListAsync();
        foreach (var school in schools)
        {
            var rating = DemoSeeder.GiasRatings[random.Next(DemoSeeder.GiasRatings.Count)];
            var inspected = new DateOnly(2019 + random.Next(0, 7), random.Next(1, 13), random.Next(1, 28));
            school.UpdateDetails(school.Details with { OfstedRating = rating, OfstedLastInspection = inspected });
            var grade = CategorisationEvidence.FromGias(rating, inspected)!.OverallEffectiveness!.Value;
            foreach (var year in new[] { latestYear - 1, latestYear })
                foreach (var source in new[] { JudgementSource.SelfEvaluation, JudgementSource.SchoolImprovementPartner })
                    db.SchoolJudgements.Add(new SchoolJudgement(school.Urn, year, source, JudgementArea.OverallEffectiveness,
                        random.Next(5) == 0 && grade > OfstedJudgement.Outstanding ? grade - 1 : grade, new DateOnly(year, 10, 15), null, "bench"));
        }
        await db.SaveChangesAsync();
        return schools.Count;
    }
}
