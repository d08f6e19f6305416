namespace SchoolSight.Core.Tests.Time;

/// <summary>
/// "Today" has one source, the LA's clock: turning an instant into a date anywhere else would take the UTC date,
/// which is the day before between midnight and 1 a.m. in British Summer Time.
/// </summary>
public sealed class OneClockTests
{
    private const string Forbidden = "DateOnly.FromDateTime(";
    private static readonly string TheClock = Path.Combine("SchoolSight.Core", "Time", "LaClock.cs");

    [Fact]
    public void NoSourceFile_ButTheLaClock_TurnsAnInstantIntoADate()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var offenders = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(f => !f.EndsWith(TheClock, StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains(Forbidden, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();

        offenders.ShouldBeEmpty($"Use the LA's clock (LaClock.Today or LaClock.DateOf) instead of {Forbidden}...)");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SchoolSight.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The tests run outside the SchoolSight repository.");
    }
}
