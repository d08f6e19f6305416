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

    [Fact]
    public async Task TheOpenApiDocument_DeclaresTheAnswerOfEachErrorKind_AndTheImportUploads()
    {
        using var document = JsonDocument.Parse(await _app.ClientFor(Role.SeniorManager).GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var (path, method) in new[]
                 {
                     ("/api/v1/programme/cases/{id}/transitions", "post"), ("/api/v1/localities/{id}", "put"), ("/api/v1/categorisation/proposals/{id}/decision", "post"),
                 })
        {
            var responses = paths.GetProperty(path).GetProperty(method).GetProperty("responses");
            foreach (var status in new[] { "400", "403", "404", "409", "422" }) responses.TryGetProperty(status, out _).ShouldBeTrue($"{method} {path} {status}");
        }
        foreach (var path in new[] { "/api/v1/imports/gias", "/api/v1/imports/pupils", "/api/v1/imports/surveys", "/api/v1/imports/{source}" })
        {
            var operation = paths.GetProperty(path).GetProperty("post");
            operation.GetProperty("requestBody").GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema")
                .GetProperty("properties").GetProperty("file").GetProperty("format").GetString().ShouldBe("binary");
            operation.GetProperty("responses").TryGetProperty("422", out _).ShouldBeTrue(path);
        }
    }
}

public sealed class RegisterOpenApiTests_Sqlite() : RegisterOpenApiTests(DatabaseProvider.Sqlite);
public sealed class RegisterOpenApiTests_Postgres() : RegisterOpenApiTests(DatabaseProvider.Postgres);
