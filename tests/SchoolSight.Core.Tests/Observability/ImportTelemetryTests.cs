using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Observability;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Observability;

/// <summary>An import and its recompute tell operators what happened: log lines (start, rows, problems, duration) and duration histograms.</summary>
public abstract class ImportTelemetryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] Urns = [999201, 999202, 999203];
    private TestDatabase _database = null!;
    private readonly RecordingLoggerProvider _logs = new();
    private readonly TestMeterFactory _meters = new();
    private readonly ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private MeterListener _listener = null!;
    private ILoggerFactory _loggerFactory = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using (var db = _database.CreateContext())
        {
            db.Schools.AddRange(Urns.Select(u => Build.School(u, $"School {u}")));
            await db.SaveChangesAsync();
        }
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Information));
        _listener = new MeterListener
        {
            // Only this test's meters: the factory is the meters' scope.
            InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Scope == _meters) listener.EnableMeasurementEvents(instrument); },
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        _listener.Start();
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        _loggerFactory.Dispose();
        _meters.Dispose();
        await _database.DisposeAsync();
    }

    private async Task<DataImportResult> ImportAsync(byte[] file)
    {
        var telemetry = new SchoolSightTelemetry(_loggerFactory.CreateLogger<SchoolSightTelemetry>(), _meters);
        await using var db = _database.CreateContext();
        var result = await new ImportPupils(db, new ComputeIndicators(db, IndicatorCatalogueSource.Default, telemetry), telemetry: telemetry)
            .RunAsync(new DataImportRequest(new MemoryStream(file), "pupils_2024-25.csv"));
        result.Succeeded.ShouldBeTrue();
        return result.Value!;
    }

    [Fact]
    public async Task AnAppliedImport_IsLoggedWithItsRows_AndItsAndItsRecomputesDurationsAreMeasured()
    {
        var result = await ImportAsync(DataFile.Pupils(Urns).ToBytes());

        result.Applied.ShouldBeTrue();
        var import = _measurements.Single(m => m.Instrument == SchoolSightTelemetry.ImportDurationName);
        import.Value.ShouldBeGreaterThan(0);
        import.Tags["schoolsight.import.kind"].ShouldBe("Pupils");
        import.Tags["schoolsight.import.outcome"].ShouldBe("Applied");
        _measurements.Count(m => m.Instrument == SchoolSightTelemetry.RecomputeDurationName).ShouldBe(1);

        _logs.Messages.ShouldContain($"Import {result.ImportId} of Pupils started: pupils_2024-25.csv, by test-admin@demo-borough.example.");
        _logs.Messages.ShouldContain(m => m.StartsWith($"Import {result.ImportId} of Pupils Applied: {result.RowsRead} rows, 0 problems, in ", StringComparison.Ordinal));
        _logs.Messages.ShouldContain(m => m.StartsWith($"Recomputed {Urns.Length} school-years", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARejectedImport_IsLoggedWithItsProblems_AndMeasuredAsRejected()
    {
        var result = await ImportAsync(DataFile.Pupils(Urns).Set(0, "URN", "not a number").ToBytes());

        result.Applied.ShouldBeFalse();
        _measurements.Single(m => m.Instrument == SchoolSightTelemetry.ImportDurationName).Tags["schoolsight.import.outcome"].ShouldBe("Rejected");
        _logs.Messages.ShouldContain(m => m.StartsWith($"Import {result.ImportId} of Pupils Rejected: {result.RowsRead} rows, {result.ErrorCount} problems", StringComparison.Ordinal));
        _measurements.ShouldNotContain(m => m.Instrument == SchoolSightTelemetry.RecomputeDurationName);
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => [.. _messages];

        public ILogger CreateLogger(string categoryName) => new Logger(_messages);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}

public sealed class ImportTelemetryTests_Sqlite() : ImportTelemetryTests(DatabaseProvider.Sqlite);
public sealed class ImportTelemetryTests_Postgres() : ImportTelemetryTests(DatabaseProvider.Postgres);
