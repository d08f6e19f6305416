using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight healthy-schools moderation-draw --user quas@… [--year 2026] [--seed N]</c>: draws the year's
/// self-validated annual reviews for moderation through the same <see cref="DrawModerationSample"/> operation as the
/// web page and the API, acting as the QUAS panel member or coordinator named by <c>--user</c>, and prints the seed,
/// the method and the schools drawn with their moderators.
/// </summary>
public static class HealthySchoolsCommands
{
    public static Command Create()
    {
        var year = new Option<int?>("--year") { Description = "The academic year, by the calendar year it starts in (default: the current one)" };
        var seed = new Option<long?>("--seed") { Description = "The seed of the draw (default: chosen at random and printed)" };
        var draw = new Command("moderation-draw", "Draw the year's self-validated annual reviews for moderation by the QUAS") { year, seed };
        draw.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            using (var check = services.CreateScope())
                if (!await CliContext.EnsureMigratedAsync(check.ServiceProvider.GetRequiredService<AppDbContext>(), ct)) return ExitCodes.Failed;
            var name = CliContext.UserName(parse);
            AppUser? user;
            using (var lookup = services.CreateScope())
                user = await lookup.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name || u.Email == name, ct);
            if (user is null || !user.Role.Allows(Resource.HealthySchoolsLa, ResourceAction.Decide))
                return CliContext.Fail("Name a QUAS panel member or the Healthy Schools coordinator with --user: they draw the reviews for moderation.");

            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(new FixedCurrentUser(user.UserName!, user.Role, user.Id));
            var result = await scope.ServiceProvider.GetRequiredService<DrawModerationSample>().RunAsync(new ModerationDrawInput { Year = parse.GetValue(year), Seed = parse.GetValue(seed) }, ct);
            if (!result.Succeeded) return CliContext.Fail(string.Join(" ", result.Errors.Select(e => e.Message)));
            var d = result.Value!;
            AnsiConsole.MarkupLine($"Annual reviews {AcademicYear.Format(d.Year)}: drew [bold]{d.Drawn.Count}[/] of {d.Reviews} self-validated reviews ({d.Share:0%}) with seed [bold]{d.Seed}[/].");
            AnsiConsole.MarkupLine($"Method: {Markup.Escape(d.Method)}");
            var table = new Table().AddColumns("URN", "School", "Panel member");
            foreach (var r in d.Drawn) table.AddRow($"{r.Urn}", Markup.Escape(r.SchoolName), Markup.Escape(r.Moderator));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        });
        return new Command("healthy-schools", "Healthy Schools: the QUAS's moderation draw") { draw };
    }
}
