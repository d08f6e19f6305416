using System.Diagnostics;

namespace SchoolSight.Core.Imports;

/// <summary>The parts of a pupil or survey import's wall time, as <see cref="DataImportTimings"/> reports them.</summary>
public enum DataImportPhase
{
    /// <summary>The bytes' check: hash, encoding, quotes (one pass over the file before its rows).</summary>
    CheckingBytes,

    /// <summary>Reading and checking every row, encoding and spooling each block, from the first row to the last.</summary>
    Reading,

    /// <summary>The writer writing blocks (while the rows are read, and after).</summary>
    WriterBusy,

    /// <summary>The writer waiting for the reader's next block.</summary>
    WriterIdle,

    /// <summary>From the last row read to the last block written: the writer catching up.</summary>
    WriterAfterReading,

    /// <summary>The audit rows of the blocks added or replaced.</summary>
    AuditRows,

    /// <summary>The import's own record and audit entry saved, and the transaction committed.</summary>
    Commit,
}

/// <summary>
/// Where an accepted pupil or survey import's wall time went, phase by phase (a few clock reads per block); the
/// benchmark reads it from <see cref="DataImportResult.Timings"/>. The writer's busy and idle time overlap the reading.
/// </summary>
public sealed class DataImportTimings
{
    private readonly long[] _ticks = new long[Enum.GetValues<DataImportPhase>().Length];

    public TimeSpan this[DataImportPhase phase] => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks[(int)phase]));

    /// <summary>Adds the time since <paramref name="since"/> (a <see cref="Stopwatch.GetTimestamp"/>) to <paramref name="phase"/> and returns now.</summary>
    internal long Add(DataImportPhase phase, long since)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _ticks[(int)phase], now - since);
        return now;
    }

    /// <summary>"CheckingBytes 0.41 s, …", for the log.</summary>
    public override string ToString() => string.Join(", ", Enum.GetValues<DataImportPhase>().Select(p => $"{p} {this[p].TotalSeconds:0.000} s"));
}
