using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.TestSupport;
using Xunit.Abstractions;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>One database per provider for the whole battery, holding the schools the pupil and survey examples name.</summary>
public abstract class BatteryDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        await using var db = Database.CreateContext();
        db.Schools.AddRange(ImportSource.DataFileUrns().Select(u => Build.School(u, $"School {u}")));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class BatteryDatabase_Sqlite() : BatteryDatabase(DatabaseProvider.Sqlite);
public sealed class BatteryDatabase_Postgres() : BatteryDatabase(DatabaseProvider.Postgres);

/// <summary>
/// Every import source's valid example, damaged in at least 40 systematic ways (<see cref="MalformedFiles"/>): each
/// malformed file is refused with a problem naming its line and column (or the whole file, for an empty file or the
/// wrong encoding) and changes nothing; each harmless change (a byte order mark, a column SchoolSight does not read)
/// is accepted.
/// </summary>
[Trait("Category", "Battery")]
public abstract class MalformedFileBatteryTests(BatteryDatabase database, ITestOutputHelper output)
{
    private const int AtLeast = 40;

    public static TheoryData<string> Sources() => [.. ImportSource.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task EveryMalformedVariant_IsRefusedWithItsLineAndColumn_AndChangesNothing(string name)
    {
        var source = ImportSource.All.Single(s => s.Name == name);
        var failures = new List<string>();
        var malformed = 0;

        await using (var db = database.Database.CreateContext())
            (await source.Import(db, source.Load().Bytes())).Applied.ShouldBeTrue($"the valid {name} example was refused");

        // One connection, kept open, reads the data before and after each file.
        await using var look = database.Database.CreateContext();
        await look.Database.OpenConnectionAsync();
        var before = await ImportSource.DataSnapshotAsync(look);
        foreach (var variant in MalformedFiles.For(source))
        {
            ImportAnswer answer;
            await using (var db = database.Database.CreateContext()) answer = await source.Import(db, variant.Content);
            var after = await ImportSource.DataSnapshotAsync(look);

            var first = answer.Errors.FirstOrDefault();
            var shown = $"{name} / {variant.Name}: {(answer.Applied ? "accepted" : $"refused ({answer.ErrorCount}): line {first.Line}, column {first.Column}: {first.Problem}")}";
            output.WriteLine(shown);
            if (!variant.Refused)
            {
                if (!answer.Applied) failures.Add($"{shown} — expected it to be accepted");
                before = after;
                continue;
            }
            malformed++;
            if (answer.Applied) failures.Add($"{shown} — expected it to be refused");
            else if (variant.NamesColumn && !answer.Errors.Any(e => e.Line is not null && e.Column is not null))
                failures.Add($"{shown} — no problem names both its line and its column");
            else if (answer.Errors.Count == 0) failures.Add($"{shown} — refused without a problem");
            if (after != before) failures.Add($"{name} / {variant.Name}: the data changed ({before} → {after})");
            before = after;
        }

        output.WriteLine($"{malformed} malformed variants for {name}");
        failures.ShouldBeEmpty(string.Join("\n", failures));
        malformed.ShouldBeGreaterThanOrEqualTo(AtLeast);
    }
}

public sealed class MalformedFileBatteryTests_Sqlite(BatteryDatabase_Sqlite database, ITestOutputHelper output)
    : MalformedFileBatteryTests(database, output), IClassFixture<BatteryDatabase_Sqlite>;

public sealed class MalformedFileBatteryTests_Postgres(BatteryDatabase_Postgres database, ITestOutputHelper output)
    : MalformedFileBatteryTests(database, output), IClassFixture<BatteryDatabase_Postgres>;
