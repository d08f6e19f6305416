using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SchoolSight.Domain.Imports;

namespace SchoolSight.Core.Observability;

/// <summary>
/// What SchoolSight's long-running work tells operators: a log line at the start and end of every import (rows,
/// problems, duration), every recompute (school-years, areas, duration) and every PDF (document, pages, bytes,
/// duration), and the durations as histograms on the <see cref="MeterName"/> meter (exported by OpenTelemetry when an
/// OTLP endpoint is configured). Registered once for the web app, the scheduler and the CLI.
/// </summary>
public sealed partial class SchoolSightTelemetry
{
    public const string MeterName = "SchoolSight";
    public const string ImportDurationName = "schoolsight.import.duration";
    public const string RecomputeDurationName = "schoolsight.recompute.duration";
    public const string PdfDurationName = "schoolsight.pdf.duration";

    private readonly ILogger _logger;
    private readonly Histogram<double> _importDuration;
    private readonly Histogram<double> _recomputeDuration;
    private readonly Histogram<double> _pdfDuration;

    public SchoolSightTelemetry(ILogger<SchoolSightTelemetry> logger, IMeterFactory? meters = null)
    {
        _logger = logger;
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        _importDuration = meter.CreateHistogram<double>(ImportDurationName, "s", "How long an import took, from the first read of the file to its outcome.");
        _recomputeDuration = meter.CreateHistogram<double>(RecomputeDurationName, "s", "How long a recompute of the indicators took.");
        _pdfDuration = meter.CreateHistogram<double>(PdfDurationName, "s", "How long rendering a PDF took.");
    }

    public void ImportStarted(ImportRecord record) => LogImportStarted(_logger, record.Id, record.Kind, record.FileName, record.UserName);

    /// <summary>The import's outcome as recorded: applied or rejected with its rows and problems; or failed with the exception.</summary>
    public void ImportFinished(ImportRecord record, TimeSpan elapsed, Exception? failure = null)
    {
        var outcome = failure is null ? record.Outcome.ToString() : "Failed";
        if (failure is null)
            LogImportFinished(_logger, record.Id, record.Kind, outcome, record.RowsRead, record.ErrorCount, elapsed.TotalSeconds);
        else
            LogImportFailed(_logger, failure, record.Id, record.Kind, elapsed.TotalSeconds);
        _importDuration.Record(elapsed.TotalSeconds, new("schoolsight.import.kind", record.Kind.ToString()), new("schoolsight.import.outcome", outcome));
    }

    /// <summary>A recompute has finished; <paramref name="timings"/>, its parts, are written (by their text) at Debug level.</summary>
    public void RecomputeFinished(int schoolYears, int unchanged, int areas, TimeSpan elapsed, object? timings = null)
    {
        LogRecomputeFinished(_logger, schoolYears, unchanged, areas, elapsed.TotalSeconds);
        if (timings is not null && _logger.IsEnabled(LogLevel.Debug)) LogRecomputeParts(_logger, timings);
        _recomputeDuration.Record(elapsed.TotalSeconds);
    }

    public void PdfRendered(string document, int pages, int bytes, TimeSpan elapsed)
    {
        LogPdfRendered(_logger, document, pages, bytes, elapsed.TotalSeconds);
        _pdfDuration.Record(elapsed.TotalSeconds);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Import {ImportId} of {Kind} started: {FileName}, by {UserName}.")]
    private static partial void LogImportStarted(ILogger logger, long importId, ImportKind kind, string fileName, string userName);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Import {ImportId} of {Kind} {Outcome}: {Rows} rows, {Problems} problems, in {Seconds:0.0} s.")]
    private static partial void LogImportFinished(ILogger logger, long importId, ImportKind kind, string outcome, int rows, int problems, double seconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Import {ImportId} of {Kind} failed after {Seconds:0.0} s; nothing was imported.")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, long importId, ImportKind kind, double seconds);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Recomputed {SchoolYears} school-years ({Unchanged} unchanged) and {Areas} areas in {Seconds:0.0} s.")]
    private static partial void LogRecomputeFinished(ILogger logger, int schoolYears, int unchanged, int areas, double seconds);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "The recompute's parts: {Parts}.")]
    private static partial void LogRecomputeParts(ILogger logger, object parts);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Rendered the PDF \"{Document}\": {Pages} pages, {Bytes} bytes, in {Seconds:0.00} s.")]
    private static partial void LogPdfRendered(ILogger logger, string document, int pages, int bytes, double seconds);
}
