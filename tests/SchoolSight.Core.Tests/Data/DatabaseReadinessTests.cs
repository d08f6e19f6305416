using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Data;

public sealed class DatabaseReadinessTests
{
    private static AppDbContext Context(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        options.Apply(builder);
        return AppDbContext.Create(builder.Options, ActingUsers.Scheduler);
    }

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"schoolsight-readiness-{Guid.NewGuid():N}", "schoolsight.db");

    [Fact]
    public async Task AMistypedSqlitePath_IsRefusedInOneLine_AndNothingIsCreated()
    {
        var file = TempFile();
        await using var db = Context(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"));

        var e = await Should.ThrowAsync<DatabaseSetupException>(() => DatabaseReadiness.EnsureExistsAsync(db));

        e.Message.ShouldContain("Database:ConnectionString");
        e.Message.ShouldContain(file);
        e.Message.ShouldContain("schoolsight db migrate");
        e.Message.ShouldNotContain("\n");
        File.Exists(file).ShouldBeFalse();
        Directory.Exists(Path.GetDirectoryName(file)).ShouldBeFalse("not even the folder is made");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AnEmptyDatabase_IsRefused_AndAMigratedOneIsNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        if (provider == DatabaseProvider.Sqlite)
            await File.WriteAllBytesAsync(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource, []);
        await using (var db = database.CreateContext())
        {
            var e = await Should.ThrowAsync<DatabaseSetupException>(() => DatabaseReadiness.EnsureExistsAsync(db));
            e.Message.ShouldContain("is empty");
            e.Message.ShouldContain("Database:CreateIfMissing");
        }
        await using (var db = database.CreateContext())
        {
            await DatabaseInitializer.MigrateAsync(db);
            await DatabaseReadiness.EnsureExistsAsync(db);
        }
    }

    [Fact]
    public async Task AReadOnlySqliteDatabase_GivesOneLine_NotAStackTrace()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var readOnly = new DatabaseOptions(DatabaseProvider.Sqlite, database.Options.ConnectionString + ";Mode=ReadOnly");
        await using var db = Context(readOnly);
        var before = await db.Database.GetAppliedMigrationsAsync();
        before.ShouldNotBeEmpty();

        var e = await Should.ThrowAsync<DatabaseSetupException>(() => DatabaseReadiness.RunAsync(db, () => DatabaseInitializer.MigrateAsync(db)));

        e.Message.ShouldContain("cannot be used");
        e.Message.ShouldContain("readonly");
        e.Message.ShouldNotContain("\n");
    }

    [Fact]
    public async Task AFileThatIsNotADatabase_GivesOneLine()
    {
        var file = TempFile();
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, new string('x', 4096));
        try
        {
            await using var db = Context(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"));
            var e = await Should.ThrowAsync<DatabaseSetupException>(() => DatabaseReadiness.EnsureExistsAsync(db));
            e.Message.ShouldContain("not a database");
            e.Message.ShouldNotContain("\n");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public void AnUnknownProvider_IsOneLineNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Postgress" }).Build();
        Should.Throw<DatabaseSetupException>(() => DatabaseOptions.FromConfiguration(configuration)).Message.ShouldContain("Database:Provider");
    }
}
