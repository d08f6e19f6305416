using System.Text.RegularExpressions;

namespace SchoolSight.TestSupport;

/// <summary>Posting a Razor Pages form as a browser would: fetch the page, take its antiforgery token, post the fields.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields, string? getUrl = null)
    {
        var page = await client.GetStringAsync(getUrl ?? url);
        var token = Token().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {getUrl ?? url}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token.Groups[1].Value };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token of a page's form, for posts that are not plain forms (file uploads).</summary>
    public static string AntiforgeryToken(string page) =>
        Token().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No antiforgery token on the page");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
