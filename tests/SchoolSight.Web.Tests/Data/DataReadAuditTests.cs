using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSight.Core.Auditing;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Auditing;

namespace SchoolSight.Web.Tests.Data;

/// <summary>Every read of unsuppressed pupil-level figures is audited (who, which school, through which page, API call or export); suppressed reads are not.</summary>
public abstract partial class DataPagesTests
{
    [Fact]
    public async Task ReadingUnsuppressedFigures_OnAPage_ThroughTheApi_OrAsAnExport_IsAudited()
    {
        var officer = App.ClientFor("mi@demo-borough.example");
        var before = await LastAuditIdAsync();
        (await officer.GetAsync($"/Schools/{Primary}/Data?year=2024")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync($"/api/v1/schools/{Primary}/indicators?year=2024")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync($"/Schools/{Primary}/Data?year=2024&format=csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync("/Data/La?indicator=KS2_RWM_EXP&year=2024")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var reads = await ReadsSinceAsync(before);
        reads.Count.ShouldBe(4);
        reads.ShouldAllBe(r => r.UserName == "mi@demo-borough.example" && r.Action == AuditAction.Read);
        reads.Take(3).ShouldAllBe(r => r.EntityType == PupilLevelReads.SchoolFigures && r.SchoolUrn == Primary);
        reads[0].Changes!.ShouldContain($"GET /Schools/{Primary}/Data\"");
        reads[0].Changes!.ShouldContain("All indicators, 2024/25");
        reads[1].Changes!.ShouldContain($"GET /api/v1/schools/{Primary}/indicators");
        reads[2].Changes!.ShouldContain($"GET /Schools/{Primary}/Data (export csv)");
        reads[3].EntityType.ShouldBe(PupilLevelReads.AreaFigures);
        reads[3].SchoolUrn.ShouldBeNull();
        reads[3].Changes!.ShouldContain("GET /Data/La");

        var audit = await App.ClientFor(Role.LaAdministrator).GetStringAsync($"/Audit?Action=Read&School={Primary}");
        audit.ShouldContain("SchoolIndicators");
        audit.ShouldContain($"Via: GET /Schools/{Primary}/Data (export csv)");
    }

    [Fact]
    public async Task ReadingSuppressedFigures_IsNotAudited()
    {
        var before = await LastAuditIdAsync();
        (await App.ClientFor(Role.Governor).GetAsync($"/Schools/{Nursery}/Data")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Officer.GetAsync($"/Schools/{Primary}/Data?publication=true&format=csv")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Officer.GetAsync($"/api/v1/schools/{Primary}/indicators?publication=true")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.ClientFor(Role.SchoolImprovementPartner).GetAsync("/Data/La?indicator=KS2_RWM_EXP")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ReadsSinceAsync(before)).ShouldBeEmpty();

        // The head reads its own school's unsuppressed figures: audited against that school.
        (await App.ClientFor(Role.SchoolUser).GetAsync($"/Schools/{Nursery}/Data/EY_GLD")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ReadsSinceAsync(before)).Single().SchoolUrn.ShouldBe(Nursery);
    }

    [Fact]
    public async Task ManyReadsAtOnce_AreEachAudited_WithWhoSchoolAndPage()
    {
        var officer = App.ClientFor("mi@demo-borough.example");
        var before = await LastAuditIdAsync();
        const int each = 8;
        var pages = Enumerable.Range(0, each).SelectMany(_ => new[] { $"/Schools/{Primary}/Data?year=2024", $"/api/v1/schools/{Primary}/indicators?year=2024" });
        var answers = await Task.WhenAll(pages.Select(page => officer.GetAsync(page)));
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);

        var reads = (await ReadsSinceAsync(before)).Where(r => r.UserName == "mi@demo-borough.example").ToList();
        reads.Count.ShouldBe(2 * each);
        reads.ShouldAllBe(r => r.EntityType == PupilLevelReads.SchoolFigures && r.SchoolUrn == Primary && r.UserId != null);
        reads.Count(r => r.Changes!.Contains($"GET /Schools/{Primary}/Data\"")).ShouldBe(each);
        reads.Count(r => r.Changes!.Contains($"GET /api/v1/schools/{Primary}/indicators")).ShouldBe(each);
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = Context();
        return await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    private async Task<List<AuditEntry>> ReadsSinceAsync(long id)
    {
        await using var db = Context();
        return await db.AuditEntries.Where(a => a.Id > id && a.Action == AuditAction.Read).OrderBy(a => a.Id).ToListAsync();
    }

    private AppDbContext Context() => App.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();
}
