using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Published;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Published;

/// <summary>
/// Importing Ofsted's outcomes in the report card layout keeps each school's latest inspection on its own framework,
/// and the pages' words for it say so; a re-import of the same file changes nothing.
/// </summary>
public abstract class OfstedReportCardImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly int[] Urns = [900001, 900002, 900003, 900004, 900005, 900006];
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        foreach (var urn in Urns) db.Schools.Add(Build.School(urn, $"Example school {urn}"));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<PublishedImportResult> ImportAsync(byte[] content)
    {
        await using var db = _database.CreateContext();
        return (await new ImportPublished(db).RunAsync(new PublishedImportRequest(PublishedSource.Ofsted, new MemoryStream(content), "ofsted.csv", null, false))).Value!;
    }

    [Fact]
    public async Task TheReportCardLayout_IsStoredOnEachInspectionsOwnScale_AndReimportsUnchanged()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(RepoData.Path())!, "..", "docs", "imports", "examples", "ofsted_report_cards_example.csv"));

        var first = await ImportAsync(bytes);

        first.Errors.ShouldBeEmpty();
        first.Added.ShouldBe(Urns.Length);
        await using (var db = _database.CreateContext())
        {
            var held = await db.OfstedInspections.AsNoTracking().ToDictionaryAsync(i => i.Urn, i => i.Outcome);
            held[900001].OverallEffectiveness.ShouldBe(OfstedJudgement.Good);
            held[900002].OverallNotJudged.ShouldBeTrue();
            var card = held[900005];
            (card.Framework, card.OverallEffectiveness, card.CategoryOfConcern, card.SafeguardingEffective)
                .ShouldBe(((OfstedFramework?)OfstedFramework.ReportCard, (OfstedJudgement?)null, (CategoryOfConcern?)CategoryOfConcern.SpecialMeasures, (bool?)false));
            (card.Inclusion, card.LeadershipAndGovernance, card.SixthFormReportCard, card.EarlyYearsReportCard)
                .ShouldBe(((ReportCardGrade?)ReportCardGrade.UrgentImprovement, (ReportCardGrade?)ReportCardGrade.UrgentImprovement, (ReportCardGrade?)ReportCardGrade.NeedsAttention, (ReportCardGrade?)null));
            held[900006].CategoryOfConcern.ShouldBe(CategoryOfConcern.SignificantImprovement);

            // What the register and board packs say: each inspection in its own words.
            CategorisationText.Ofsted(OfstedAsAt.On(held[900001], new DateOnly(2026, 12, 1))).ShouldBe("Good (1 September 2024)");
            CategorisationText.Ofsted(OfstedAsAt.On(held[900002], new DateOnly(2026, 12, 1))).ShouldBe("No overall grade (from 2 September 2024) (2 September 2024)");
            CategorisationText.Ofsted(OfstedAsAt.On(held[900004], new DateOnly(2026, 12, 1)))
                .ShouldBe("Report card: attendance and behaviour needs attention (10 November 2025)");
            CategorisationText.Ofsted(OfstedAsAt.On(held[900006], new DateOnly(2026, 12, 1))).ShouldBe(
                "Report card: inclusion needs attention, curriculum and teaching urgent improvement, achievement needs attention, leadership and governance needs attention; requires significant improvement (3 March 2026)");
        }

        var again = await ImportAsync(bytes);
        (again.Added, again.Updated, again.Unchanged).ShouldBe((0, 0, Urns.Length));
    }
}

public sealed class OfstedReportCardImportTests_Sqlite() : OfstedReportCardImportTests(DatabaseProvider.Sqlite);
public sealed class OfstedReportCardImportTests_Postgres() : OfstedReportCardImportTests(DatabaseProvider.Postgres);
