using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Data;
using SchoolSight.Core.Demo;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Register;

public abstract class SchoolPagesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Own = DemoSeeder.DemoHeadSchoolUrn;
    private const int Other = DemoSeeder.OtherDemoSchoolUrn;
    private const string EditUrl = "/Schools/999001/Edit";
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<T> Read<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = _app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<string> NameOf(int urn) => Read(db => db.Schools.IgnoreQueryFilters().Where(s => s.Urn == urn).Select(s => s.Details.Name).SingleAsync());

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Forbidden ||
        (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied"));

    [Fact]
    public async Task SchoolsList_ForAnAdministrator_PagesAndSortsByColumn()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var html = await client.GetStringAsync("/Schools");
        html.ShouldContain("Showing <strong>1</strong> to <strong>25</strong> of");
        html.ShouldContain("class=\"govuk-pagination\"");
        html.ShouldContain("aria-sort=\"ascending\"");
        html.ShouldContain("href=\"/Schools?sort=Pupils\"");
        html.ShouldContain("href=\"/Schools?p=2\"");

        var sorted = await client.GetStringAsync("/Schools?sort=Pupils&order=Desc");
        sorted.ShouldContain("aria-sort=\"descending\"");
        sorted.ShouldContain("href=\"/Schools?sort=Pupils&amp;order=Desc&amp;p=2\"");

        var second = await client.GetStringAsync("/Schools?p=2");
        second.ShouldContain("Showing <strong>26</strong> to <strong>50</strong> of");
    }

    [Fact]
    public async Task SchoolsList_SearchesByNameOrUrn_AndFilters()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var name = await NameOf(Other);
        var byUrn = await client.GetStringAsync($"/Schools?search={Other}");
        byUrn.ShouldContain($"href=\"/Schools/{Other}\"");
        byUrn.ShouldContain("of <strong>1</strong> school");

        var byName = await client.GetStringAsync("/Schools?search=" + Uri.EscapeDataString(name.ToUpperInvariant()));
        byName.ShouldContain($"href=\"/Schools/{Other}\"");

        var special = await client.GetStringAsync("/Schools?phase=Special&status=Open");
        special.ShouldContain("Special School</a>");
        special.ShouldNotContain("Primary School</a>");
    }

    [Fact]
    public async Task ASchoolUser_SeesOnlyTheirSchool_AndIsRefusedAnother()
    {
        var client = _app.ClientFor(Role.SchoolUser);
        var list = await client.GetStringAsync("/Schools");
        list.ShouldContain($"href=\"/Schools/{Own}\"");
        list.ShouldNotContain($"href=\"/Schools/{Other}\"");
        list.ShouldContain("of <strong>1</strong> school");
        (await client.GetStringAsync($"/Schools?search={Other}")).ShouldNotContain($"href=\"/Schools/{Other}\"");

        IsRefused(await client.GetAsync($"/Schools/{Other}")).ShouldBeTrue();
        // A URN that does not exist is refused the same way: no hint whether it exists.
        IsRefused(await client.GetAsync("/Schools/123456")).ShouldBeTrue();
        IsRefused(await client.GetAsync($"/api/v1/schools/{Other}")).ShouldBeTrue();
        (await client.GetAsync($"/Schools/{Own}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AGovernor_ReadsTheirSchool_ButCannotEditIt()
    {
        var client = _app.ClientFor(Role.Governor);
        var profile = await client.GetStringAsync($"/Schools/{Own}");
        profile.ShouldContain("Details from Get Information about Schools");
        profile.ShouldNotContain(EditUrl);
        IsRefused(await client.GetAsync(EditUrl)).ShouldBeTrue();
        IsRefused(await client.PostAsync(EditUrl, new FormUrlEncodedContent([new("Input.Name", "Taken over")]))).ShouldBeTrue();
        (await NameOf(Own)).ShouldNotBe("Taken over");
    }

    [Fact]
    public async Task Profile_ShowsGiasDetailsGroupsAndLastChange()
    {
        var html = await _app.ClientFor(Role.LaAdministrator).GetStringAsync($"/Schools/{Own}");
        html.ShouldContain(await NameOf(Own));
        html.ShouldContain("govuk-summary-list");
        html.ShouldContain("Pupils eligible for free school meals");
        html.ShouldContain("href=\"/Localities/");
        html.ShouldContain("href=\"/Clusters/");
        html.ShouldContain(EditUrl);
        html.ShouldContain("Last changed by");
        (await _app.ClientFor(Role.LaAdministrator).GetAsync("/Schools/123456")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_EditsASchoolThroughTheForm()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var form = await HtmlForm.LoadAsync(client, EditUrl);
        form["Input.Version"].ShouldBe("1");
        form["Input.Name"].ShouldBe(await NameOf(Own));
        form["__RequestVerificationToken"].ShouldNotBeNullOrEmpty();
        form.Set("Input.Name", "Ashcombe Church of England Nursery School").Set("Input.NumberOfPupils", "99").Set("Input.ClusterIds");

        var response = await form.PostAsync(client, EditUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Schools/{Own}");
        var profile = await client.GetStringAsync($"/Schools/{Own}");
        profile.ShouldContain("govuk-notification-banner--success");
        profile.ShouldContain("Ashcombe Church of England Nursery School");
        profile.ShouldContain("Last changed by Alex Admin");
        (await Read(db => db.Schools.IgnoreQueryFilters().Where(s => s.Urn == Own).Select(s => new { s.Details.NumberOfPupils, s.Version, Clusters = s.Memberships.Count }).SingleAsync()))
            .ShouldBe(new { NumberOfPupils = (int?)99, Version = 2, Clusters = 0 });
        (await Read(db => db.AuditEntries.CountAsync(a => a.EntityType == "School" && a.EntityKey == Own.ToString() && a.Action == AuditAction.Updated)))
            .ShouldBe(1);
    }

    [Fact]
    public async Task InvalidInput_ShowsTheErrorSummary_AndChangesNothing()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var before = await NameOf(Own);
        var form = await HtmlForm.LoadAsync(client, EditUrl);
        form.Set("Input.Name", " ").Set("Input.PercentageFsm", "150").Set("Input.LaCode", "12");

        var response = await form.PostAsync(client, EditUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("<title>Error: ");
        html.ShouldContain("href=\"#Input_Name\">Enter the school name</a>");
        html.ShouldContain("href=\"#Input_LaCode\">The LA code must be 3 digits, like 919</a>");
        html.ShouldContain("must be between 0 and 100");
        html.ShouldContain("govuk-form-group--error");
        (await NameOf(Own)).ShouldBe(before);
        (await Read(db => db.Schools.IgnoreQueryFilters().Where(s => s.Urn == Own).Select(s => s.Version).SingleAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task InputThatIsNotANumber_IsExplainedInGovukWords()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var form = await HtmlForm.LoadAsync(client, EditUrl);
        form.Set("Input.NumberOfPupils", "lots").SetDate("Input.OpenDate", "31", "2", "2020");
        var html = await (await form.PostAsync(client, EditUrl)).Content.ReadAsStringAsync();
        html.ShouldContain("href=\"#Input_NumberOfPupils\">Number of pupils must be a whole number</a>");
        html.ShouldContain("Open date must be a real date");
        html.ShouldContain("value=\"lots\"");
        html.ShouldContain("name=\"Input.OpenDate.Day\" type=\"text\" inputmode=\"numeric\" value=\"31\"", Case.Sensitive, "the date input shows what was typed");
    }

    [Theory]
    [InlineData("", "9", "2026", "Open date must include a day")]
    [InlineData("1", "", "", "Open date must include a month and year")]
    [InlineData("1", "9", "26", "Year must include 4 numbers")]
    [InlineData("1", "13", "2026", "Open date must be a real date")]
    public async Task ADateWithAMissingOrImpossiblePart_IsExplainedInGovukWords(string day, string month, string year, string message)
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var form = await HtmlForm.LoadAsync(client, EditUrl);
        var html = await (await form.SetDate("Input.OpenDate", day, month, year).PostAsync(client, EditUrl)).Content.ReadAsStringAsync();
        html.ShouldContain($"href=\"#Input_OpenDate\">{message}</a>");
        html.ShouldContain("<title>Error: ");
    }

    [Fact]
    public async Task TwoEditsFromTheSameVersion_TheSecondGetsTheConflictMessage()
    {
        var first = _app.ClientFor(Role.LaAdministrator);
        var second = _app.ClientFor(Role.LaAdministrator);
        var firstForm = await HtmlForm.LoadAsync(first, EditUrl);
        var secondForm = await HtmlForm.LoadAsync(second, EditUrl);

        (await firstForm.Set("Input.Name", "First Edit Nursery School").PostAsync(first, EditUrl)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var response = await secondForm.Set("Input.Name", "Second Edit Nursery School").PostAsync(second, EditUrl);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("govuk-error-summary");
        html.ShouldContain("This school was changed by Alex Admin (LA administrator)");
        html.ShouldContain("Your changes have not been saved");
        var shown = HtmlForm.Parse(html);
        shown["Input.Name"].ShouldBe("First Edit Nursery School", "the form shows the current values");
        shown["Input.Version"].ShouldBe("2");
        (await NameOf(Own)).ShouldBe("First Edit Nursery School");

        // Made again on top of the current version, the change is saved.
        (await shown.Set("Input.Name", "Second Edit Nursery School").PostAsync(second, EditUrl)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await NameOf(Own)).ShouldBe("Second Edit Nursery School");
    }

    [Fact]
    public async Task Admin_AddsASchool()
    {
        var client = _app.ClientFor(Role.LaAdministrator);
        var form = await HtmlForm.LoadAsync(client, "/Schools/Create");
        form.Set("Input.Urn", "999500").Set("Input.Name", "Kestrel Fields Primary School").Set("Input.LaCode", "999")
            .Set("Input.TypeOfEstablishment", "Community school").Set("Input.PhaseOfEducation", "Primary").SetDate("Input.OpenDate", "1", "9", "2026");
        var response = await form.PostAsync(client, "/Schools/Create");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/Schools/999500");
        (await client.GetStringAsync("/Schools/999500")).ShouldContain("1 September 2026");

        var again = await (await HtmlForm.LoadAsync(client, "/Schools/Create"))
            .Set("Input.Urn", "999500").Set("Input.Name", "Copy").Set("Input.LaCode", "999").Set("Input.TypeOfEstablishment", "Community school")
            .PostAsync(client, "/Schools/Create");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("A school with URN 999500 is already on the register");
    }

    [Fact]
    public async Task CreateAndEdit_AreForAdministratorsOnly()
    {
        foreach (var role in new[] { Role.SeniorManager, Role.SchoolImprovementPartner, Role.SchoolUser, Role.Partner })
        {
            IsRefused(await _app.ClientFor(role).GetAsync("/Schools/Create")).ShouldBeTrue(role.ToString());
            IsRefused(await _app.ClientFor(role).GetAsync(EditUrl)).ShouldBeTrue(role.ToString());
        }
    }
}

public sealed class SchoolPagesTests_Sqlite() : SchoolPagesTests(DatabaseProvider.Sqlite);
public sealed class SchoolPagesTests_Postgres() : SchoolPagesTests(DatabaseProvider.Postgres);
