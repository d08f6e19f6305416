using SchoolSight.Core.Backups;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.Tests.Backups;

/// <summary>
/// How pg_dump and pg_restore are found and called, with stand-ins for them (shell scripts recording their arguments and
/// environment) in a folder named as <c>--pg-bin</c> would name it.
/// </summary>
public sealed class PostgresToolsTests : IDisposable
{
    private const string Connection = "Host=db.demo-borough.example;Port=5433;Username=officer;Password=s3cret-Pass;Database=schoolsight";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schoolsight-pgtools-test-{Guid.NewGuid():N}");

    public PostgresToolsTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var tool in new[] { "pg_dump", "pg_restore" })
        {
            var script = Path.Combine(_folder, tool);
            File.WriteAllText(script, """
                #!/bin/sh
                folder=$(dirname "$0")
                printf '%s\n' "$@" > "$folder/args.txt"
                env | grep '^PG' | sort > "$folder/env.txt"
                for a in "$@"; do case "$a" in --file=*) echo archive > "${a#--file=}";; esac; done
                """.Replace("\r", ""));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Backup_OnPostgres_PassesTheConnectionInTheEnvironment_NeverThePasswordOnTheCommandLine()
    {
        var file = Path.Combine(_folder, "schoolsight.backup");

        var result = await new BackupDatabase(new DatabaseOptions(DatabaseProvider.Postgres, Connection))
            .RunAsync(new BackupRequest(file, PostgresBin: _folder));

        result.Errors.ShouldBeEmpty();
        File.ReadAllText(file).Trim().ShouldBe("archive");
        var arguments = File.ReadAllLines(Path.Combine(_folder, "args.txt"));
        arguments.ShouldContain("--format=custom");
        arguments.ShouldContain("--no-password");
        arguments.ShouldAllBe(a => !a.Contains("s3cret") && !a.Contains("officer") && !a.Contains("Host="));
        var environment = File.ReadAllLines(Path.Combine(_folder, "env.txt"));
        environment.ShouldContain("PGPASSWORD=s3cret-Pass");
        environment.ShouldContain("PGHOST=db.demo-borough.example");
        environment.ShouldContain("PGPORT=5433");
        environment.ShouldContain("PGUSER=officer");
        environment.ShouldContain("PGDATABASE=schoolsight");
    }

    [Fact]
    public async Task Backup_OnPostgres_WithAFolderWithoutTheTools_SaysSo()
    {
        var empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);

        var result = await new BackupDatabase(new DatabaseOptions(DatabaseProvider.Postgres, Connection))
            .RunAsync(new BackupRequest(Path.Combine(_folder, "x.backup"), PostgresBin: empty));

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Message.ShouldBe($"pg_dump and pg_restore are not in {empty}.");
    }
}
