using System.Globalization;
using System.Text;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Published;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;
using Xunit.Abstractions;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>
/// The measure of docs/indicators.md ("LA figures against the DfE's"): Hampshire's whole register (its real GIAS rows and
/// every school of its performance tables, independent and non-maintained ones included), its KS2 final files for
/// 2016/17 to 2018/19, its KS4 final files for 2016/17 and 2017/18 and England's KS4 provisional file for 2018/19, read in
/// place; SchoolSight's LA figure of every headline measure against the DfE's own LA row, with its coverage. Writes the
/// table to the test output and to hampshire-la-figures.md in SCHOOLSIGHT_ARTIFACTS (or the temporary folder). Re-run with
/// <c>dotnet test tests/SchoolSight.Core.Tests --filter "FullyQualifiedName~HampshireMeasure"</c>.
/// </summary>
[Trait("Category", "Battery")]
public abstract class HampshireMeasure(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;

    private static readonly (PublishedSource Source, int Year, string File)[] Files =
    [
        (PublishedSource.Ks2, 2016, SharedData.Ks2Hampshire(2016)),
        (PublishedSource.Ks2, 2017, SharedData.Ks2Hampshire(2017)),
        (PublishedSource.Ks2, 2018, SharedData.Ks2Hampshire(2018)),
        (PublishedSource.Ks4, 2016, SharedData.Ks4Hampshire(2016)),
        (PublishedSource.Ks4, 2017, SharedData.Ks4Hampshire(2017)),
        (PublishedSource.Ks4, 2018, SharedData.Ks4EnglandProvisional2018),
    ];

    private static readonly string[] Ks2 = ["KS2_RWM_EXP", "KS2_RWM_HIGH", "KS2_READ_PROG", "KS2_WRIT_PROG", "KS2_MAT_PROG"];
    private static readonly string[] Ks4 = ["KS4_ATT8", "KS4_P8", "KS4_EM_94", "KS4_BASICS_95", "KS4_EBACC_ENTRY"];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task HampshiresLaFigures_AgreeWithTheDfEsLaRows_InEveryYearAndHeadlineMeasure()
    {
        await using (var db = _database.AsAdmin())
        {
            var ks2Schools = Files.Where(f => f.Source == PublishedSource.Ks2).SelectMany(f => WholeLaRegister.SchoolsIn(f.File, 850));
            var ks4Schools = Files.Where(f => f.Source == PublishedSource.Ks4).SelectMany(f => WholeLaRegister.SchoolsIn(f.File, 850));
            var extract = WholeLaRegister.Extract(850, ks2Schools, "Primary");
            var secondary = WholeLaRegister.Extract(850, ks4Schools.Where(s => !extract.Rows.Any(r => extract.Urn(r) == s.Urn)), "Secondary");
            extract.Rows.AddRange(secondary.Rows.Where(r => !extract.Rows.Any(e => extract.Urn(e) == secondary.Urn(r))));
            await WholeLaRegister.ImportAsync(db, 850, "Hampshire", extract);
            foreach (var (source, year, file) in Files)
            {
                await using var stream = File.OpenRead(file);
                (await new ImportPublished(db, new ComputeIndicators(db, _source)).RunAsync(new PublishedImportRequest(source, stream, Path.GetFileName(file), year))).Value!.Applied.ShouldBeTrue();
                db.ChangeTracker.Clear();
            }
        }

        var table = new StringBuilder()
            .AppendLine("| year | indicator | DfE column | DfE LA row | SchoolSight | difference | schools counted | pupils counted of the DfE's |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        var compared = 0;
        foreach (var (source, year, _) in Files)
        {
            await using var db = _database.AsAdmin();
            var figures = (await new GetAreaFigures(db, _source).RunAsync(new FiguresRequest(new FiguresArea(AreaKind.LocalAuthority, "850"), year)))!;
            foreach (var id in source == PublishedSource.Ks2 ? Ks2 : Ks4)
            {
                var line = figures.Rows.Single(r => r.IndicatorId == id && r.Group == PupilGroup.All);
                var dfe = line.PublishedValue is { } p ? (double)p : (double?)null;
                var difference = line.Value - dfe;
                table.AppendLine(CultureInfo.InvariantCulture, $"| {AcademicYears.Display(year)} | `{id}` | `{line.DfeColumn}` | {Show(dfe)} | {Show(line.Value)} | {Show(difference, signed: true)} | {line.Schools} | {Pupils(line)} |");
                if (dfe is null || line.Value is null) continue;
                compared++;
                // The DfE rounds its LA row (whole percentages in KS2, one decimal in KS4, progress to one or two
                // decimals) and counts a few pupils whose school rows are suppressed; a real difference is larger.
                var tolerance = _source.Catalogue[id].Unit == IndicatorUnit.Percent ? 1.0 : id == "KS4_ATT8" ? 0.3 : 0.1;
                Math.Abs(difference!.Value).ShouldBeLessThanOrEqualTo(tolerance, $"{id} {AcademicYears.Display(year)}");
                line.PercentOfPublished!.Value.ShouldBeGreaterThan(95, $"{id} {AcademicYears.Display(year)}");
                line.Partial.ShouldBeFalse();
            }
        }
        compared.ShouldBeGreaterThanOrEqualTo(25);
        output.WriteLine(table.ToString());
        var folder = Environment.GetEnvironmentVariable("SCHOOLSIGHT_ARTIFACTS") is { Length: > 0 } a ? a : Path.GetTempPath();
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"hampshire-la-figures-{provider}.md"), table.ToString());
    }

    private static string Show(double? value, bool signed = false) =>
        value is not { } v ? "–" : (signed && v >= 0 ? "+" : "") + v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pupils(FigureLine line) =>
        line.Pupils is not { } p ? "–"
        : line.PublishedPupils is { } dfe ? $"{p.ToString("N0", CultureInfo.InvariantCulture)} of {dfe.ToString("N0", CultureInfo.InvariantCulture)} ({line.PercentOfPublished!.Value.ToString("0.0", CultureInfo.InvariantCulture)}%)"
        : p.ToString("N0", CultureInfo.InvariantCulture);
}

public sealed class HampshireMeasure_Sqlite(ITestOutputHelper output) : HampshireMeasure(DatabaseProvider.Sqlite, output);
public sealed class HampshireMeasure_Postgres(ITestOutputHelper output) : HampshireMeasure(DatabaseProvider.Postgres, output);
