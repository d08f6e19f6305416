using System.Runtime.CompilerServices;

namespace SchoolSight.TestSupport;

/// <summary>
/// Settings for every app a test process starts. Dozens of apps run at once in one test run; each one watching its
/// appsettings files with an inotify instance would exhaust the per-user limit (128 on Linux), so apps read their
/// settings once and file providers poll instead of watching.
/// </summary>
internal static class TestProcessSettings
{
#pragma warning disable CA2255 // a test library: the settings must be in place before any test builds an app
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
