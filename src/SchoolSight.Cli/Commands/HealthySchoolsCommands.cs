using System.CommandLine;
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
/// the method and the schools drawn with their moderators.
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
            var (ready, acting) = await ActAsAsync(parse, services, Resource.HealthySchoolsLa, ResourceAction.Decide, ct);
            if (!ready) return ExitCodes.Failed;
            await using var scope = acting;
            if (scope is null) return CliContext.Fail("Name a QUAS panel member or the Healthy Schools coordinator with --user: they draw the reviews for moderation.");
            var result = await scope.Value.ServiceProvider.GetRequiredService<DrawModerationSample>().RunAsync(new ModerationDrawInput { Year = parse.GetValue(year), Seed = parse.GetValue(seed) }, ct);
            if (!result.Succeeded) return CliContext.Fail(string.Join(" ", result.Errors.Select(e => e.Message)));
            var d = result.Value!;
            AnsiConsole.MarkupLine($"Annual reviews {AcademicYear.Format(d.Year)}: drew [bold]{d.Drawn.Count}[/] of {d.Reviews} self-validated reviews ({d.Share:0%}) with seed [bold]{d.Seed}[/].");
            AnsiConsole.MarkupLine($"Method: {Markup.Escape(d.Method)}");
            var table = new Table().AddColumns("URN", "School", "Panel member");
            foreach (var r in d.Drawn) table.AddRow($"{r.Urn}", Markup.Escape(r.SchoolName), Markup.Escape(r.Moderator));
            AnsiConsole.Write(table);
            return ExitCodes.Ok;
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
        var name = CliContext.UserName(parse);
        AppUser? user;
        using (var lookup = services.CreateScope())
            user = await lookup.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name || u.Email == name, ct);
        if (user is null || !user.Role.Allows(resource, action)) return (true, null);
        return (true, services.GetRequiredService<IServiceScopeFactory>().CreateScopeAs(new FixedCurrentUser(user.UserName!, user.Role, user.Id)));
    }
}
