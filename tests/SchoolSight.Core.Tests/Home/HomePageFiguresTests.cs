using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Core.Home;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.Categorisation.CategorisationWorld;

namespace SchoolSight.Core.Tests.Home;

/// <summary>
/// The home page's news of schools whose figures were recomputed since the reader's previous sign-in: when each
/// school's figures were computed is kept in memory under the figures' version, so a recompute (which raises the
/// version) shows at once, even where the page was served just before it.
/// </summary>
public abstract class HomePageFiguresTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly FiguresCache _cache = new();

    public async Task InitializeAsync() => _database = await CreateAsync(provider);
    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<IReadOnlyList<HomeItem>> ChangesAsync()
    {
        await using var db = _database.As(Role.SeniorManager);
        var source = IndicatorCatalogueSource.Default;
        var home = new GetHomePage(db, new GetProposals(db), new GetQuasQueue(db, new PeopleNames(db)), new GetSchoolLevel(db, new RuleSets(source)), source, _cache);
        return [.. (await home.RunAsync()).Items.Where(i => i.Section == HomeSection.Changes)];
    }

    [Fact]
    public async Task ASchoolRecomputedAfterThePageWasServed_IsNews_OnTheNextPage()
    {
        (await ChangesAsync()).ShouldNotContain(i => i.Urn == Rising, "its figures were computed long before the last two weeks");

        await using (var db = _database.As(Role.SeniorManager))
        {
            var code = Rising.ToString();
            // As a recompute does: the school's results saved anew, then the figures' version raised.
            await db.IndicatorResults.Where(r => r.AreaKind == AreaKind.School && r.AreaCode == code)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ComputedAt, db.UtcNow.AddDays(-1)));
            (await ChangesAsync()).ShouldNotContain(i => i.Urn == Rising, "the version is not raised yet: the figures kept are still those read");
            await FiguresCache.RaiseVersionAsync(db, _cache);
        }

        var news = (await ChangesAsync()).ShouldHaveSingleItem();
        news.Urn.ShouldBe(Rising);
        news.Title.ShouldContain("significantly improving");
        news.Href.ShouldBe($"/Schools/{Rising}/Data");
    }
}

public sealed class HomePageFiguresTests_Sqlite() : HomePageFiguresTests(DatabaseProvider.Sqlite);
public sealed class HomePageFiguresTests_Postgres() : HomePageFiguresTests(DatabaseProvider.Postgres);
