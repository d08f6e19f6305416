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
    private TimeSpan _savedAll;

    public void Report(GiasImportProgress value)
    {
        _first.TryAdd(value.Phase, _clock.Elapsed);
        if (value.Phase == GiasImportPhase.Saving && value.Done == value.Total) _savedAll = _clock.Elapsed;
    }

    public string Describe()
    {
        TimeSpan At(GiasImportPhase phase) => _first.GetValueOrDefault(phase);
        string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture) + " ms";
        return $"check bytes {Ms(At(GiasImportPhase.ReadingRows))}, read and check rows {Ms(At(GiasImportPhase.Comparing) - At(GiasImportPhase.ReadingRows))}, " +
               $"load held and compare {Ms(At(GiasImportPhase.Saving) - At(GiasImportPhase.Comparing))}, " +
               $"save schools and audit {Ms(_savedAll - At(GiasImportPhase.Saving))}, LAs, record and commit {Ms(At(GiasImportPhase.Done) - _savedAll)}";
    }
}
