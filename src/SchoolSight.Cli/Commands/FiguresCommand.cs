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
        return await WriteAsync(scope.ServiceProvider, new FiguresRequest(area, year), json, Console.Out, Console.Error, ct);
    }

    /// <summary>Writes the figures as CSV (no byte order mark, for pipes) or JSON to <paramref name="output"/>; what is missing to <paramref name="error"/>.</summary>
    public static async Task<int> WriteAsync(IServiceProvider services, FiguresRequest request, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var figures = await services.GetRequiredService<GetAreaFigures>().RunAsync(request, ct);
        if (figures is null)
        {
            await error.WriteLineAsync($"There is no {request.Area.Kind switch { AreaKind.School => "school", AreaKind.Locality => "locality", _ => "local authority" }} {request.Area.Code} in SchoolSight.");
            return ExitCodes.Failed;
        }
        if (figures.Years.Count == 0)
            await error.WriteLineAsync($"{figures.Name} has no figures yet: import data and run schoolsight compute.");
        else if (request.Year is { } wanted && figures.AcademicYear != wanted || figures.Rows.Count == 0)
            await error.WriteLineAsync($"{figures.Name} has no figures for {(request.Year is { } y ? AcademicYears.Display(y) : "that year")}: it has {string.Join(", ", figures.Years.Select(AcademicYears.Display))}.");
        await output.WriteAsync(json
            ? JsonSerializer.Serialize(figures, FiguresJson.Options) + Environment.NewLine
            : Encoding.UTF8.GetString(TableExport.Csv(figures.Table())).TrimStart('\uFEFF'));
        return ExitCodes.Ok;
    }
}
