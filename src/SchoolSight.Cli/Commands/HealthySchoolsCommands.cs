using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight healthy-schools moderation-draw --user quas@… [--year 2026] [--seed N]</c>: draws the year's
/// self-validated annual reviews for moderation through the same <see cref="DrawModerationSample"/> operation as the
/// web page and the API, acting as the QUAS panel member or coordinator named by <c>--user</c>, and prints the seed,
/// the method and the schools drawn with their moderators. The draw is done once a year: run again, the command
/// reports the year's draw as it was made, and whether re-doing it from its seed gives the same schools.
/// <c>schoolsight healthy-schools quas-report --user quas@… [--year 2025] [--format csv|xlsx|pdf] [--out file]</c>:
/// the QUAS report through the same <see cref="GetQuasReport"/> operation as the page, as the page's CSV, Excel or PDF.
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
            return await DrawAsync(services, AnsiConsole.Console, CliContext.UserName(parse), parse.GetValue(year), parse.GetValue(seed), ct);
        });
        return new Command("healthy-schools", "Healthy Schools: the QUAS's moderation draw and report") { draw, Report() };
    }

    private static Command Report()
    {
        var year = new Option<int?>("--year") { Description = "The academic year, by the calendar year it starts in (default: the current one)" };
        var format = new Option<string>("--format") { Description = "csv (the default), xlsx or pdf", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (needed for xlsx and pdf; CSV goes to the screen without it)" };
        var command = new Command("quas-report", "The QUAS report: recruitment, stages, approvals waiting, outcomes met, recurring priorities and priorities with no service") { year, format, output };
        // A validator sees an option left out as empty, not as its default.
        static string FormatOf(string? value) => string.IsNullOrEmpty(value) ? "csv" : value;
        command.Validators.Add(result =>
        {
            var chosen = FormatOf(result.GetValue(format));
            if (chosen is not ("csv" or "xlsx" or "pdf")) result.AddError($"--format: '{chosen}' is not csv, xlsx or pdf.");
            else if (chosen != "csv" && result.GetValue(output) is null) result.AddError($"--out: name the file to write the {chosen} report to.");
        });
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliContext.Services(parse);
            var (ready, acting) = await ActAsAsync(parse, services, Resource.QuasReport, ResourceAction.Read, ct);
            if (!ready) return ExitCodes.Failed;
            await using var scope = acting;
            if (scope is null) return CliContext.Fail("Name the Healthy Schools coordinator, a QUAS panel member or a member of the SMT with --user: they read the QUAS report.");
            var result = await scope.Value.ServiceProvider.GetRequiredService<GetQuasReport>().RunAsync(new QuasReportFilter(parse.GetValue(year)), ct);
            if (!result.Succeeded) return CliContext.Fail(string.Join(" ", result.Errors.Select(e => e.Message)));
            var report = result.Value!;
            byte[] bytes;
            if (FormatOf(parse.GetValue(format)) == "pdf")
            {
                await using var renderer = new ChromiumPdfRenderer();
                bytes = await renderer.RenderAsync(QuasReportDocuments.Html(report), ct);
            }
            else bytes = FormatOf(parse.GetValue(format)) == "xlsx" ? QuasReportDocuments.Xlsx(report) : QuasReportDocuments.Csv(report);
            if (parse.GetValue(output) is not { } file)
            {
                await Console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
                return ExitCodes.Ok;
            }
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            var t = report.Totals;
            AnsiConsole.MarkupLine($"{Markup.Escape(QuasReportDocuments.Title(report))} ({Markup.Escape(QuasReportDocuments.Scope(report))}): {t.Engaged} of {t.Schools} schools engaged, {report.Pending.Count} waiting for the QUAS. Written to {Markup.Escape(file.FullName)}.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// A scope acting as the user <c>--user</c> names, when their role may do <paramref name="action"/> to
    /// <paramref name="resource"/>, or null; not ready when the database is not migrated (said on the screen).
    /// </summary>
    private static async Task<(bool Ready, AsyncServiceScope? Scope)> ActAsAsync(ParseResult parse, ServiceProvider services, Resource resource, ResourceAction action, CancellationToken ct)
    {
        using (var check = services.CreateScope())
            if (!await CliContext.EnsureMigratedAsync(check.ServiceProvider.GetRequiredService<AppDbContext>(), ct)) return (false, null);
        return (true, await ScopeAsAsync(services, CliContext.UserName(parse), resource, action, ct));
    }

    /// <summary>A scope acting as the user named <paramref name="userName"/> (by user name or email), when their role may do <paramref name="action"/> to <paramref name="resource"/>; otherwise null.</summary>
    private static async Task<AsyncServiceScope?> ScopeAsAsync(IServiceProvider services, string userName, Resource resource, ResourceAction action, CancellationToken ct)
    {
        AppUser? user;
        using (var lookup = services.CreateScope())
            user = await lookup.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName || u.Email == userName, ct);
        if (user is null || !user.Role.Allows(resource, action)) return null;
        return services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(new FixedCurrentUser(user.UserName!, user.Role, user.Id));
    }

    public static async Task<int> DrawAsync(IServiceProvider services, IAnsiConsole console, string userName, int? year, long? seed, CancellationToken ct)
    {
        if (await ScopeAsAsync(services, userName, Resource.HealthySchoolsLa, ResourceAction.Decide, ct) is not { } acting)
            return Fail(console, "Name a QUAS panel member or the Healthy Schools coordinator with --user: they draw the reviews for moderation.");
        await using var scope = acting;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var theYear = db.YearOf(year);
        if ((await scope.ServiceProvider.GetRequiredService<ListModerationDraws>().RunAsync(ct)).FirstOrDefault(d => d.Year == theYear) is { } earlier)
        {
            console.MarkupLine($"The annual reviews of {AcademicYear.Format(theYear)} were drawn on {db.Clock.DateOf(earlier.DrawnAt).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} by {Markup.Escape(earlier.DrawnBy)}: the draw is done once a year.");
            Print(console, earlier);
            if (seed is { } asked && asked != earlier.Seed)
                return Fail(console, $"The seed {asked} was not used: the year's draw was made with seed {earlier.Seed}.");
            return earlier.Checks ? ExitCodes.Ok : Fail(console, "Re-doing the draw from its seed does not give the same schools.");
        }

        var result = await scope.ServiceProvider.GetRequiredService<DrawModerationSample>().RunAsync(new ModerationDrawInput { Year = theYear, Seed = seed }, ct);
        if (!result.Succeeded) return Fail(console, string.Join(" ", result.Errors.Select(e => e.Message)));
        Print(console, result.Value!);
        return ExitCodes.Ok;
    }

    private static void Print(IAnsiConsole console, ModerationDrawView d)
    {
        console.MarkupLine($"Annual reviews {AcademicYear.Format(d.Year)}: drew [bold]{d.Drawn.Count}[/] of {d.Reviews} self-validated reviews ({Markup.Escape(d.Share.ToString("0%", CultureInfo.InvariantCulture))}) with seed [bold]{d.Seed}[/].");
        console.MarkupLine($"Method: {Markup.Escape(d.Method)}");
        console.MarkupLine(d.Checks ? "Check: re-doing the draw from its seed gives the same schools." : "[red]Check: re-doing the draw from its seed does not give the same schools.[/]");
        var table = new Table().AddColumns("URN", "School", "Panel member");
        foreach (var r in d.Drawn) table.AddRow($"{r.Urn}", Markup.Escape(r.SchoolName), Markup.Escape(r.Moderator));
        console.Write(table);
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return ExitCodes.Failed;
    }
}
