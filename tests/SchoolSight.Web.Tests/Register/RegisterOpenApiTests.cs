using System.Net;
using System.Text.Json;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Register;

public abstract class RegisterOpenApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    private SchoolSightWebFactory _app = null!;

    public async Task InitializeAsync() => _app = await SchoolSightWebFactory.CreateAsync(provider);
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheOpenApiDocument_NamesEveryRegisterOperation_WithEnumsByName()
    {
        var response = await _app.ClientFor(Role.SeniorManager).GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(json);
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("operationId", out _)).Select(o => o.Value.GetProperty("operationId").GetString()))
            .ToList();
        foreach (var name in new[]
                 {
                     "ListSchools", "GetSchool", "CreateSchool", "EditSchool", "ListLocalities", "GetLocality", "CreateLocality", "EditLocality",
                     "ListClusters", "GetCluster", "CreateCluster", "EditCluster", "ListPartners", "GetPartner", "CreatePartner", "EditPartner",
                 })
            operations.ShouldContain(name);
        json.ShouldContain("\"OpenButProposedToClose\"");
        json.ShouldContain("\"LearningCommunity\"");
    }
}

public sealed class RegisterOpenApiTests_Sqlite() : RegisterOpenApiTests(DatabaseProvider.Sqlite);
public sealed class RegisterOpenApiTests_Postgres() : RegisterOpenApiTests(DatabaseProvider.Postgres);
