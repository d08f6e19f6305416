using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SchoolSight.Bench.Pages;

/// <summary>
/// Where a page's time goes, from EF Core's own diagnostics: each page asked for 50 times by one LA officer alone, with the
/// database commands it ran (counted from EF Core's <c>CommandExecuted</c> events in this process) and their time,
/// against the page's whole time. The rest is rendering, decoding and computing in the app.
/// </summary>
public sealed class CommandProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const int Runs = 50;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _byCommand = [];
    private readonly Dictionary<string, int> _compiled = [];
    private int _commands;
    private int _compilations;
    private double _milliseconds;

    public static async Task RunAsync(LoadClient officer, MixData data)
    {
        using var profile = new CommandProfile();
        using var sampler = new AllocationSampler();
        var allocations = new List<string>();
        profile._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(profile));
        Console.WriteLine();
        Console.WriteLine($"### Each page alone, one client, {Runs} requests: EF Core's commands");
        Console.WriteLine("| page | p50 | commands per request | database time per request | queries compiled per request | CPU per request | allocated per request | page size |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var random = new Random(1);
        var costliest = new List<string>();
        var recompiled = new List<string>();
        foreach (var page in PageMix.Pages)
        {
            var times = new List<double>();
            long bytes = 0;
            profile.Reset();
            // The process's CPU time and allocations over the page's requests (the client's share included): less
            // moved by other work on the machine than the page's wall time.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            sampler.Start();
            for (var i = 0; i < Runs; i++)
            {
                string path;
                do path = PageMix.Next(officer.User, data, random, page == PageMix.Export) is var (p, x) && p == page ? x : "";
                while (path.Length == 0);
                var sample = await officer.GetAsync(page, path);
                times.Add(sample.Milliseconds);
                bytes += sample.Bytes;
            }
            var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Runs;
            var kb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / Runs;
            allocations.AddRange(sampler.Stop(5).Select(t => string.Create(CultureInfo.InvariantCulture, $"| {page} | {t.Bytes / 1024.0 / Runs:N0} KB | `{t.Type}` |")));
            var (commands, ms, compilations) = profile.Read();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {page} | {times.Order().ElementAt(Runs / 2):N1} ms | {commands / (double)Runs:N1} | {ms / Runs:N1} ms | {compilations / (double)Runs:N1} | {cpuMs:N1} ms | {kb:N0} KB | {bytes / 1024.0 / Runs:N0} KB |"));
            recompiled.AddRange(profile.Recompiled().Select(c => $"| {page} | {c.Times} | `{c.Query}` |"));
            costliest.AddRange(profile.Costliest(3).Select(c => string.Create(CultureInfo.InvariantCulture, $"| {page} | {c.Milliseconds / Runs:N2} ms | `{c.Command}` |")));
        }
        Console.WriteLine();
        Console.WriteLine("### Each page's three costliest database commands (time per request; the command's first words)");
        Console.WriteLine("| page | time per request | command |");
        Console.WriteLine("|---|---|---|");
        foreach (var line in costliest) Console.WriteLine(line);
        Console.WriteLine();
        Console.WriteLine("### Each page's five most allocated types (the runtime's allocation samples, per request; the client's included)");
        Console.WriteLine("| page | sampled per request | type |");
        Console.WriteLine("|---|---|---|");
        foreach (var line in allocations) Console.WriteLine(line);
        if (recompiled.Count == 0) return;
        // EF Core caches a query's compiled form by its shape: one compiled again on every request holds something that
        // changes from request to request as a constant rather than a parameter.
        Console.WriteLine();
        Console.WriteLine($"### Queries EF Core compiled again while the page was asked for {Runs} times (times; the query's first words)");
        Console.WriteLine("| page | times | query |");
        Console.WriteLine("|---|---|---|");
        foreach (var line in recompiled) Console.WriteLine(line);
    }

    private IEnumerable<(string Query, int Times)> Recompiled()
    {
        lock (_gate) return [.. _compiled.OrderByDescending(c => c.Value).Take(5).Select(c => (c.Key, c.Value))];
    }

    private IEnumerable<(string Command, double Milliseconds)> Costliest(int count)
    {
        lock (_gate) return [.. _byCommand.OrderByDescending(c => c.Value).Take(count).Select(c => (c.Key, c.Value))];
    }

    private void Reset()
    {
        lock (_gate)
        {
            (_commands, _milliseconds, _compilations) = (0, 0, 0);
            _byCommand.Clear();
            _compiled.Clear();
        }
    }

    private (int Commands, double Milliseconds, int Compilations) Read()
    {
        lock (_gate) return (_commands, _milliseconds, _compilations);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) _subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CoreEventId.QueryCompilationStarting.Name && value.Value is QueryExpressionEventData compiling)
            Compiled(compiling);
        else if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed)
        {
            var text = string.Join(' ', executed.Command.CommandText.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
            text = text.Length > 110 ? text[..110] + "…" : text;
            lock (_gate)
            {
                _commands++;
                _milliseconds += executed.Duration.TotalMilliseconds;
                _byCommand[text] = _byCommand.GetValueOrDefault(text) + executed.Duration.TotalMilliseconds;
            }
        }
    }

    private void Compiled(QueryExpressionEventData compiling)
    {
        var text = string.Join(' ', compiling.Expression.ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        text = text.Length > 160 ? text[..160] + "…" : text;
        lock (_gate)
        {
            _compilations++;
            _compiled[text] = _compiled.GetValueOrDefault(text) + 1;
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
    }
}
