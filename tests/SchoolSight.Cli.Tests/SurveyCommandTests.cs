using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Cli;
using SchoolSight.Cli.Commands;
using SchoolSight.Core.Data;
using SchoolSight.Core.Time;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;
using Spectre.Console;

namespace SchoolSight.Cli.Tests;

/// <summary><c>schoolsight survey open</c>: opens a survey and prints its codes on the console and to a CSV file.</summary>
public abstract class SurveyCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Urn = 999301;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private readonly StringWriter _output = new();
    private IAnsiConsole _console = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = CliContext.Services(_database.Options, "cli:operator");
        _console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        await using var db = _database.CreateContext();
        db.Schools.Add(new School(Urn, new SchoolDetails
        {
            Name = "Ashcombe Primary School",
            LaCode = 999,
            LaName = "Demo Borough",
            TypeOfEstablishment = "Community school",
            EstablishmentTypeGroup = "Local authority maintained schools",
            PhaseOfEducation = "Primary",
            Status = SchoolStatus.Open,
        }));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SurveyOpen_WithACsvFile_WritesEveryCodeOnce_ByClass_AndPrintsThemToo()
    {
        var csv = new FileInfo(Path.GetTempFileName());
        try
        {
            var today = _services.GetRequiredService<LaClock>().Today;
            var request = new OpenSurveyWindow.Request([Urn], "Spring survey", today, today.AddDays(10),
                [OpenSurveyWindow.YearGroupCode("4")!.Value, OpenSurveyWindow.YearGroupCode("r")!.Value], ClassesPerYearGroup: 2, CodesPerClass: 3, ParentCodes: 4);

            (await SurveyCommand.OpenAsync(_services, _console, request, pdf: null, csv, "https://example.org/Survey", default)).ShouldBe(ExitCodes.Ok);

            await using var db = _database.CreateContext();
            var codes = await db.SurveyCodes.OrderBy(c => c.Id).ToListAsync();
            codes.Count.ShouldBe(2 * 2 * 3 + 4);
            var rows = CsvRows.Read(await File.ReadAllBytesAsync(csv.FullName));
            rows[0].ShouldBe(["URN", "Survey", "Class", "Code"]);
            var data = rows.Skip(1).TakeWhile(r => r.Count == 4).ToList();
            data.Select(r => r[3].Replace("-", "")).Order().ShouldBe(codes.Select(c => c.Code).Order());
            data.Count(r => r[2] == "Reception, class 1").ShouldBe(3);
            data.Count(r => r[2] == "Year 4, class 2").ShouldBe(3);
            data.Count(r => r[2] == "Parents").ShouldBe(4);
            data.ShouldAllBe(r => r[0] == Urn.ToString());
            _output.ToString().ShouldContain($"for school {Urn}: 16 codes");
            _output.ToString().ShouldContain(OpenSurveyWindow.Printed(codes[0].Code));
        }
        finally
        {
            csv.Delete();
        }
    }

    [Fact]
    public async Task SurveyOpen_ForAnUnknownSchool_IsRejected_AndOpensNothing()
    {
        var today = _services.GetRequiredService<LaClock>().Today;
        (await SurveyCommand.OpenAsync(_services, _console, new OpenSurveyWindow.Request([999399], "Spring survey", today, today.AddDays(10), [5]),
            null, null, "https://example.org/Survey", default)).ShouldBe(ExitCodes.Rejected);
        _output.ToString().ShouldContain("could not be found");
        await using var db = _database.CreateContext();
        (await db.SurveyWindows.CountAsync()).ShouldBe(0);
    }
}

public sealed class SurveyCommandTests_Sqlite() : SurveyCommandTests(DatabaseProvider.Sqlite);
public sealed class SurveyCommandTests_Postgres() : SurveyCommandTests(DatabaseProvider.Postgres);
