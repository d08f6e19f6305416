using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Categorisation;

/// <summary>
/// What every role reads about the demo head's school and the LA speaks of the LA's criteria, the DfE and Ofsted, never
/// of SchoolSight's own working documents; rule ids are for LA administrators; people are named with their role.
/// </summary>
public abstract partial class InternalWordsTests(RegisterApp fixture)
{
    private SchoolSightWebFactory App => fixture.App;

    private async Task<(List<string> Pages, List<string> RuleIds)> PagesAndRuleIdsAsync()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var adopted = await scope.ServiceProvider.GetRequiredService<RuleSets>().AdoptedAsync(db, CancellationToken.None);
        var ruleIds = adopted.Value.Rules.Rules.Select(r => r.Id).ToList();
        var urn = RegisterApp.Head;
        var pages = new List<string>
        {
            $"/Schools/{urn}", $"/Schools/{urn}/Level", $"/Schools/{urn}/Judgements", $"/Schools/{urn}/Data", $"/Schools/{urn}/Concerns",
            "/RiskRegister", "/Categorisation", "/Boards", "/Programme",
        };
        pages.AddRange((await db.LevelProposals.AsNoTracking().OrderByDescending(p => p.Urn == urn).ThenBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync())
            .Select(id => $"/Categorisation/Proposals/{id}"));
        pages.AddRange((await db.BoardMeetings.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync()).Select(id => $"/Boards/{id}"));
        foreach (var id in await db.ProgrammeCases.AsNoTracking().Where(c => c.Urn == urn).Select(c => c.Id).ToListAsync())
            pages.AddRange(CasePages.Select(p => $"/Programme/Cases/{id}{p}"));
        return (pages, ruleIds);
    }

    private static readonly string[] CasePages = ["", "/Entry", "/Plan", "/Meetings", "/Funding", "/Intervention", "/Exit", "/ManagementGroup", "/Decide"];

    [Fact]
    public async Task NoRolesPages_NameInternalDocuments_AndOnlyAdministratorsSeeRuleIds()
    {
        var (pages, ruleIds) = await PagesAndRuleIdsAsync();
        ruleIds.ShouldNotBeEmpty();
        var read = 0;
        foreach (var (role, _, _) in DemoSeeder.DemoUsers)
        {
            var client = App.ClientFor(role);
            foreach (var path in pages)
            {
                var response = await client.GetAsync(path);
                if (response.StatusCode != HttpStatusCode.OK) continue;
                read++;
                var html = await response.Content.ReadAsStringAsync();
                foreach (var word in new[] { "seed 0", "Seed 0", "DOMAIN.md", "criteria in use before SchoolSight" })
                    html.ShouldNotContain(word, customMessage: $"{role} on {path}");
                if (role == Role.LaAdministrator) continue;
                var text = Text(html);
                foreach (var id in ruleIds)
                    text.ShouldNotContain(id, customMessage: $"{role} on {path} reads rule id {id}");
            }
        }
        read.ShouldBeGreaterThan(DemoSeeder.DemoUsers.Count * 3, "each role reads several of the pages");
    }

    [Fact]
    public async Task TheLevelPage_NamesWhoDecided_WithTheirRole_NotTheirEmailAddress()
    {
        var page = Text(await App.ClientFor(Role.SchoolUser).GetStringAsync($"/Schools/{RegisterApp.Head}/Level"));
        page.ShouldContain("Sam Senior · Senior management team member");
        page.ShouldNotContain("smt@demo-borough.example");
    }

    [Fact]
    public async Task TheLevelApi_NamesWhoDecided_ByNameAndRole_BesideTheStoredSignInName()
    {
        var api = await App.ClientFor(Role.SchoolUser).GetFromJsonAsync<JsonElement>($"/api/v1/schools/{RegisterApp.Head}/level");
        var current = api.GetProperty("current");
        current.GetProperty("decidedByName").GetString().ShouldBe("Sam Senior · Senior management team member");
        current.GetProperty("decidedBy").GetString().ShouldBe("smt@demo-borough.example", "kept for existing clients");
        api.GetProperty("history").EnumerateArray().ShouldAllBe(d => d.GetProperty("decidedByName").GetString() == "Sam Senior · Senior management team member");
    }

    [Fact]
    public async Task TheDemoBoardPacks_GiveEachSchoolsDecidingReasons_NotAFormula()
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var meetings = await db.BoardMeetings.AsNoTracking().OrderBy(m => m.MeetsOn).Select(m => m.Id).ToListAsync();
        meetings.ShouldNotBeEmpty();
        var client = App.ClientFor(Role.SeniorManager);
        foreach (var id in meetings)
        {
            var html = await client.GetStringAsync($"/Boards/{id}");
            var reasons = DecidingReasons().Matches(html).Select(m => Text(m.Groups[1].Value).Trim()).ToList();
            reasons.ShouldNotBeEmpty($"board meeting {id} lists schools causing concern");
            reasons.ShouldAllBe(r => r.Length > 0 && r != BoardPackText.NoReasons, $"board meeting {id}");
        }
    }

    [GeneratedRegex("data-testid=\"deciding-reasons\">(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex DecidingReasons();

    /// <summary>The words a reader sees: the page without its markup (attributes such as test ids are not read).</summary>
    private static string Text(string html) => WebUtility.HtmlDecode(Markup().Replace(html, " "));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();
}

[Collection(nameof(SqliteRegisterApp))]
public sealed class InternalWordsTests_Sqlite(SqliteRegisterApp fixture) : InternalWordsTests(fixture);

[Collection(nameof(PostgresRegisterApp))]
public sealed class InternalWordsTests_Postgres(PostgresRegisterApp fixture) : InternalWordsTests(fixture);
