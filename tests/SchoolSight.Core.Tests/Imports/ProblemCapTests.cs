using SchoolSight.Core.Data;
using SchoolSight.Core.Imports;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>Measured alone: the retained-memory check would count other tests' objects.</summary>
[CollectionDefinition(nameof(ProblemCapTests), DisableParallelization = true)]
public sealed class ProblemCapCollection;

/// <summary>
/// A wrong file of many thousands of bad rows, for every source: the answer lists the first 1,000 problems and counts
/// them all, and neither it nor what the import keeps grows with the file.
/// </summary>
[Collection(nameof(ProblemCapTests))]
public abstract class ProblemCapTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int BadRows = 20_000;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        db.Schools.AddRange(ImportSource.DataFileUrns().Select(u => Build.School(u, $"School {u}")));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    public static TheoryData<string> Sources() => [.. ImportSource.All.Select(s => s.Name)];

    /// <summary>The source's own header, then <see cref="BadRows"/> rows whose key is not a URN.</summary>
    private static byte[] WrongFile(ImportSource source)
    {
        var sample = source.Load();
        var text = new System.Text.StringBuilder(sample.Text()[..(sample.Text().IndexOf("\r\n", StringComparison.Ordinal) + 2)]);
        var row = sample.Rows[source.Row].ToList();
        row[sample.Index(source.Key)] = "not-a-urn";
        if (source.Name is "KS2" or "KS4") row[sample.Index("RECTYPE")] = "9";
        var line = string.Join(",", row.Select(SampleFile.Quote)) + "\r\n";
        for (var i = 0; i < BadRows; i++) text.Append(line);
        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task AWrongFileOfManyBadRows_ListsTheFirstThousandProblems_CountsThemAll_AndKeepsNoMore(string name)
    {
        var source = ImportSource.All.Single(s => s.Name == name);
        var file = WrongFile(source);
        await using (var warm = _database.CreateContext()) await source.Import(warm, source.Load().Bytes());

        var before = GC.GetTotalMemory(forceFullCollection: true);
        ImportAnswer answer;
        await using (var db = _database.CreateContext()) answer = await source.Import(db, file);
        var kept = GC.GetTotalMemory(forceFullCollection: true) - before;

        answer.Applied.ShouldBeFalse();
        answer.Errors.Count.ShouldBe(ProblemList.MaxListed);
        answer.ErrorCount.ShouldBeGreaterThanOrEqualTo(BadRows);
        answer.Errors.ShouldAllBe(e => e.Line != null && e.Column != null);
        answer.Json.ShouldContain("more problem");
        answer.Json.Length.ShouldBeLessThan(1 << 20);
        kept.ShouldBeLessThan(4L << 20, $"the rejected import kept {kept:N0} bytes");
        GC.KeepAlive(answer);
    }
}

public sealed class ProblemCapTests_Sqlite() : ProblemCapTests(DatabaseProvider.Sqlite);
public sealed class ProblemCapTests_Postgres() : ProblemCapTests(DatabaseProvider.Postgres);
