using MiniExcelLibs;
using SchoolSight.Cli;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Time;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Register;
using SchoolSight.Domain.Workflows;
using SchoolSight.TestSupport;

namespace SchoolSight.Cli.Tests;

/// <summary>
/// <c>schoolsight healthy-schools quas-report</c> on a seeded database: two localities with three open schools, one in
/// the enhancement model whose stage 4 form has waited five days for the QUAS; a panel member and a head teacher.
/// </summary>
[Collection(ConsoleCollection.Name)]
public abstract class QuasReportCommandTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Panel = "quas@borough.example", Head = "head@borough.example";
    private TestDatabase _database = null!;
    private readonly string _folder = Directory.CreateTempSubdirectory("schoolsight-quas-").FullName;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var clock = new LaClock(TimeProvider.System);
        var (today, now) = (clock.Today, TimeProvider.System.GetUtcNow().UtcDateTime);
        await using var db = _database.CreateContext(new FixedCurrentUser("seed"));
        db.LocalAuthorities.Add(new LocalAuthority(998, "Test Borough"));
        var (east, west) = (new Locality(998, "East", "East board"), new Locality(998, "West", "West board"));
        db.Localities.AddRange(east, west);
        foreach (var (urn, name, locality) in new[] { (998001, "Elm Primary School", east), (998002, "Oak Primary School", east), (998003, "Ash Academy", west) })
        {
            var school = new School(urn, new SchoolDetails { Name = name, LaCode = 998, PhaseOfEducation = "Primary", Status = SchoolStatus.Open, TypeOfEstablishment = "Community school" });
            school.PlaceInLocality(locality);
            db.Schools.Add(school);
        }
        db.Users.AddRange(new AppUser { UserName = Panel, Email = Panel, DisplayName = "Pat Panel", Role = Role.QuasPanelMember },
            new AppUser { UserName = Head, Email = Head, DisplayName = "Hal Head", Role = Role.SchoolUser, SchoolUrn = 998001 });
        var local = new LocalPriority("Healthy weight", "PE_TWO_HOURS", null);
        db.LocalPriorities.Add(local);
        await db.SaveChangesAsync();

        var head = new Actor(Head, Role.SchoolUser);
        var sent = now.AddDays(-5);
        MoveContext By() => new(head, sent, today, null);
        var engaged = today.AddDays(-30);
        var coordinator = new Actor("healthy@demo-borough.example", Role.HealthySchoolsCoordinator);
        var joining = JoiningPathways.Decide(HealthySchoolStatus.Achieve(998001, engaged.AddMonths(-1), coordinator, engaged), engaged, false, new HealthySchoolsSettings());
        var e = HealthySchoolEngagement.Engage(998001, joining, head, engaged);
        e.AddMember("Jo Chair", "Chair", GroupRepresentation.Staff, null, head);
        foreach (var who in new[] { GroupRepresentation.Pupils, GroupRepresentation.Parents, GroupRepresentation.Governors })
            e.AddMember($"{who}", "Member", who, null, head);
        e.AddMember("Nurse", "Member", GroupRepresentation.Partner, 1, head);
        e.SetKeyTasks("Lead the needs analysis.", head);
        e.Apply(EnhancementMove.CompleteDevelopmentGroup, By());
        e.RecordNeedsAnalysis("Findings.", head);
        e.Apply(EnhancementMove.CompleteNeedsAnalysis, By());
        var priorities = new[] { e.AddPriority(PriorityKind.Local, "Healthy weight", "PE_TWO_HOURS", local.Id, head), e.AddPriority(PriorityKind.School, "Feeling safe", "PUPIL_FEEL_SAFE", null, head) };
        e.Apply(EnhancementMove.ChoosePriorities, By());
        foreach (var p in priorities)
            foreach (var kind in Enum.GetValues<OutcomeKind>())
                e.AddOutcome(p.Number, kind, $"{kind}", kind == OutcomeKind.Targeted ? "Year 6" : null, null, null, 40, null, 60, today.AddYears(1), "The survey", head, today);
        e.AddSuccessIndicator("Club running", today.AddMonths(3), SuccessIndicatorKind.Process, null, head);
        e.ReportNoService(2, "Lunchtime supervisors' training", head);
        e.Apply(EnhancementMove.SubmitToQuas, By());
        db.HealthySchoolEngagements.Add(e);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The console wraps long lines: the words, with any run of spaces and line breaks as one space.</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    [Fact]
    public async Task QuasReport_AsExcel_WritesEveryTableToTheFile()
    {
        var file = Path.Combine(_folder, "quas.xlsx");

        var (exit, output, _) = await CliRun.RunAsync(_database, "--user", Panel, "healthy-schools", "quas-report", "--format", "xlsx", "--out", file);

        exit.ShouldBe(ExitCodes.Ok, output);
        Flat(output).ShouldContain("1 of 3 schools engaged, 1 waiting for the QUAS");
        using var workbook = File.OpenRead(file);
        var localities = workbook.Query(useHeaderRow: true, sheetName: "Recruitment by locality", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        localities.Select(r => ((string?)r["Locality"], Convert.ToInt32(r["Schools"]), Convert.ToInt32(r["Engaged"]))).ShouldBe([("East", 2, 1), ("West", 1, 0), ("All localities", 3, 1)]);
        var waiting = workbook.Query(useHeaderRow: true, sheetName: "Approvals waiting", excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Single();
        ((string?)waiting["School"], Convert.ToInt32(waiting["Days waiting"])).ShouldBe(("Elm Primary School", 5));
    }

    [Fact]
    public async Task QuasReport_AsCsv_PrintsTheTables_AndAsPdf_WritesTheDocument()
    {
        var (exit, output, _) = await CliRun.RunAsync(_database, "--user", Panel, "healthy-schools", "quas-report");
        exit.ShouldBe(ExitCodes.Ok, output);
        output.ShouldStartWith("Recruitment by locality\r\nLocality,Schools,Engaged");
        output.ShouldContain("Elm Primary School: Lunchtime supervisors' training");

        var pdf = Path.Combine(_folder, "quas.pdf");
        (await CliRun.RunAsync(_database, "--user", Panel, "healthy-schools", "quas-report", "--format", "pdf", "--out", pdf)).Exit.ShouldBe(ExitCodes.Ok);
        var text = await PdfText.ExtractAsync(await File.ReadAllBytesAsync(pdf));
        text.ShouldContain("Test Borough");
        text.ShouldContain("Approvals waiting for the QUAS");
    }

    [Fact]
    public async Task QuasReport_AsAHeadTeacher_OrAsPdfWithoutAFile_IsRefused()
    {
        var (exit, output, _) = await CliRun.RunAsync(_database, "--user", Head, "healthy-schools", "quas-report");
        exit.ShouldBe(ExitCodes.Failed);
        Flat(output).ShouldContain("Name the Healthy Schools coordinator, a QUAS panel member or a member of the SMT with --user");

        var (pdfExit, pdfOutput, _) = await CliRun.RunAsync(_database, "--user", Panel, "healthy-schools", "quas-report", "--format", "pdf");
        pdfExit.ShouldNotBe(ExitCodes.Ok);
        pdfOutput.ShouldContain("--out: name the file to write the pdf report to.");
    }
}

public sealed class QuasReportCommandTests_Sqlite() : QuasReportCommandTests(DatabaseProvider.Sqlite);

public sealed class QuasReportCommandTests_Postgres() : QuasReportCommandTests(DatabaseProvider.Postgres);
