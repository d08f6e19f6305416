using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SchoolSight.Bench.Pages;

/// <summary>
/// Where a page's time goes, from EF Core's own diagnostics: each page asked for 20 times by one LA officer alone, with the
/// database commands it ran (counted from EF Core's <c>CommandExecuted</c> events in this process) and their time,
/// against the page's whole time. The rest is rendering, decoding and computing in the app.
/// </summary>
public sealed class CommandProfile : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const int Runs = 20;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _byCommand = [];
    private int _commands;
    private double _milliseconds;

    public static async Task RunAsync(LoadClient officer, MixData data)
    {
        using var profile = new CommandProfile();
        profile._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(profile));
        Console.WriteLine();
        Console.WriteLine("### Each page alone, one client, 20 requests: EF Core's commands");
        Console.WriteLine("| page | p50 | commands per request | database time per request |");
        Console.WriteLine("|---|---|---|---|");
        var random = new Random(1);
        var costliest = new List<string>();
        foreach (var page in PageMix.Pages)
        {
            var times = new List<double>();
            profile.Reset();
            for (var i = 0; i < Runs; i++)
            {
                string path;
                do path = PageMix.Next(officer.User, data, random, page == PageMix.Export) is var (p, x) && p == page ? x : "";
                while (path.Length == 0);
                times.Add((await officer.GetAsync(page, path)).Milliseconds);
            }
            var (commands, ms) = profile.Read();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {page} | {times.Order().ElementAt(Runs / 2):N1} ms | {commands / (double)Runs:N1} | {ms / Runs:N1} ms |"));
            costliest.AddRange(profile.Costliest(3).Select(c => string.Create(CultureInfo.InvariantCulture, $"| {page} | {c.Milliseconds / Runs:N2} ms | `{c.Command}` |")));
        }
        Console.WriteLine();
        Console.WriteLine("### Each page's three costliest database commands (time per request; the command's first words)");
        Console.WriteLine("| page | time per request | command |");
        Console.WriteLine("|---|---|---|");
        foreach (var line in costliest) Console.WriteLine(line);
    }

    private IEnumerable<(string Command, double Milliseconds)> Costliest(int count)
    {
        lock (_gate) return [.. _byCommand.OrderByDescending(c => c.Value).Take(count).Select(c => (c.Key, c.Value))];
    }

    private void Reset()
    {
        lock (_gate)
        {
            (_commands, _milliseconds) = (0, 0);
            _byCommand.Clear();
        }
    }

    private (int Commands, double Milliseconds) Read()
    {
        lock (_gate) return (_commands, _milliseconds);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name) _subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed)
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

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
    }
}
