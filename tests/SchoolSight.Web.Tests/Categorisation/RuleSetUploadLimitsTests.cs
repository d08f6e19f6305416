using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Categorisation.Rules;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Categorisation;

/// <summary>
/// Hostile criteria files through the upload page, the API and the parse the <c>schoolsight rules validate</c> command
/// runs: each is answered with a problem at its line and column, nothing is stored, and the server goes on answering.
/// </summary>
public abstract class RuleSetUploadLimitsTests(CategorisationApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;

    /// <summary>100 KB of brackets: enough to overflow the stack of a recursive YAML reader.</summary>
    private static readonly string Nested = new string('[', 50_000) + new string(']', 50_000);

    /// <summary>Seven levels of ten aliases: ten million conditions from a file under a kilobyte.</summary>
    private static string AliasBomb()
    {
        var text = new StringBuilder("version: \"bomb-1\"\nname: Bomb\nanchors:\n  a0: &a0 {ofsted: inadequate}\n");
        for (var n = 1; n <= 7; n++) text.Append($"  a{n}: &a{n} {{any: [{string.Join(", ", Enumerable.Repeat($"*a{n - 1}", 10))}]}}\n");
        return text.Append("rules:\n  - {id: bomb, description: B, source: S, level: targeted, when: [*a7]}\n").ToString();
    }

    private static async Task<string> Refused(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task DeeplyNestedCriteria_ThroughTheApi_GetAProblemAtTheirLineAndColumn_AndTheServerGoesOn()
    {
        var client = App.ClientFor(Role.QualityAssuranceManager);
        var stored = await fixture.Read(db => db.RuleSets.CountAsync());
        var problem = await Refused(await client.PostAsync("/api/v1/categorisation/rulesets", new StringContent(Nested, Encoding.UTF8, "application/yaml")));
        problem.ShouldContain($"Line 1, column {RuleSetParser.MaxDepth + 1}");
        problem.ShouldContain($"nest more than {RuleSetParser.MaxDepth} deep");
        (await client.GetAsync("/api/v1/categorisation/rulesets")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await fixture.Read(db => db.RuleSets.CountAsync())).ShouldBe(stored);
    }

    [Fact]
    public async Task DeeplyNestedCriteria_ThroughTheUploadPage_AreListedAsAProblem()
    {
        var client = App.ClientFor(Role.LaAdministrator);
        var form = await client.GetStringAsync("/Categorisation/Rules");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.AntiforgeryToken(form)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(Nested)), "Upload", "rules.yaml" },
        };
        var page = WebUtility.HtmlDecode(await (await client.PostAsync("/Categorisation/Rules", content)).Content.ReadAsStringAsync());
        page.ShouldContain("There is a problem");
        page.ShouldContain($"Line 1, column {RuleSetParser.MaxDepth + 1}");
    }

    [Fact]
    public void TheValidateCommandsParse_ListsTheNestingAsAProblem()
    {
        // `schoolsight rules validate` reads the file's bytes and parses them with the app's RuleSets, as here.
        var result = App.Services.GetRequiredService<RuleSets>().Parse(Encoding.UTF8.GetBytes(Nested));
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Column).ShouldBe((1, RuleSetParser.MaxDepth + 1));
        RuleSetFile.Parse(new byte[RuleSetFile.MaxBytes + 1], Core.Indicators.IndicatorCatalogueSource.Default.Catalogue).Errors.ShouldHaveSingleItem().Message.ShouldContain("larger than");
    }

    [Fact]
    public async Task AnAliasBomb_IsRefusedQuickly_AndNothingIsStored()
    {
        var client = App.ClientFor(Role.SeniorManager);
        var watch = Stopwatch.StartNew();
        var problem = await Refused(await client.PostAsync("/api/v1/categorisation/rulesets", new StringContent(AliasBomb(), Encoding.UTF8, "application/yaml")));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60)); // a runaway guard (an unbounded parse never ends), not a speed goal
        problem.ShouldContain("Line 4, column 7");
        problem.ShouldContain("'&a0' is an anchor");
        (await fixture.Read(db => db.RuleSets.AnyAsync(r => r.Version == "bomb-1"))).ShouldBeFalse();
    }

    [Fact]
    public async Task AnOversizedUpload_IsRefusedWithoutBeingStored()
    {
        var body = "version: \"big-1\"\nname: Big\n#" + new string('x', RuleSetFile.MaxBytes);
        var problem = await Refused(await App.ClientFor(Role.LaAdministrator).PostAsync("/api/v1/categorisation/rulesets", new StringContent(body, Encoding.UTF8, "application/yaml")));
        problem.ShouldContain("larger than");
    }

    [Fact]
    public async Task AStoredVersion_IsParsedOnce_NotOnEveryListing()
    {
        // An alias bomb stored before anchors were refused: it is now refused when read, once, and listing stays quick.
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.RuleSets.AnyAsync(r => r.Version == "stored-bomb"))
            {
                db.RuleSets.Add(new RuleSetVersion("stored-bomb", "Bomb", AliasBomb(), "qa@demo-borough.example", db.UtcNow));
                await db.SaveChangesAsync();
            }
        }
        var client = App.ClientFor(Role.QualityAssuranceManager);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/categorisation/rulesets");
            list.EnumerateArray().Single(r => r.GetProperty("version").GetString() == "stored-bomb").GetProperty("rules").GetInt32().ShouldBe(0);
        }
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60)); // a runaway guard, not a speed goal

        var ruleSets = App.Services.GetRequiredService<RuleSets>();
        var stored = await fixture.Read(db => db.RuleSets.AsNoTracking().SingleAsync(r => r.Status == RuleSetStatus.Adopted));
        var again = await fixture.Read(db => db.RuleSets.AsNoTracking().SingleAsync(r => r.Status == RuleSetStatus.Adopted));
        ruleSets.Parse(again).ShouldBeSameAs(ruleSets.Parse(stored));
    }
}

public sealed class RuleSetUploadLimitsTests_Sqlite(SqliteCategorisationApp app) : RuleSetUploadLimitsTests(app), IClassFixture<SqliteCategorisationApp>;
public sealed class RuleSetUploadLimitsTests_Postgres(PostgresCategorisationApp app) : RuleSetUploadLimitsTests(app), IClassFixture<PostgresCategorisationApp>;
