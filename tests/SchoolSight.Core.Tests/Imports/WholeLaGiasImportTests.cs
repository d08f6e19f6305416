using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// Hampshire's (850) whole GIAS download, built from real rows (<see cref="WholeLaGiasFile"/>): every school registered
/// with its type group, the children's centres and colleges skipped and counted, the LA set up from the file, and the
/// schools put in localities from a column of the file or the LA's own mapping file.
/// </summary>
public abstract class WholeLaGiasImportTests(DatabaseProvider provider) : GiasImportTestBase(provider)
{
    private static readonly GiasTestFile Hampshire = WholeLaGiasFile.Build(850);
    private static readonly IReadOnlyList<WholeLaGiasFile.SchoolListRow> SchoolList = WholeLaGiasFile.SchoolList(850);

    private async Task<GiasImportResult> ImportAsync(GiasTestFile file, GiasLocalities? localities = null)
    {
        await using var db = Database.CreateContext();
        return (await new ImportGias(db).RunAsync(new GiasImportRequest(new MemoryStream(file.ToBytes()), "edubasealldata20220420.csv", GiasImportScope.Only(850), localities))).Value!;
    }

    private static GiasLocalities MappingFile(string text) => GiasLocalities.FromFile(new MemoryStream(Encoding.UTF8.GetBytes(text)), "localities.csv");

    [Fact]
    public async Task WholeLaFile_RegistersEverySchool_SkipsWhatIsNotMonitored_CountedByType_AndSetsUpTheLa()
    {
        var colleges = SchoolList.Count(s => s.SchoolType == "Further education");
        colleges.ShouldBe(10);

        var result = await ImportAsync(Hampshire);

        result.Errors.ShouldBeEmpty();
        result.Applied.ShouldBeTrue();
        result.Skipped.ShouldBe([new("Children's centre", 6), new("Children's centre linked site", 3), new("Further education", colleges)]);
        result.SkippedText.ShouldBe($"Skipped {9 + colleges} establishments SchoolSight does not monitor: 6 Children's centre, 3 Children's centre linked site, 10 Further education");
        var monitored = Hampshire.Rows.Count - 9 - colleges;
        (result.RowsInScope, result.Added, result.Closed).ShouldBe((monitored, monitored, 0));
        result.Setup.LasRegistered.ShouldBe(["850 Hampshire"]);

        (await QueryAsync(db => db.Schools.CountAsync())).ShouldBe(monitored);
        (await QueryAsync(db => db.Schools.CountAsync(s => s.Urn < 100000))).ShouldBe(0);
        (await QueryAsync(db => db.LocalAuthorities.Select(l => new { l.Code, l.Name }).ToListAsync())).ShouldHaveSingleItem().ShouldBe(new { Code = 850, Name = "Hampshire" });

        // Each school keeps GIAS's type group, and falls in the group the DfE's own school list gives it.
        var schools = await QueryAsync(db => db.Schools.ToDictionaryAsync(s => s.Urn));
        foreach (var row in SchoolList.Where(s => s.MinorGroup != "College"))
            (row.Urn, schools[row.Urn].Details.TypeGroup).ShouldBe((row.Urn, DfeGroupOf(row)));
        schools.Values.Count(s => s.Details.TypeGroup == SchoolTypeGroup.Independent).ShouldBe(45 + 16);
        schools.Values.Count(s => s.Details.TypeGroup == SchoolTypeGroup.NonMaintainedSpecial).ShouldBe(1);
        schools.Values.Count(s => s.Details.TypeGroup == SchoolTypeGroup.StateFundedSpecial).ShouldBe(23 + 2 + 1 + 1);
        schools[SchoolList.First(s => s.SchoolType == "Other independent school").Urn].Details.EstablishmentTypeGroup.ShouldBe("Independent schools");
        schools.Values.Select(s => s.Phase).ShouldContain(SchoolPhase.Secondary);
    }

    [Fact]
    public async Task WholeLaFile_ImportedAgain_ChangesNothing_AndSkipsTheSame()
    {
        var first = await ImportAsync(Hampshire);
        var again = await ImportAsync(Hampshire);

        (again.Added, again.Updated, again.Closed, again.Unchanged).ShouldBe((0, 0, 0, first.Added));
        again.Skipped.ShouldBe(first.Skipped);
        again.Setup.LasRegistered.ShouldBeEmpty();
    }

