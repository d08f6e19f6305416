using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace SchoolSight.Web.Tests.Imports;

/// <summary>Uploading a file as a browser does: multipart form, with the antiforgery token of the page it came from.</summary>
public static partial class ImportUploads
{
    public static async Task<HttpResponseMessage> UploadGiasAsync(this HttpClient client, byte[]? file, string? laCodes, bool allLas = false, string fileName = "edubasealldata.csv")
    {
        using var form = await client.GiasPageFormAsync();
        if (file is not null) form.Add(CsvContent(file), "Upload", fileName);
        if (laCodes is not null) form.Add(new StringContent(laCodes), "LaCodes");
        if (allLas) form.Add(new StringContent("true"), "AllLas");
        return await client.PostAsync("/Imports/Gias", form);
    }

    /// <summary>The GIAS import page's form with its antiforgery token, for a test to add the fields it sends.</summary>
    public static async Task<MultipartFormDataContent> GiasPageFormAsync(this HttpClient client)
    {
        var page = await client.GetStringAsync("/Imports/Gias");
        return new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
    }

    /// <summary>The API's form: 'file' and 'laCodes' or 'allLas', no antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostGiasAsync(this HttpClient client, byte[]? file, string? laCodes, bool allLas = false, (string Name, string Value)? extra = null)
    {
        using var form = new MultipartFormDataContent();
        if (extra is { } field) form.Add(new StringContent(field.Value), field.Name);
        if (file is not null) form.Add(CsvContent(file), "file", "edubasealldata.csv");
        if (laCodes is not null) form.Add(new StringContent(laCodes), "laCodes");
        if (allLas) form.Add(new StringContent("true"), "allLas");
        return await client.PostAsync("/api/v1/imports/gias", form);
    }

    public static ByteArrayContent CsvContent(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
