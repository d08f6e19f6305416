using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Bench.Indicators;
using SchoolSight.Core.Access;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Core.Home;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Register;
using SchoolSight.Web;

namespace SchoolSight.Bench.Home;

/// <summary>
/// The home page of every demo role over an LA of <c>schools</c> schools with a year of activity: Demo Borough (its 79
/// schools with a year of levels, proposals, programme cases and their deadlines, SIP visits, Healthy Schools
/// engagements and the audit trail) grown with copies of its schools, each with a year of level decisions, some with a
/// proposal waiting for the SMT, and a year of audit rows. Times <see cref="GetHomePage"/> per role (p50 and p95 over
/// <c>runs</c> runs after a warm-up, a new context each run, as a request has) against the baseline of the school list's
/// first page measured in the same run. SQLite always, PostgreSQL when SCHOOLSIGHT_TEST_POSTGRES is set.
/// </summary>
public static class HomeBenchmark
{
    public sealed record Options(int Schools, int Runs, int Seed)
    {
        public static Options Parse(string[] args)
        {
            int Value(string name, int fallback)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
            }
            return new Options(Value("--schools", 600), Value("--runs", 50), Value("--seed", 42));
        }
    }

    private const int FirstExtraUrn = 980000;

    public static async Task<int> RunAsync(Options options)
    {
        Console.WriteLine($"Home page benchmark: {options.Schools:N0} schools, {options.Runs} runs per role, seed {options.Seed}");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores");
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES"))) providers.Add(DatabaseProvider.Postgres);
        foreach (var provider in providers)
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            await SeedAsync(database, options);
            await using (var db = database.CreateContext())
                Console.WriteLine($"{provider}: {await db.Schools.CountAsync():N0} schools, {await db.SchoolLevels.CountAsync():N0} level decisions, {await db.LevelProposals.CountAsync():N0} proposals, " +
                    $"{await db.ProgrammeCases.IgnoreQueryFilters().CountAsync():N0} programme cases, {await db.AuditEntries.CountAsync():N0} audit rows");

            var baseline = await TimeAsync(options.Runs, async () =>
            {
                await using var db = database.CreateContext();
                await new ListSchools(db).RunAsync(new ListSchools.Query());
            });
            Console.WriteLine();
            Console.WriteLine($"| {provider} | p50 | p95 | items | p50 × baseline |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine(Row("Baseline: the school list's first page", baseline, null, baseline));
            foreach (var user in await UsersAsync(database))
            {
                var items = 0;
                var times = await TimeAsync(options.Runs, async () =>
                {
                    await using var db = AppDbContext.Create(ContextOptions(database), user);
                    items = (await HomePage(db).RunAsync()).Items.Count;
                });
                Console.WriteLine(Row($"Home page: {user.Role}", times, items, baseline));
            }
        }
        return 0;
    }

    private static DbContextOptions<AppDbContext> ContextOptions(BenchDatabase database)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        database.Options.Apply(builder);
        return builder.Options;
    }

    /// <summary>The home page operation as the web app builds it for a request.</summary>
    public static GetHomePage HomePage(AppDbContext db)
    {
        var source = IndicatorCatalogueSource.Default;
        return new GetHomePage(db, new GetProposals(db), new GetQuasQueue(db, new PeopleNames(db)), new GetSchoolLevel(db, new RuleSets(source)), source);
    }

    private static string Row(string what, IReadOnlyList<double> times, int? items, IReadOnlyList<double> baseline) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {what} | {Percentile(times, 0.5):N1} ms | {Percentile(times, 0.95):N1} ms | {items?.ToString(CultureInfo.InvariantCulture) ?? "–"} | {Percentile(times, 0.5) / Percentile(baseline, 0.5):N1} |");

    private static double Percentile(IReadOnlyList<double> times, double p)
    {
        var sorted = times.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    /// <summary>Three warm-up runs, then <paramref name="runs"/> timed ones, in milliseconds.</summary>
    private static async Task<IReadOnlyList<double>> TimeAsync(int runs, Func<Task> run)
    {
        for (var i = 0; i < 3; i++) await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return times;
    }

    /// <summary>Every demo user as the web app sees them in a request: their role, id and schools.</summary>
    private static async Task<IReadOnlyList<ICurrentUser>> UsersAsync(BenchDatabase database)
    {
        await using var db = database.CreateContext();
        var users = await db.Users.AsNoTracking().Include(u => u.Assignments).ToListAsync();
        return [.. DemoSeeder.DemoUsers.Select(d => users.Single(u => u.Email == d.Email)).Select(u => (ICurrentUser)new FixedCurrentUser(u.Email!, u.Role, u.Id,
            u.Role.IsSchoolBound() ? SchoolScope.Of([u.SchoolUrn!.Value]) : u.Role == Role.SchoolImprovementPartner ? SchoolScope.Of(u.Assignments.Select(a => a.Urn))
            : u.Role == Role.Partner ? SchoolScope.Nothing : SchoolScope.Everything))];
    }

    /// <summary>Demo Borough, then copies of its schools up to the size asked for, each with a year of activity.</summary>
    private static async Task SeedAsync(BenchDatabase database, Options options)
    {
        await using (var app = PageLoad.BuildApp(database.Options, "--Demo:SeedOnEmptyDatabase", "true"))
            await SchoolSightApp.PrepareDatabaseAsync(app);

        var random = new Random(options.Seed);
        await using var db = database.CreateContext();
        var now = db.UtcNow;
        var templates = await db.Schools.AsNoTracking().Where(s => s.Details.Status == SchoolStatus.Open).OrderBy(s => s.Urn).Select(s => s.Details).ToListAsync();
        var localities = await db.Localities.OrderBy(l => l.Id).ToListAsync();
        var rules = await db.RuleSets.AsNoTracking().OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Version }).FirstAsync();
        var extra = Math.Max(0, options.Schools - await db.Schools.CountAsync());
        const string smt = "smt@demo-borough.example";
        for (var i = 0; i < extra; i++)
        {
            var urn = FirstExtraUrn + i;
            var template = templates[i % templates.Count];
            var school = new School(urn, template with { Name = $"{template.Name} {i / templates.Count + 2}", EstablishmentNumber = 5000 + i });
            school.PlaceInLocality(localities[i % localities.Count]);
            db.Schools.Add(school);
            // A year of levels: agreed a year ago, reviewed in the spring, and for one school in twenty changed this week.
            var first = (LevelOfSupport)random.Next(0, 3);
            var spring = random.Next(6) == 0 ? (LevelOfSupport)random.Next(0, 3) : first;
            db.SchoolLevels.Add(new SchoolLevelDecision(urn, first, null, first, null, rules.Version, "", smt, Role.SeniorManager, now.AddDays(-330 - random.Next(20)), "Agreed with the criteria."));
            db.SchoolLevels.Add(new SchoolLevelDecision(urn, spring, first, spring, null, rules.Version, "", smt, Role.SeniorManager, now.AddDays(-150 - random.Next(20)), "Agreed at the spring review."));
            if (random.Next(20) == 0)
                db.SchoolLevels.Add(new SchoolLevelDecision(urn, (LevelOfSupport)(((int)spring + 1) % 3), spring, null, null, rules.Version, "", smt, Role.SeniorManager, now.AddDays(-random.Next(1, 7)), "New evidence from the SIP's visit."));
            if (random.Next(10) == 0)
                db.LevelProposals.Add(new LevelProposal(urn, rules.Id, rules.Version, (LevelOfSupport)random.Next(0, 3), false, "Proposed by the criteria.", now.AddDays(-random.Next(1, 20)), "SchoolSight"));
            // A year of the audit trail: edits and reads of the school's records, about one a week.
            for (var week = 0; week < 52; week++)
                db.AuditEntries.Add(new AuditEntry(now.AddDays(-7 * week - random.Next(7)), null, smt, week % 3 == 0 ? AuditAction.Read : AuditAction.Updated, "School", urn.ToString(CultureInfo.InvariantCulture), null, urn));
            if (i % 100 == 99) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); localities = await db.Localities.OrderBy(l => l.Id).ToListAsync(); }
        }
        // Every demo user signed in yesterday and today: "since your last sign-in" is a day.
        foreach (var user in await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email }).ToListAsync())
            foreach (var at in new[] { now.AddDays(-1), now.AddMinutes(-5) })
                db.AuditEntries.Add(new AuditEntry(at, user.Id, user.Email!, AuditAction.SignedIn, "SignIn", user.Id, null));
        await db.SaveChangesAsync();
    }
}