    [Fact]
    public async Task AChildrensCentreAlreadyHeld_IsNotClosedAsGoneFromTheFile()
    {
        await using (var db = Database.CreateContext())
        {
            db.Schools.Add(new School(23306, new SchoolDetails { Name = "Children's centre 23306", LaCode = 850, TypeOfEstablishment = "Children's centre" }));
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync(Hampshire);

        result.Closed.ShouldBe(0);
        (await SchoolAsync(23306))!.Details.Status.ShouldBe(SchoolStatus.Open);
    }

    [Fact]
    public async Task LocalitiesFromAColumnOfTheFile_AreCreated_AndTheSchoolsPutInThem()
    {
        var districts = Hampshire.RowsOf(850).Select(r => Hampshire.Value(r, "DistrictAdministrative (name)")).Where(d => d is not ("" or "Not applicable")).ToList();

        var result = await ImportAsync(Hampshire, GiasLocalities.FromColumn("DistrictAdministrative (name)"));

        result.Setup.LocalitiesCreated.ShouldBe(districts.Distinct().Order(StringComparer.Ordinal).ToList());
        result.Setup.PlacedInLocalities.ShouldBe(districts.Count);
        var urn = Hampshire.Urn(Hampshire.RowsOf(850).First(r => Hampshire.Value(r, "DistrictAdministrative (name)") == "Winchester"));
        (await QueryAsync(db => db.Schools.Where(s => s.Urn == urn).Select(s => s.Locality!.Name).SingleAsync())).ShouldBe("Winchester");
        (await QueryAsync(db => db.Localities.CountAsync(l => l.LaCode == 850))).ShouldBe(11);

        var again = await ImportAsync(Hampshire, GiasLocalities.FromColumn("DistrictAdministrative (name)"));
        (again.Setup.LocalitiesCreated.Count, again.Setup.PlacedInLocalities).ShouldBe((0, 0));
    }

    [Fact]
    public async Task LocalitiesFromTheLasMappingFile_UseTheLocalitiesHeld_AndLeaveOutUrnsNotRegistered()
    {
        await using (var db = Database.CreateContext())
        {
            db.Localities.Add(new Locality(850, "South"));
            await db.SaveChangesAsync();
        }
        var (a, b) = (Hampshire.Urn(Hampshire.Rows[0]), Hampshire.Urn(Hampshire.Rows[1]));

        var result = await ImportAsync(Hampshire, MappingFile($"URN,Locality,Notes\r\n{a},North,\r\n{b}, south ,kept\r\n23306,North,\r\n999999,West,\r\n"));

        result.Applied.ShouldBeTrue();
        result.Setup.LocalitiesCreated.ShouldBe(["North"]);
        result.Setup.PlacedInLocalities.ShouldBe(2);
        result.LocalityUrnsNotImported.ShouldBe(2);
        (await QueryAsync(db => db.Schools.Where(s => s.LocalityId != null).OrderBy(s => s.Urn).Select(s => new { s.Urn, s.Locality!.Name }).ToListAsync()))
            .ShouldBe(new[] { new { Urn = a, Name = "North" }, new { Urn = b, Name = "South" } }.OrderBy(x => x.Urn).ToList());
    }

    [Fact]
    public async Task AWrongMappingFile_RejectsTheImport_WithLineAndColumn_AndChangesNothing()
    {
        var (a, b) = (Hampshire.Urn(Hampshire.Rows[0]), Hampshire.Urn(Hampshire.Rows[1]));

        var result = await ImportAsync(Hampshire, MappingFile($"URN,Locality\n{a},North\nabc,South\n{a},East\n{b},\n"));

        result.Applied.ShouldBeFalse();
        result.Errors.Select(e => e.ToString()).ShouldBe([
            "Line 3, column URN (localities file): 'abc' is not a URN: a URN is a positive whole number, such as 115850",
            "Line 4, column URN (localities file): URN " + a + " is in the localities file twice: it is also on line 2",
            "Line 5, column Locality (localities file): the locality is blank: give the name of the locality the school is in",
        ]);
        (await CountsAsync()).Schools.ShouldBe(0);
        (await QueryAsync(db => db.LocalAuthorities.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task ALocalityColumnNotInTheFile_RejectsTheImport()
    {
        var result = await ImportAsync(Hampshire, GiasLocalities.FromColumn("Quadrant"));

        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe("Line 1, column Quadrant: the header has no column of this name, and it was chosen to give the schools' localities");
        (await CountsAsync()).Schools.ShouldBe(0);
    }

    /// <summary>The DfE's grouping in its school list: colleges aside, independent (special or not), non-maintained special, other special, mainstream.</summary>
    private static SchoolTypeGroup DfeGroupOf(WholeLaGiasFile.SchoolListRow row) => (row.MinorGroup, row.SchoolType) switch
    {
        ("Independent school", _) or (_, "Other independent special school") => SchoolTypeGroup.Independent,
        (_, "Non-maintained special school") => SchoolTypeGroup.NonMaintainedSpecial,
        ("Special school", _) => SchoolTypeGroup.StateFundedSpecial,
        _ => SchoolTypeGroup.StateFundedMainstream,
    };
}

public sealed class WholeLaGiasImportTests_Sqlite() : WholeLaGiasImportTests(DatabaseProvider.Sqlite);
public sealed class WholeLaGiasImportTests_Postgres() : WholeLaGiasImportTests(DatabaseProvider.Postgres);
