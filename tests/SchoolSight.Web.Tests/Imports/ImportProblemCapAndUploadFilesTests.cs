using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.TestSupport;

namespace SchoolSight.Web.Tests.Imports;

/// <summary>
/// A wrong file of many thousands of bad rows through the page and the API: 1,000 problems listed and "and N more
/// problems" said. Uploads are buffered in the imports' private folder, which the app sweeps when it starts.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public abstract partial class ImportProblemCapAndUploadFilesTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int BadRows = 12_000;
    private SchoolSightWebFactory _app = null!;
    private WebApplicationFactory<Program> _private = null!;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"schoolsight-tmp-webtest-{Guid.NewGuid():N}");
    private string _leftover = "";

    public async Task InitializeAsync()
    {
        _app = await SchoolSightWebFactory.CreateAsync(provider);
        Directory.CreateDirectory(_folder);
        _leftover = Path.Combine(_folder, "schoolsight-blocks-crashed.tmp");
        await File.WriteAllTextAsync(_leftover, "P999001-00001");
        _private = _app.WithWebHostBuilder(b => b.UseSetting("Imports:TempFolder", _folder));
    }

    public async Task DisposeAsync()
    {
        await _private.DisposeAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private HttpClient Admin()
    {
        var client = _private.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SchoolSightWebFactory.TestUserHeader, "admin@demo-borough.example");
        client.DefaultRequestHeaders.Add(SchoolSight.Web.Api.ApiRequestHeader.Name, SchoolSight.Web.Api.ApiRequestHeader.Value);
        return client;
    }

    /// <summary>A census file whose every row has a URN that is not one: well over 64 KB, so the upload is buffered on disk.</summary>
    private static byte[] WrongCensusFile() =>
        Encoding.UTF8.GetBytes("URN,LA,Estab,NOR,PNUMFSMEVER\r\n" + string.Concat(Enumerable.Repeat("not-a-urn,999,1001,150,20\r\n", BadRows)));

    [Fact]
    public async Task TheAppSweepsLeftovers_AndAWrongFileShowsAThousandProblemsAndHowManyMore_OnThePageAndInTheApi()
    {
        var client = Admin();
        var page = await client.GetStringAsync("/Imports/Published");
        File.Exists(_leftover).ShouldBeFalse();
        File.GetUnixFileMode(_folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        UnixFileMode? bufferMode = null;
        using (var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } })
        {
            form.Add(new StringContent("census"), "Source");
            form.Add(new StringContent("2021/22"), "AcademicYear");
            form.Add(new WatchedContent(WrongCensusFile(), () => bufferMode = FirstFileMode()), "Upload", "census.csv");
            var html = await (await client.PostAsync("/Imports/Published", form)).Content.ReadAsStringAsync();
            html.ShouldContain($"{BadRows:N0} problems");
            Regex.Matches(html, "<td class=\"govuk-table__cell govuk-table__cell--numeric\">").Count.ShouldBe(1000);
            WebUtility.HtmlDecode(html).ShouldContain($"… and {BadRows - 1000:N0} more problems");
        }
        bufferMode.ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);

        using (var form = new MultipartFormDataContent { { new StringContent("2021/22"), "academicYear" } })
        {
            form.Add(Csv(WrongCensusFile()), "file", "census.csv");
            var response = await client.PostAsync("/api/v1/imports/census", form);
            response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            json.RootElement.GetProperty("errors").GetArrayLength().ShouldBe(1000);
            json.RootElement.GetProperty("errorCount").GetInt32().ShouldBe(BadRows);
            json.RootElement.GetProperty("moreErrors").GetString()!.ShouldContain($"and {BadRows - 1000:N0} more problems");
            json.RootElement.GetProperty("detail").GetString()!.ShouldContain($"and {BadRows - 1000:N0} more problems");
        }

        // The server deletes an upload's buffer as the request ends, which may be just after the client has the answer.
        for (var wait = 0; wait < 50 && Directory.GetFiles(_folder).Length > 0; wait++) await Task.Delay(100);
        Directory.GetFiles(_folder).ShouldBeEmpty();
    }

    /// <summary>The mode of the first file in the folder, waiting a little for the upload buffer to appear.</summary>
    private UnixFileMode? FirstFileMode()
    {
        for (var tries = 0; tries < 100; tries++)
        {
            if (Directory.GetFiles(_folder).FirstOrDefault() is { } file) return File.GetUnixFileMode(file);
            Thread.Sleep(50);
        }
        return null;
    }

    private static ByteArrayContent Csv(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    /// <summary>An upload that, halfway through sending, lets the test look at the server's side.</summary>
    private sealed class WatchedContent(byte[] bytes, Action halfway) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            await Task.Run(halfway);
            await stream.WriteAsync(bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ImportProblemCapAndUploadFilesTests_Sqlite() : ImportProblemCapAndUploadFilesTests(DatabaseProvider.Sqlite);
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ImportProblemCapAndUploadFilesTests_Postgres() : ImportProblemCapAndUploadFilesTests(DatabaseProvider.Postgres);
