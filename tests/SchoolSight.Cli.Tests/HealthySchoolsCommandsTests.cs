using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Cli;
using SchoolSight.Cli.Commands;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Core.Time;
using SchoolSight.Domain;
using SchoolSight.TestSupport;
using Spectre.Console;

namespace SchoolSight.Cli.Tests;

/// <summary><c>schoolsight healthy-schools moderation-draw</c> over Demo Borough on SQLite.</summary>
public sealed class HealthySchoolsCommandsTests : IAsyncLifetime
{
    private const string Quas = "quas@demo-borough.example";
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _services = CliContext.Services(_database.Options, "cli:operator");
        using var scope = _services.CreateScope();
        (await DemoSeeder.SeedIfEmptyAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>())).ShouldBeTrue();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(int Exit, string Output)> DrawAsync(string user, int year, long? seed)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 200;
        var exit = await HealthySchoolsCommands.DrawAsync(_services, console, user, year, seed, default);
        return (exit, output.ToString());
    }

    private static IEnumerable<string> DrawnRows(string output) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('│') && l.Contains("QUAS panel member", StringComparison.Ordinal));

    [Fact]
    public async Task ModerationDraw_DrawsLastYearsReviewsWithTheSeed_AndASecondRunReportsTheSameDraw()
    {
        // Demo Borough: two schools self-validated last year's annual review.
        var year = AcademicYear.Of(new LaClock(TimeProvider.System).Today) - 1;

        var (refused, why) = await DrawAsync("head@demo-borough.example", year, 2026);
        refused.ShouldBe(ExitCodes.Failed);
        why.ShouldContain("Name a QUAS panel member or the Healthy Schools coordinator");

        var (exit, first) = await DrawAsync(Quas, year, 2026);
        exit.ShouldBe(ExitCodes.Ok, first);
        first.ShouldContain($"Annual reviews {AcademicYear.Format(year)}: drew 1 of 2 self-validated reviews (10%) with seed 2026.");
        first.ShouldContain("Method: ");
        first.ShouldContain("SHA-256");
        first.ShouldContain("Check: re-doing the draw from its seed gives the same schools.");
        var drawn = DrawnRows(first).ToList();
        drawn.Count.ShouldBe(1);
        new[] { DemoSeeder.DemoHeadSchoolUrn + 4, DemoSeeder.DemoHeadSchoolUrn + 5 }.Count(urn => drawn[0].Contains($" {urn} ", StringComparison.Ordinal)).ShouldBe(1);

        var (again, second) = await DrawAsync(Quas, year, null);
        again.ShouldBe(ExitCodes.Ok, second);
        second.ShouldContain($"The annual reviews of {AcademicYear.Format(year)} were drawn on");
        second.ShouldContain("the draw is done once a year");
        second.ShouldContain("with seed 2026.");
        DrawnRows(second).ShouldBe(drawn);

        var (otherSeed, refusal) = await DrawAsync(Quas, year, 7);
        otherSeed.ShouldBe(ExitCodes.Failed);
        refusal.ShouldContain("The seed 7 was not used: the year's draw was made with seed 2026.");
        DrawnRows(refusal).ShouldBe(drawn);

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        (await db.ModerationDraws.CountAsync()).ShouldBe(1);
        (await db.AnnualReviews.CountAsync(r => r.ModerationDrawId != null)).ShouldBe(1);
    }
}
