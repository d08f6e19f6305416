using System.Diagnostics.Tracing;

namespace SchoolSight.Bench.Pages;

/// <summary>
/// What a page allocates, by type: the runtime's own allocation samples (one event about every 100 KB allocated, naming
/// the type of the object that crossed it), listened to in this process while the sampler is on.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _byType = [];
    private volatile bool _on;

    public void Start()
    {
        lock (_gate) _byType.Clear();
        _on = true;
    }

    /// <summary>The types that took the most of the samples since <see cref="Start"/>, with the bytes sampled for each.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Stop(int count)
    {
        _on = false;
        lock (_gate) return [.. _byType.OrderByDescending(t => t.Value).Take(count).Select(t => (t.Key, t.Value))];
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is null) return;
        var type = e.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? e.Payload?[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 && e.Payload?[a] is ulong bytes ? (long)bytes : 100_000;
        lock (_gate) _byType[type] = _byType.GetValueOrDefault(type) + amount;
    }
}
