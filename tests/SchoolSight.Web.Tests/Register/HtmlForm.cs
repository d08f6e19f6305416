using System.Net;
using System.Text.RegularExpressions;

namespace SchoolSight.Web.Tests.Register;

/// <summary>
/// The main post form of a page as a browser would submit it: every input, select, textarea and ticked checkbox
/// with its current value, including the antiforgery token. Tests change a few fields and post it back.
/// </summary>
public sealed partial class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> _fields;

    private HtmlForm(List<KeyValuePair<string, string>> fields) => _fields = fields;

    public static async Task<HtmlForm> LoadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}");
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The first post form that is not the sign-out form in the page header.</summary>
    public static HtmlForm Parse(string html)
    {
        var form = FormElement().Matches(html).Select(m => m.Value).First(f => !f.Contains("/Account/SignOut", StringComparison.Ordinal));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match tag in Control().Matches(form))
        {
            var attributes = Attributes(tag.Groups["attrs"].Value);
            if (!attributes.TryGetValue("name", out var name)) continue;
            switch (tag.Groups["tag"].Value)
            {
                case "input":
                    var type = attributes.GetValueOrDefault("type", "text");
                    if (type is "checkbox" or "radio" && !attributes.ContainsKey("checked")) continue;
                    if (type is "submit" or "button") continue;
                    fields.Add(new(name, attributes.GetValueOrDefault("value", "")));
                    break;
                case "select":
                    var selected = SelectedOption().Match(tag.Groups["body"].Value);
                    fields.Add(new(name, selected.Success ? WebUtility.HtmlDecode(selected.Groups[1].Value) : ""));
                    break;
                case "textarea":
                    fields.Add(new(name, WebUtility.HtmlDecode(tag.Groups["body"].Value)));
                    break;
            }
        }
        return new HtmlForm(fields);
    }

    public string? this[string name] => _fields.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault();

    public IReadOnlyList<string> All(string name) => _fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    /// <summary>Replaces every value of the field (or adds it).</summary>
    /// <summary>Types into a GOV.UK date input's Day, Month and Year boxes, as a user would.</summary>
    public HtmlForm SetDate(string name, string day, string month, string year) =>
        Set(name + ".Day", day).Set(name + ".Month", month).Set(name + ".Year", year);

    public HtmlForm Set(string name, params string[] values)
    {
        _fields.RemoveAll(f => f.Key == name);
        _fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public Task<HttpResponseMessage> PostAsync(HttpClient client, string url) => client.PostAsync(url, new FormUrlEncodedContent(_fields));

    private static Dictionary<string, string> Attributes(string text) =>
        Attribute().Matches(text).GroupBy(m => m.Groups[1].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Success ? g.First().Groups[2].Value : ""));

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex("<(?<tag>input)(?<attrs>[^>]*)>|<(?<tag>select|textarea)(?<attrs>[^>]*)>(?<body>.*?)</\\k<tag>>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Control();

    [GeneratedRegex("([\\w:-]+)(?:=\"([^\"]*)\")?")]
    private static partial Regex Attribute();

    [GeneratedRegex("<option[^>]*value=\"([^\"]*)\"[^>]*\\sselected", RegexOptions.IgnoreCase)]
    private static partial Regex SelectedOption();
}
