using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Time;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Indicators;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight survey open --urn N [--urn N…] --years 4,5,6 --closes 2027-03-31 [--pdf codes.pdf]</c>: opens an
/// online pupil and parent survey through the same <see cref="OpenSurveyWindow"/> operation as the web page, and prints
/// its codes (a table, and the code sheets as a PDF when asked).
/// </summary>
public static class SurveyCommand
{
    public static Command Create()
    {
        var urns = new Option<int[]>("--urn") { Description = "A school to survey (repeat for more)", Required = true, AllowMultipleArgumentsPerToken = true };
        var title = new Option<string>("--title") { Description = "The survey's name", DefaultValueFactory = _ => "Pupil and parent survey" };
        var years = new Option<string>("--years") { Description = "Year groups: R and 1 to 13, separated by commas", Required = true };
        var opens = new Option<DateOnly?>("--opens") { Description = "The day it opens (default: today)" };
        var closes = new Option<DateOnly>("--closes") { Description = "The day it closes", Required = true };
        var classes = new Option<int>("--classes") { Description = "Classes in each year group", DefaultValueFactory = _ => 1 };
        var codes = new Option<int>("--codes") { Description = "Codes for each class", DefaultValueFactory = _ => 30 };
        var parents = new Option<int>("--parents") { Description = "Codes for parents", DefaultValueFactory = _ => 0 };
        var pdf = new Option<FileInfo?>("--pdf") { Description = "Write the code sheets, a page per class, to this PDF" };
        var address = new Option<string>("--address") { Description = "The survey's web address, printed on the slips", DefaultValueFactory = _ => "https://schoolsight.example.org/Survey" };
        var open = new Command("open", "Open an online survey for schools and print its one-time access codes")
            { urns, title, years, opens, closes, classes, codes, parents, pdf, address };
        open.SetAction(async (parse, ct) =>
        {
            var yearCodes = new List<byte>();
            foreach (var part in parse.GetValue(years)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var index = PupilFields.YearGroups.ToList().FindIndex(y => string.Equals(y, part, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    AnsiConsole.MarkupLine($"[red]'{Markup.Escape(part)}' is not a year group:[/] write R or 1 to 13.");
                    return ExitCodes.Rejected;
                }
                yearCodes.Add((byte)(index + 1));
            }
            await using var services = CliContext.Services(parse);
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await CliContext.EnsureMigratedAsync(db, ct)) return ExitCodes.Failed;
            var today = scope.ServiceProvider.GetRequiredService<LaClock>().Today;
            var result = await scope.ServiceProvider.GetRequiredService<OpenSurveyWindow>().RunAsync(new OpenSurveyWindow.Request(
                parse.GetValue(urns)!, parse.GetValue(title)!, parse.GetValue(opens) ?? today, parse.GetValue(closes), yearCodes,
                parse.GetValue(classes), parse.GetValue(codes), parse.GetValue(parents)), ct);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) AnsiConsole.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
                return ExitCodes.Rejected;
            }
            var sheet = scope.ServiceProvider.GetRequiredService<SurveyCodeSheet>();
            await using var renderer = parse.GetValue(pdf) is null ? null : new ChromiumPdfRenderer();
            foreach (var window in result.Value!)
            {
                AnsiConsole.MarkupLine($"[green]Opened survey {window.WindowId}[/] for school {window.Urn}: {window.Codes} codes.");
                var table = new Table().AddColumns("Class", "Code");
                foreach (var code in db.SurveyCodes.Where(c => c.WindowId == window.WindowId).OrderBy(c => c.Id).Select(c => new { c.Group, c.Code }))
                    table.AddRow(Markup.Escape(code.Group), OpenSurveyWindow.Printed(code.Code));
                AnsiConsole.Write(table);
                if (parse.GetValue(pdf) is { } file && renderer is not null)
                {
                    var document = await sheet.RunAsync(window.WindowId, parse.GetValue(address)!, ct);
                    var path = result.Value.Count == 1 ? file.FullName : Path.Combine(file.DirectoryName ?? ".", $"{Path.GetFileNameWithoutExtension(file.Name)}-{window.Urn}.pdf");
                    await File.WriteAllBytesAsync(path, await renderer.RenderAsync(document!.ToString(), ct), ct);
                    AnsiConsole.MarkupLine($"Code sheets written to {Markup.Escape(path)}.");
                }
            }
            return ExitCodes.Ok;
        });
        return new Command("survey", "Online pupil and parent surveys") { open };
    }
}
