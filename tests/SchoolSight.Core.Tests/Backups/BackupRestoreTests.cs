using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSight.Core.Access;
using SchoolSight.Core.Backups;
using SchoolSight.Core.Data;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Backups;

/// <summary>Backing up and restoring the database: what a restore refuses, and that a refused restore changes nothing.</summary>
public abstract class BackupRestoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string FutureMigration = "29991231000000_FromANewerSchoolSight";
    private TestDatabase _database = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schoolsight-backup-test-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private string File(string name) => Path.Combine(_folder, provider == DatabaseProvider.Sqlite ? name + ".db" : name + ".dump");

    private async Task<string> BackUpAsync(string name = "backup")
    {
        var result = await new BackupDatabase(_database.Options).RunAsync(new BackupRequest(File(name)));
        result.Errors.ShouldBeEmpty();
        return result.Value!.File;
    }

    private async Task<OperationResult<RestoreResult>> RestoreAsync(string file, bool force = false)
    {
        await using var db = _database.AsAdmin();
        return await new RestoreDatabase(_database.Options, db).RunAsync(new RestoreRequest(file, force));
    }

    private async Task<List<string>> SnapshotAsync()
    {
        await using var db = _database.AsAdmin();
        return (await TableSnapshot.TakeAsync(db)).Lines();
    }

    private async Task RenameFirstSchoolAsync()
    {
        await using var db = _database.AsAdmin();
        await db.Localities.Where(l => l.Name == "North").ExecuteUpdateAsync(s => s.SetProperty(l => l.Name, "Renamed after the backup"));
    }

    [Fact]
    public async Task Restore_PutsBackWhatTheBackupHeld()
    {
        var before = await SnapshotAsync();
        var file = await BackUpAsync();
        await RenameFirstSchoolAsync();
        await using (var db = _database.AsAdmin()) await db.ClusterMemberships.IgnoreQueryFilters().ExecuteDeleteAsync();
        (await SnapshotAsync()).ShouldNotBe(before);

        var result = await RestoreAsync(file);

        result.Errors.ShouldBeEmpty();
        result.Value!.WasInUse.ShouldBeFalse();
        result.Value.NeedsMigrate.ShouldBeFalse();
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Backup_RefusesToReplaceAnExistingFile_UnlessAsked()
    {
        var file = await BackUpAsync();

        var again = await new BackupDatabase(_database.Options).RunAsync(new BackupRequest(file));
        again.Succeeded.ShouldBeFalse();
        again.Errors.Single().Message.ShouldContain("already exists");

        (await new BackupDatabase(_database.Options).RunAsync(new BackupRequest(file, Overwrite: true))).Succeeded.ShouldBeTrue();
        Directory.GetFiles(_folder).ShouldBe([file]);
    }

    [Fact]
    public async Task Restore_RefusesAFileThatIsNotABackup_AndChangesNothing()
    {
        var before = await SnapshotAsync();
        var file = File("not-a-backup");
        await System.IO.File.WriteAllTextAsync(file, "URN,Name\n999101,Not a database\n");

        var result = await RestoreAsync(file);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Message.ShouldContain("Nothing was changed");
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Restore_RefusesABackupFromANewerSchoolSight_AndChangesNothing()
    {
        await HistoryAsync($"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('{FutureMigration}', '10.0.0')");
        var file = await BackUpAsync();
        await HistoryAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{FutureMigration}'");
        await RenameFirstSchoolAsync();
        var before = await SnapshotAsync();

        var result = await RestoreAsync(file);

        result.Succeeded.ShouldBeFalse();
        result.Errors.Single().Message.ShouldContain(FutureMigration);
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Restore_WhileTheDatabaseIsInUse_IsRefused_UnlessForced()
    {
        var snapshot = await SnapshotAsync();
        var file = await BackUpAsync();
        await RenameFirstSchoolAsync();
        var changed = await SnapshotAsync();

        await using (var other = await OpenOtherConnectionAsync())
        {
            var refused = await RestoreAsync(file);
            refused.Succeeded.ShouldBeFalse();
            refused.Errors.Single().Message.ShouldContain("in use");
            (await SnapshotAsync()).ShouldBe(changed);

            var forced = await RestoreAsync(file, force: true);
            forced.Errors.ShouldBeEmpty();
            forced.Value!.WasInUse.ShouldBeTrue();
        }
        (await SnapshotAsync()).ShouldBe(snapshot);
    }

    [Fact]
    public async Task Backup_WhileAnotherConnectionIsWriting_HoldsWhatWasCommitted()
    {
        var before = await SnapshotAsync();
        string file;
        await using (var other = await OpenOtherConnectionAsync())
        {
            await using var transaction = await other.BeginTransactionAsync();
            await using (var update = other.CreateCommand())
            {
                update.Transaction = transaction;
                update.CommandText = "UPDATE \"Localities\" SET \"Name\" = \"Name\" || ' (written during the backup)'";
                (await update.ExecuteNonQueryAsync()).ShouldBe(2);
            }

            file = await BackUpAsync();
            await transaction.CommitAsync();
        }
        (await SnapshotAsync()).ShouldNotBe(before);

        (await RestoreAsync(file)).Errors.ShouldBeEmpty();

        (await SnapshotAsync()).ShouldBe(before);
    }

    /// <summary>Another user of the database, as the running web app would be: a connection open and reading.</summary>
    private async Task<System.Data.Common.DbConnection> OpenOtherConnectionAsync()
    {
        System.Data.Common.DbConnection connection = provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(_database.Options.ConnectionString)
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_database.Options.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM \"Schools\"";
        (await command.ExecuteScalarAsync()).ShouldNotBeNull();
        return connection;
    }

    private async Task HistoryAsync(string sql)
    {
        await using var db = _database.AsAdmin();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}

public sealed class BackupRestoreTests_Sqlite() : BackupRestoreTests(DatabaseProvider.Sqlite);
public sealed class BackupRestoreTests_Postgres() : BackupRestoreTests(DatabaseProvider.Postgres);
