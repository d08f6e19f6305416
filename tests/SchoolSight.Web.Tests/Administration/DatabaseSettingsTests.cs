using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchoolSight.Core.Data;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Administration;

/// <summary>The web app in Production refuses a database it would otherwise create empty, or cannot use, with one line.</summary>
public sealed class DatabaseSettingsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schoolsight-settings-{Guid.NewGuid():N}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static async Task PrepareAsync(string connectionString, string environment = "Production", bool? createIfMissing = null)
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("hostBuilder:reloadConfigOnChange", "false");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", connectionString);
            if (createIfMissing is { } create) b.UseSetting(DatabaseReadiness.CreateIfMissingSetting, create.ToString());
            b.UseSetting("DataProtection:KeysFolder", Path.Combine(Path.GetTempPath(), "schoolsight-test-keys"));
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        });
        await SchoolSightApp.PrepareDatabaseAsync(app.Services, app.Services.GetRequiredService<IConfiguration>());
    }

    [Fact]
    public async Task Production_WithAMistypedSqlitePath_RefusesInOneLine_AndCreatesNothing()
    {
        var file = Path.Combine(_folder, "schoolsigth.db");

        var e = await Should.ThrowAsync<DatabaseSetupException>(() => PrepareAsync($"Data Source={file};Pooling=False"));

        e.Message.ShouldContain("Database:ConnectionString");
        e.Message.ShouldContain("does not exist");
        e.Message.ShouldNotContain("\n");
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task Production_WithCreateIfMissing_AndDevelopment_CreateTheDatabase()
    {
        var file = Path.Combine(_folder, "created.db");
        await PrepareAsync($"Data Source={file};Pooling=False", createIfMissing: true);
        File.Exists(file).ShouldBeTrue();

        var development = Path.Combine(_folder, "development.db");
        await PrepareAsync($"Data Source={development};Pooling=False", environment: "Development");
        File.Exists(development).ShouldBeTrue();
    }

    [Fact]
    public async Task Production_WithAReadOnlyDatabase_RefusesInOneLine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var e = await Should.ThrowAsync<DatabaseSetupException>(() => PrepareAsync(database.Options.ConnectionString + ";Mode=ReadOnly"));

        e.Message.ShouldContain("Database:ConnectionString");
        e.Message.ShouldContain("readonly");
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task TheWebApp_InProduction_WithAMissingDatabase_ExitsWithOneLine()
    {
        var dll = typeof(SchoolSightApp).Assembly.Location;
        var file = Path.Combine(_folder, "missing.db");
        Directory.CreateDirectory(_folder);
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = "Sqlite",
                ["Database__ConnectionString"] = $"Data Source={file}",
                ["DataProtection__KeysFolder"] = Path.Combine(_folder, "keys"),
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("SchoolSight started instead of refusing the missing database");
            }
        }

        process.ExitCode.ShouldBe(1);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, await error);
        lines[0].ShouldContain("Database:ConnectionString");
        lines[0].ShouldContain(file);
        (await output + await error).ShouldNotContain("   at ");
        File.Exists(file).ShouldBeFalse();
    }
}
