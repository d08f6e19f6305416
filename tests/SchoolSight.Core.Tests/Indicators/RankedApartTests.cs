using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Published;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Indicators;

/// <summary>
/// An area's ranking keeps special schools and alternative provision apart from mainstream schools (by the register's
/// type group), each ranked among their own, unless the reader asks to rank every school together. Over Hampshire's
/// real key stage 4 file, whose special schools have Attainment 8 scores.
/// </summary>
public abstract class RankedApartTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly IndicatorCatalogueSource _source = IndicatorCatalogueSource.Default;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SpecialSchoolsAndAlternativeProvision_AreRankedApartFromMainstreamSchools_UnlessAskedToInclude()
    {
        var ks4 = SharedData.Ks4Hampshire(2017);
        await using (var db = _database.AsAdmin())
        {
            await WholeLaRegister.ImportAsync(db, 850, "Hampshire", WholeLaRegister.Extract(850, WholeLaRegister.SchoolsIn(ks4, 850), "Secondary"));
            await using var stream = File.OpenRead(ks4);
            (await new ImportPublished(db, new ComputeIndicators(db, _source)).RunAsync(new PublishedImportRequest(PublishedSource.Ks4, stream, Path.GetFileName(ks4), 2017))).Value!.Applied.ShouldBeTrue();
        }
        await using var read = _database.AsAdmin();
        var groups = (await read.Schools.AsNoTracking().Select(s => new { s.Urn, s.Details.TypeOfEstablishment, s.Details.EstablishmentTypeGroup }).ToListAsync())
            .ToDictionary(s => s.Urn, s => EstablishmentTypes.TypeGroupOf(s.TypeOfEstablishment, s.EstablishmentTypeGroup));

        var apart = (await new GetAreaIndicator(read, _source).RunAsync(new AreaIndicatorRequest(AreaKind.LocalAuthority, "850", "KS4_ATT8", 2017)))!;
        var ranked = apart.Schools.Where(r => r.Rank is not null).ToList();
        var special = ranked.Where(r => r.RankedApart).ToList();
        var mainstream = ranked.Where(r => !r.RankedApart).ToList();
        special.Count.ShouldBeGreaterThan(5, "Hampshire's special schools have Attainment 8 scores");
        special.ShouldAllBe(r => groups[r.Urn!.Value].RankedApartFromMainstream());
        mainstream.ShouldAllBe(r => !groups[r.Urn!.Value].RankedApartFromMainstream());
        mainstream.Select(r => r.Rank!.Value).ShouldBe(Enumerable.Range(1, mainstream.Count), "mainstream schools ranked among themselves");
        special.Select(r => r.Rank!.Value).ShouldBe(Enumerable.Range(1, special.Count), "special schools ranked among themselves");
        ranked.IndexOf(special[0]).ShouldBe(mainstream.Count, "the special schools come after the mainstream ones");

        var together = (await new GetAreaIndicator(read, _source).RunAsync(new AreaIndicatorRequest(AreaKind.LocalAuthority, "850", "KS4_ATT8", 2017, IncludeSpecialAndAlternative: true)))!;
        together.Schools.ShouldAllBe(r => !r.RankedApart);
        together.Schools.Where(r => r.Rank is not null).Select(r => r.Rank!.Value).ShouldBe(Enumerable.Range(1, ranked.Count));
        together.Area.ShouldBe(apart.Area, "the LA's own figure does not change with the ranking");
    }
}

public sealed class RankedApartTests_Sqlite() : RankedApartTests(DatabaseProvider.Sqlite);
public sealed class RankedApartTests_Postgres() : RankedApartTests(DatabaseProvider.Postgres);
