using System.Diagnostics;
using Npgsql;

namespace SchoolSight.Core.Backups;

/// <summary>
/// PostgreSQL's own <c>pg_dump</c> and <c>pg_restore</c>, run as processes: from the folder given
/// (<c>Backup:PostgresBin</c> or <c>--pg-bin</c>), else from PATH, else from the newest <c>/usr/lib/postgresql/*/bin</c>
/// (Debian's packages). The connection comes from the connection string through the environment variables the tools
/// read (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGSSLMODE), so the password is never on a command line.
/// </summary>
public sealed class PostgresTools
{
    private const string DebianFolders = "/usr/lib/postgresql";

    private readonly string _folder;
    private readonly NpgsqlConnectionStringBuilder _connection;

    private PostgresTools(string folder, NpgsqlConnectionStringBuilder connection)
    {
        _folder = folder;
        _connection = connection;
    }

    public string Database => _connection.Database ?? "";

    /// <summary>The tools for this connection string, or null with the reason when <c>pg_dump</c> or <c>pg_restore</c> cannot be found.</summary>
    public static PostgresTools? Find(string connectionString, string? folder, out string error)
    {
        error = "";
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrWhiteSpace(folder))
        {
            if (HasBoth(folder)) return new PostgresTools(folder, connection);
            error = $"pg_dump and pg_restore are not in {folder}.";
            return null;
        }
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.Exists(DebianFolders)
                ? Directory.GetDirectories(DebianFolders).OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
                : []);
        foreach (var candidate in candidates)
            if (HasBoth(candidate)) return new PostgresTools(candidate, connection);
        error = "pg_dump and pg_restore were not found on PATH or in /usr/lib/postgresql/*/bin: install PostgreSQL's client tools, or name their folder with --pg-bin (or Backup:PostgresBin).";
        return null;
    }

    private static bool HasBoth(string folder) => File.Exists(Path.Combine(folder, "pg_dump")) && File.Exists(Path.Combine(folder, "pg_restore"));

    private static int VersionOf(string folder) => int.TryParse(Path.GetFileName(folder), out var version) ? version : 0;

    /// <summary>Runs <paramref name="tool"/> to the end; its exit code, standard output and standard error.</summary>
    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Path.Combine(_folder, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--no-password");
        foreach (var (name, value) in LibpqEnvironment())
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The libpq environment for the connection string (the values it sets; nothing else).</summary>
    public IEnumerable<(string Name, string Value)> LibpqEnvironment()
    {
        if (!string.IsNullOrEmpty(_connection.Host)) yield return ("PGHOST", _connection.Host);
        yield return ("PGPORT", _connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(_connection.Username)) yield return ("PGUSER", _connection.Username);
        if (!string.IsNullOrEmpty(_connection.Database)) yield return ("PGDATABASE", _connection.Database);
        if (!string.IsNullOrEmpty(_connection.Password)) yield return ("PGPASSWORD", _connection.Password);
        if (!string.IsNullOrEmpty(_connection.Passfile)) yield return ("PGPASSFILE", _connection.Passfile);
        var sslMode = _connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Prefer => "prefer",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => null,
        };
        if (sslMode is not null) yield return ("PGSSLMODE", sslMode);
    }
}
