using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Exports;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Cli.Commands;

/// <summary>
/// <c>schoolsight figures --area la:936 [--year 2018/19] [--format csv|json]</c>: an area's (or a school's) figures, one
/// row per indicator and pupil group, through the same <see cref="GetAreaFigures"/> operation as <c>GET /api/v1/figures</c>.
/// </summary>
public static class FiguresCommand
{
    public static Command Create()
    {
        var area = new Option<string>("--area") { Description = $"The area: {FiguresArea.Help}", Required = true };
        var year = new Option<string?>("--year") { Description = "The academic year (e.g. 2018/19); the latest held when left out" };
        var format = new Option<string>("--format") { Description = "csv (the default) or json", DefaultValueFactory = _ => "csv" };
        var command = new Command("figures", "Print an area's or a school's figures: one row per indicator and pupil group, with coverage and the DfE's figure") { area, year, format };
        command.Validators.Add(result =>
        {
            if (FiguresArea.Parse(result.GetValue(area)) is null) result.AddError($"--area: '{result.GetValue(area)}' is not an area: use {FiguresArea.Help}.");
            if (result.GetValue(year) is { } y && AcademicYears.Parse(y) is null) result.AddError($"--year: '{y}' is not an academic year (write it as 2018/19).");
            if (result.GetValue(format) is not ("csv" or "json")) result.AddError($"--format: '{result.GetValue(format)}' is not csv or json.");
        });
        command.SetAction((parse, ct) => RunAsync(parse, FiguresArea.Parse(parse.GetValue(area))!,
            parse.GetValue(year) is { } y ? AcademicYears.Parse(y) : null, parse.GetValue(format) == "json", ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, FiguresArea area, int? year, bool json, CancellationToken ct)
    {
        await using var services = CliContext.Services(parse);
        using var scope = services.CreateScope();
        if (!await CliContext.ReadyAsync(scope.ServiceProvider, ct)) return ExitCodes.Failed;
        var figures = await scope.ServiceProvider.GetRequiredService<GetAreaFigures>().RunAsync(new FiguresRequest(area, year), ct);
        if (figures is null) return CliContext.Fail($"There is no {area.Kind switch { AreaKind.School => "school", AreaKind.Locality => "locality", _ => "local authority" }} {area.Code} in SchoolSight.");
        if (year is { } wanted && figures.AcademicYear != wanted || figures.AcademicYear is null)
            Console.Error.WriteLine(figures.Years.Count == 0
                ? $"{figures.Name} has no figures yet: import data and run schoolsight compute."
                : $"{figures.Name} has no figures for {(year is { } y ? AcademicYears.Display(y) : "that year")}: it has {string.Join(", ", figures.Years.Select(AcademicYears.Display))}.");
        var output = json
            ? JsonSerializer.Serialize(figures, FiguresJson.Options)
            : Encoding.UTF8.GetString(TableExport.Csv(figures.Table())).TrimStart('\uFEFF');
        Console.Out.Write(output);
        if (json) Console.Out.WriteLine();
        return ExitCodes.Ok;
    }
}
