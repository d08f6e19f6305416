using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Exports;
using SchoolSight.Core.Time;
using SchoolSight.Core.Voice;
using Spectre.Console;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight survey open --urn N [--urn N…] --years 4,5,6 --closes 2027-03-31 [--pdf codes.pdf] [--csv codes.csv]</c>:
/// opens an online pupil and parent survey through the same <see cref="OpenSurveyWindow"/> operation as the web page,
/// and prints its codes (a table, the code sheets as a PDF and the codes as a CSV file when asked).
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
        var csv = new Option<FileInfo?>("--csv") { Description = "Write the codes (school, survey, class, code) to this CSV file" };
        var address = new Option<string>("--address") { Description = "The survey's web address, printed on the slips", DefaultValueFactory = _ => "https://schoolsight.example.org/Survey" };
        var open = new Command("open", "Open an online survey for schools and print its one-time access codes")
            { urns, title, years, opens, closes, classes, codes, parents, pdf, csv, address };
        open.SetAction(async (parse, ct) =>
        {
            var yearCodes = new List<byte>();
            foreach (var part in parse.GetValue(years)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (OpenSurveyWindow.YearGroupCode(part) is not { } code)
                {
                    AnsiConsole.MarkupLine($"[red]'{Markup.Escape(part)}' is not a year group:[/] write R or 1 to 13.");
                    return ExitCodes.Rejected;
                }
                yearCodes.Add(code);
            }
            await using var services = CliContext.Services(parse);
            var today = services.GetRequiredService<LaClock>().Today;
            return await OpenAsync(services, AnsiConsole.Console, new OpenSurveyWindow.Request(
                parse.GetValue(urns)!, parse.GetValue(title)!, parse.GetValue(opens) ?? today, parse.GetValue(closes), yearCodes,
                parse.GetValue(classes), parse.GetValue(codes), parse.GetValue(parents)), parse.GetValue(pdf), parse.GetValue(csv), parse.GetValue(address)!, ct);
        });
        return new Command("survey", "Online pupil and parent surveys") { open };
    }

    /// <summary>Opens the survey and prints its codes: a table on the console, and the PDF sheets and CSV file when asked.</summary>
    public static async Task<int> OpenAsync(IServiceProvider services, IAnsiConsole console, OpenSurveyWindow.Request request,
        FileInfo? pdf, FileInfo? csv, string address, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await CliContext.EnsureMigratedAsync(db, ct)) return ExitCodes.Failed;
        var result = await scope.ServiceProvider.GetRequiredService<OpenSurveyWindow>().RunAsync(request, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) console.MarkupLine($"[red]{Markup.Escape(error.Message)}[/]");
            return ExitCodes.Rejected;
        }
        var sheet = scope.ServiceProvider.GetRequiredService<SurveyCodeSheet>();
        await using var renderer = pdf is null ? null : new ChromiumPdfRenderer();
        foreach (var window in result.Value!)
        {
            console.MarkupLine($"[green]Opened survey {window.WindowId}[/] for school {window.Urn}: {window.Codes} codes.");
            var table = new Table().AddColumns("Class", "Code");
            foreach (var code in db.SurveyCodes.Where(c => c.WindowId == window.WindowId).OrderBy(c => c.Id).Select(c => new { c.Group, c.Code }))
                table.AddRow(Markup.Escape(code.Group), OpenSurveyWindow.Printed(code.Code));
            console.Write(table);
            if (pdf is not null && renderer is not null)
            {
                var document = await sheet.RunAsync(window.WindowId, address, ct: ct);
                var path = result.Value.Count == 1 ? pdf.FullName : Path.Combine(pdf.DirectoryName ?? ".", $"{Path.GetFileNameWithoutExtension(pdf.Name)}-{window.Urn}.pdf");
                await File.WriteAllBytesAsync(path, await renderer.RenderAsync(document!.ToString(), ct), ct);
                console.MarkupLine($"Code sheets written to {Markup.Escape(path)}.");
            }
        }
        if (csv is not null)
        {
            var codes = await sheet.TableAsync([.. result.Value.Select(w => w.WindowId)], ct);
            await File.WriteAllBytesAsync(csv.FullName, TableExport.Csv(codes), ct);
            console.MarkupLine($"Codes written to {Markup.Escape(csv.FullName)}.");
        }
        return ExitCodes.Ok;
    }
}
