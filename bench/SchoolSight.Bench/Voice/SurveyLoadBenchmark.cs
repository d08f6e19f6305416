using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Bench.Indicators;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;
using SchoolSight.Web;

namespace SchoolSight.Bench.Voice;

/// <summary>
/// Many pupils answering the online survey at the same time: SchoolSight served by Kestrel on 127.0.0.1 over a fresh
/// database, one school with a survey of <c>pupils</c> codes (Year 6, classes of about 25, at most 12), and every pupil a
/// client of their own (own cookies) following the real pages as a browser without JavaScript does: the code box, each
/// question page and its answer, the check page and Send, each form with its antiforgery token. At most
/// <c>concurrency</c> pupils are mid-survey at once. Then every code must be sent exactly once, and the school-year's
/// survey store must hold exactly the answers the pupils gave, none lost or doubled. The survey pages' own limit per
/// address (<c>Voice:RequestsPerMinutePerAddress</c>) is set through configuration to what this run needs, as an LA
/// would for a school behind one address: the protection stays on.
/// </summary>
public static partial class SurveyLoadBenchmark
{
    private const int Urn = 999501;
    private const byte YearSix = 7;

    public sealed record Options(int Pupils, int Concurrency, int Seed, bool SqliteOnly)
    {
        public static Options Parse(string[] args)
        {
            int Value(string name, int fallback)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
            }
            return new Options(Value("--pupils", 500), Value("--concurrency", 100), Value("--seed", 42), args.Contains("--sqlite-only"));
        }
    }

    public static async Task<int> RunAsync(Options options)
    {
        Console.WriteLine($"Survey load: {options.Pupils:N0} pupils, {options.Concurrency} answering at once, seed {options.Seed}");
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores");
        Console.WriteLine("| database | pupils sent | wall time | requests | requests/s | p50 per request | p95 per request | errors | store check |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        var failed = false;
        var providers = new List<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (!options.SqliteOnly && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SCHOOLSIGHT_TEST_POSTGRES"))) providers.Add(DatabaseProvider.Postgres);
        foreach (var provider in providers)
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            failed |= !await RunOnAsync(database, provider, options);
        }
        return failed ? 1 : 0;
    }

    private static async Task<bool> RunOnAsync(BenchDatabase database, DatabaseProvider provider, Options options)
    {
        var codes = await OpenSurveyAsync(database, options.Pupils);
        var questions = Questionnaire.Shipped.ForPupil(YearSix);
        // Requests per pupil: the code box (get, post), each question (get, post), the check page (get, post).
        var requestsNeeded = options.Pupils * (2 * questions.Count + 4);
        // Every pupil comes from 127.0.0.1 here: the per-address limit is raised to this run's requests, not switched off.
        await using var app = PageLoad.BuildApp(database.Options,
            "--Voice:RequestsPerMinutePerAddress", Math.Max(20_000, requestsNeeded * 2).ToString(CultureInfo.InvariantCulture));
        await SchoolSightApp.PrepareDatabaseAsync(app);
        await app.StartAsync();
        var address = new Uri(app.Urls.First());

        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var expected = new ConcurrentDictionary<string, byte[]>();
        var sent = 0;
        using var gate = new SemaphoreSlim(options.Concurrency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(codes.Select(async (code, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var answers = Answers(options.Seed, i, questions);
                expected[code] = answers;
                if (await AnswerAsync(address, code, questions, answers, latencies)) Interlocked.Increment(ref sent);
            }
            catch (Exception e)
            {
                errors.Add($"{OpenSurveyWindow.Printed(code)}: {e.Message}");
            }
            finally
            {
                gate.Release();
            }
        }));
        clock.Stop();
        await app.StopAsync();

        var check = await CheckStoreAsync(database, codes, expected);
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {sent:N0} of {codes.Count:N0} | {clock.Elapsed.TotalSeconds:N1} s | {sorted.Length:N0} | {sorted.Length / clock.Elapsed.TotalSeconds:N0} | {Percentile(0.5):N0} ms | {Percentile(0.95):N0} ms | {errors.Count} | {check ?? "every code sent once, every answer stored once"} |"));
        foreach (var error in errors.Take(10)) Console.Error.WriteLine($"  {provider}: {error}");
        if (clock.Elapsed > TimeSpan.FromMinutes(1)) Console.Error.WriteLine($"  {provider}: the pupils took longer than a minute");
        return errors.IsEmpty && check is null && sent == codes.Count;
    }

    /// <summary>A pupil's answer to each question, fixed by the seed: mostly agreeing, some skipped (0).</summary>
    private static byte[] Answers(int seed, int pupil, IReadOnlyList<SurveyQuestion> questions)
    {
        var random = new Random(seed * 100_003 + pupil);
        var answers = new byte[Questionnaire.Shipped.Questions.Count];
        foreach (var q in questions) answers[q.Index] = (byte)(random.Next(10) == 0 ? 0 : 1 + random.Next(q.Scale.Options.Count));
        return answers;
    }

    private static async Task<List<string>> OpenSurveyAsync(BenchDatabase database, int pupils)
    {
        await using var db = database.CreateContext();
        db.Schools.Add(new School(Urn, new SchoolDetails
        {
            Name = "Bench Primary School",
            LaCode = 999,
            LaName = "Bench Borough",
            TypeOfEstablishment = "Community school",
            EstablishmentTypeGroup = "Local authority maintained schools",
            PhaseOfEducation = "Primary",
            Status = SchoolStatus.Open,
            NumberOfPupils = pupils,
        }));
        await db.SaveChangesAsync();
        var today = db.Today();
        // Classes of about 25, at most 12 to a year group (as the survey page allows): 500 pupils are 12 classes of 42 codes.
        var classes = Math.Clamp((pupils + 24) / 25, 1, 12);
        var perClass = (pupils + classes - 1) / classes;
        var opened = await new OpenSurveyWindow(db, IndicatorCatalogueSource.Default).RunAsync(
            new OpenSurveyWindow.Request([Urn], "Load survey", today, today.AddDays(7), [YearSix], classes, perClass));
        if (!opened.Succeeded) throw new InvalidOperationException(string.Join("; ", opened.Errors.Select(e => e.Message)));
        return await db.SurveyCodes.OrderBy(c => c.Id).Select(c => c.Code).Take(pupils).ToListAsync();
    }

    /// <summary>One pupil on their own device: types the code, answers every question a page at a time, checks and sends.</summary>
    private static async Task<bool> AnswerAsync(Uri address, string code, IReadOnlyList<SurveyQuestion> questions, byte[] answers, ConcurrentBag<double> latencies)
    {
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        async Task<string> Get(string path)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
            return body;
        }
        async Task<string> Post(string path, string page, Dictionary<string, string> fields)
        {
            fields["__RequestVerificationToken"] = PageLoad.TokenPattern().Match(page).Groups[1].Value;
            var start = Stopwatch.GetTimestamp();
            using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}{ProblemOf(await response.Content.ReadAsStringAsync())}");
            return response.Headers.Location!.ToString();
        }

        var next = await Post("/Survey", await Get("/Survey"), new() { ["AccessCode"] = OpenSurveyWindow.Printed(code) });
        for (var n = 1; n <= questions.Count; n++)
        {
            if (next != $"/Survey/Question/{n}") throw new InvalidOperationException($"expected question {n}, was sent to {next}");
            var answer = answers[questions[n - 1].Index];
            var fields = answer == 0 ? new Dictionary<string, string>() : new() { ["Answer"] = answer.ToString(CultureInfo.InvariantCulture) };
            next = await Post(next, await Get(next), fields);
        }
        if (next != "/Survey/Check") throw new InvalidOperationException($"expected the check page, was sent to {next}");
        return await Post("/Survey/Check", await Get("/Survey/Check"), []) == "/Survey/Done";
    }

    private static string ProblemOf(string page) => ErrorPattern().Match(page) is { Success: true } m ? $": {WebUtility.HtmlDecode(m.Groups[1].Value).Trim()}" : "";

    /// <summary>Null when every code was sent once and the store holds exactly the answers given; otherwise what is wrong.</summary>
    private static async Task<string?> CheckStoreAsync(BenchDatabase database, IReadOnlyList<string> codes, IReadOnlyDictionary<string, byte[]> expected)
    {
        await using var db = database.CreateContext();
        var held = await db.SurveyCodes.AsNoTracking().Where(c => c.Urn == Urn).Select(c => new { c.Code, c.SentAt, c.Answers }).ToListAsync();
        var notSent = held.Count(c => c.SentAt is null && codes.Contains(c.Code));
        var blocks = await db.SurveyDataBlocks.AsNoTracking().Where(b => b.Urn == Urn).ToListAsync();
        if (blocks.Count != 1) return $"{blocks.Count} survey blocks for the school";
        var store = SurveyBlockCodec.Decode(blocks[0].Data);
        var width = Questionnaire.Shipped.Questions.Count;
        string Row(Func<int, byte> answer) => string.Join(",", Enumerable.Range(0, width).Select(answer));
        var stored = Enumerable.Range(0, store.Count).Select(r => Row(q => q < store.QuestionCount ? store.Answers(q)[r] : (byte)0)).Order(StringComparer.Ordinal).ToList();
        var given = held.Where(c => c.SentAt is not null)
            .Select(c => Row(q => expected.TryGetValue(c.Code, out var a) ? a[q] : (byte)255)).Order(StringComparer.Ordinal).ToList();
        var kept = held.Where(c => c.SentAt is not null).Select(c => Row(q => q < c.Answers.Length ? c.Answers[q] : (byte)0)).Order(StringComparer.Ordinal).ToList();
        if (notSent > 0) return $"{notSent} codes not sent";
        if (store.Count != codes.Count) return $"{store.Count} responses stored for {codes.Count} codes";
        if (!stored.SequenceEqual(given)) return "the stored answers differ from the answers given";
        if (!kept.SequenceEqual(given)) return "a code holds answers other than its pupil's";
        return null;
    }

    [GeneratedRegex("class=\"govuk-error-message\">(?:<span[^>]*>[^<]*</span>)?([^<]*)<")]
    private static partial Regex ErrorPattern();
}
