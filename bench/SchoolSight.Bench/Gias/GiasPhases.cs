using System.Diagnostics;
using System.Globalization;
using SchoolSight.Core.Imports.Gias;

namespace SchoolSight.Bench.Gias;

/// <summary>
/// Where one import's time goes, from its own progress reports (taken as they come, on the import's thread): checking the
/// file's bytes, reading and checking its rows, loading the schools held and comparing, saving the schools and their
/// audit rows, and the rest (LAs, localities, the import's record, the commit).
/// </summary>
public sealed class GiasPhases : IProgress<GiasImportProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<GiasImportPhase, TimeSpan> _first = [];
    private readonly Dictionary<GiasImportPhase, TimeSpan> _firstCpu = [];
    private readonly TimeSpan _startCpu = Cpu();
    private TimeSpan _savedAll;
    private TimeSpan _savedAllCpu;

    public void Report(GiasImportProgress value)
    {
        _first.TryAdd(value.Phase, _clock.Elapsed);
        _firstCpu.TryAdd(value.Phase, Cpu() - _startCpu);
        if (value.Phase == GiasImportPhase.Saving && value.Done == value.Total) (_savedAll, _savedAllCpu) = (_clock.Elapsed, Cpu() - _startCpu);
    }

    /// <summary>The CPU time the process has used (every thread): on a shared machine, steadier than the wall clock.</summary>
    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    public string Describe() => Describe(_first, _savedAll);

    /// <summary>The same phases in CPU time.</summary>
    public string DescribeCpu() => Describe(_firstCpu, _savedAllCpu);

    private static string Describe(Dictionary<GiasImportPhase, TimeSpan> first, TimeSpan savedAll)
    {
        TimeSpan At(GiasImportPhase phase) => first.GetValueOrDefault(phase);
        string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";
        return $"check bytes {Ms(At(GiasImportPhase.ReadingRows))}, read and check rows {Ms(At(GiasImportPhase.Comparing) - At(GiasImportPhase.ReadingRows))}, " +
               $"load held and compare {Ms(At(GiasImportPhase.Saving) - At(GiasImportPhase.Comparing))}, " +
               $"save schools and audit {Ms(savedAll - At(GiasImportPhase.Saving))}, LAs, record and commit {Ms(At(GiasImportPhase.Done) - savedAll)}";
    }
}
