using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.Domain.Imports;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Home;

/// <summary>What each role's home page lists, from the operations its pages use, kept to the reader's own schools.</summary>
public abstract class HomePagePerRoleTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> HomeAsync(Role role) =>
        JsonDocument.Parse(await _app.ClientFor(role).GetStringAsync("/api/v1/home")).RootElement;

    private static List<JsonElement> Items(JsonElement home, string? section = null) =>
        [.. home.GetProperty("items").EnumerateArray().Where(i => section is null || i.GetProperty("section").GetString() == section)];

    private static int? Urn(JsonElement item) => item.GetProperty("urn").ValueKind == JsonValueKind.Number ? item.GetProperty("urn").GetInt32() : null;

    private static string Email(Role role) => DemoSeeder.DemoUsers.Single(u => u.Role == role).Email;

    /// <summary>Records two sign-ins for the demo user: one <paramref name="daysAgo"/> days ago, and this session's.</summary>
    private async Task SignedInBeforeAsync(Role role, int daysAgo)
    {
        await using var db = _app.Database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == Email(role));
        db.AuditEntries.Add(new AuditEntry(db.UtcNow.AddDays(-daysAgo), user.Id, user.Email!, AuditAction.SignedIn, "SignIn", user.Email!, null));
        db.AuditEntries.Add(new AuditEntry(db.UtcNow.AddMinutes(-1), user.Id, user.Email!, AuditAction.SignedIn, "SignIn", user.Email!, null));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task TheSmtMember_IsToldHowManyLevelsWaitForThem_AsTheProposalsPageCountsThem()
    {
        var items = Items(await HomeAsync(Role.SeniorManager), "Decisions");
        var levels = items.Single(i => i.GetProperty("href").GetString() == "/Categorisation");

        using var scope = _app.Services.CreateScope();
        var overview = (await scope.ServiceProvider.GetRequiredService<GetProposals>().OverviewAsync()).Value!;
        overview.OpenProposals.Count.ShouldBeGreaterThan(0);
        levels.GetProperty("title").GetString().ShouldStartWith($"{overview.OpenProposals.Count} level");
        levels.GetProperty("detail").GetString()!.ShouldContain(overview.OpenProposals.Count(p => p.Changes) == 0 ? "None" : $"{overview.OpenProposals.Count(p => p.Changes)} would change");
    }

    [Fact]
    public async Task TheSmtMember_IsToldOfTheProgrammeEntryWaitingForTheirDecision_AndTheMiOfficerIsNot()
    {
        var smt = Items(await HomeAsync(Role.SeniorManager), "Decisions");
        smt.ShouldContain(i => i.GetProperty("title").GetString()!.Contains("agree entry") && i.GetProperty("href").GetString()!.StartsWith("/Programme/Cases/"));
        var mi = Items(await HomeAsync(Role.InterventionOfficer), "Decisions");
        mi.ShouldNotContain(i => i.GetProperty("title").GetString()!.Contains("agree entry"));
    }

    [Fact]
    public async Task TheMiOfficer_SeesTheProgrammeDeadlinesOverdueOrDueInTwoWeeks_EachLinkedToItsCasePage_OverdueFirst()
    {
        var home = await HomeAsync(Role.InterventionOfficer);
        var deadlines = Items(home, "Deadlines");
        deadlines.ShouldNotBeEmpty();
        deadlines.ShouldAllBe(d => d.GetProperty("href").GetString()!.StartsWith("/Programme/Cases/"));
        var today = DateOnly.Parse(home.GetProperty("today").GetString()!);
        deadlines.ShouldAllBe(d => DateOnly.Parse(d.GetProperty("dueOn").GetString()!) <= today.AddDays(14));
        var urgencies = deadlines.Select(d => d.GetProperty("urgency").GetString()).ToList();
        urgencies.ShouldBe([.. urgencies.OrderBy(u => u == "Overdue" ? 0 : 1)]);
        // The SMT decide; they are not given the case officer's deadlines.
        Items(await HomeAsync(Role.SeniorManager), "Deadlines").ShouldBeEmpty();
    }

    [Fact]
    public async Task TheQuasPanelMember_SeesTheQuasQueue_AsTheQueueShowsIt()
    {
        var items = Items(await HomeAsync(Role.QuasPanelMember), "Decisions");
        items.ShouldContain(i => i.GetProperty("title").GetString()!.Contains("Stage 4 form"));
        items.ShouldAllBe(i => i.GetProperty("href").GetString()!.EndsWith("/HealthySchools"));
        (await HomeAsync(Role.HealthySchoolsCoordinator)).GetProperty("items").GetArrayLength().ShouldBe(items.Count);
    }

    [Fact]
    public async Task TheSip_SeesChangesOnlyForTheirOwnSchools_SinceTheirPreviousSignIn()
    {
        await SignedInBeforeAsync(Role.SchoolImprovementPartner, 800);
        await SignedInBeforeAsync(Role.InterventionOfficer, 800);
        var sip = await HomeAsync(Role.SchoolImprovementPartner);
        sip.GetProperty("sinceLastSignIn").GetBoolean().ShouldBeTrue();
        int[] assigned;
        await using (var db = _app.Database.CreateContext())
            assigned = [.. (await db.Users.Include(u => u.Assignments).SingleAsync(u => u.Email == Email(Role.SchoolImprovementPartner))).Assignments.Select(a => a.Urn)];
        var all = Items(sip);
        all.ShouldNotBeEmpty();
        all.ShouldAllBe(i => Urn(i) == null || assigned.Contains(Urn(i)!.Value));
        var la = Items(await HomeAsync(Role.InterventionOfficer), "Changes");
        la.Count.ShouldBeGreaterThan(Items(sip, "Changes").Count);
        la.ShouldContain(i => i.GetProperty("href").GetString()!.EndsWith("/Level"));
    }

    [Fact]
    public async Task AFirstSignIn_CountsChangesOverTheLastTwoWeeks()
    {
        var home = await HomeAsync(Role.InterventionOfficer);
        home.GetProperty("sinceLastSignIn").GetBoolean().ShouldBeFalse();
        (await _app.ClientFor(Role.InterventionOfficer).GetStringAsync("/")).ShouldContain("New in the last two weeks.");
    }

    [Fact]
    public async Task TheHeadteacher_SeesOnlyTheirOwnSchool_NeverAnotherSchoolOrTheLasProposals()
    {
        foreach (var role in new[] { Role.SchoolUser, Role.Governor })
        {
            await SignedInBeforeAsync(role, 800);
            var home = await HomeAsync(role);
            home.GetProperty("school").GetProperty("urn").GetInt32().ShouldBe(DemoSeeder.DemoHeadSchoolUrn);
            var items = Items(home);
            items.ShouldAllBe(i => Urn(i) == DemoSeeder.DemoHeadSchoolUrn);
            items.ShouldNotContain(i => i.GetProperty("href").GetString() == "/Categorisation");
            var html = await _app.ClientFor(role).GetStringAsync("/");
            html.ShouldContain("data-testid=\"own-school\"");
            html.ShouldNotContain("/Categorisation");
            html.ShouldNotContain("/Concerns");
            html.ShouldNotContain("Open schools by phase");
        }
        Items(await HomeAsync(Role.SchoolUser), "Deadlines").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TheLaAdministrator_IsToldOfAnImportThatWasRejected_LinkedToIt()
    {
        long id;
        await using (var db = _app.Database.CreateContext())
        {
            var attempt = new ImportRecord(ImportKind.Ks2, "ks2_wrong.csv", new string('b', 64), db.UtcNow.AddMinutes(-5), Email(Role.LaAdministrator), "");
            attempt.Rejected(10, 3, "Line 2: bad");
            db.Imports.Add(attempt);
            await db.SaveChangesAsync();
            id = attempt.Id;
        }
        var items = Items(await HomeAsync(Role.LaAdministrator), "Imports");
        items.ShouldContain(i => i.GetProperty("href").GetString() == $"/Imports/{id}" && i.GetProperty("title").GetString()!.Contains("rejected"));
        Items(await HomeAsync(Role.InterventionOfficer), "Imports").ShouldBeEmpty();
    }

    [Fact]
    public async Task ARoleWithNothingWaiting_SeesTheNothingNeedsYouTodayState()
    {
        var html = await _app.ClientFor(Role.Partner).GetStringAsync("/");
        html.ShouldContain("data-testid=\"nothing-today\"");
        html.ShouldContain("Nothing needs you today");
        (await _app.ClientFor(Role.SeniorManager).GetStringAsync("/")).ShouldNotContain("data-testid=\"nothing-today\"");
    }

    [Fact]
    public async Task TheHomePage_ListsEachItemAsALinkToWhereItIsDone_WithItsCount()
    {
        var html = await _app.ClientFor(Role.SeniorManager).GetStringAsync("/");
        html.ShouldContain("What needs you today");
        html.ShouldContain("data-testid=\"count-waiting\"");
        html.ShouldContain("href=\"/Categorisation\"");
    }
}

public sealed class HomePagePerRoleTests_Sqlite() : HomePagePerRoleTests(DatabaseProvider.Sqlite);
public sealed class HomePagePerRoleTests_Postgres() : HomePagePerRoleTests(DatabaseProvider.Postgres);
