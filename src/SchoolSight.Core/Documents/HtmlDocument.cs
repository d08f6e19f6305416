using System.Net;
using System.Text;

namespace SchoolSight.Core.Documents;

/// <summary>
/// Builds the HTML of a printable document: encoded text only, one stylesheet for print (A4, readable type,
/// tables that repeat their headers across pages). Templates are plain C# so the CLI and the web app share them.
/// </summary>
public sealed class HtmlDocument
{
    private const string PrintCss = """
        @page { size: A4; margin: 18mm; }
        body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #0b0c0c; }
        h1 { font-size: 18pt; margin: 0 0 6pt; } h2 { font-size: 13pt; margin: 16pt 0 4pt; border-bottom: 1px solid #b1b4b6; }
        .caption { color: #505a5f; font-size: 10pt; margin: 0 0 12pt; }
        .letterhead { display: flex; justify-content: space-between; border-bottom: 3px solid #1d70b8; padding-bottom: 6pt; margin-bottom: 18pt; }
        table { width: 100%; border-collapse: collapse; margin: 6pt 0 12pt; font-size: 9.5pt; page-break-inside: auto; }
        thead { display: table-header-group; } tr { page-break-inside: avoid; }
        th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 3pt 4pt; }
        th { background: #f3f2f1; }
        dl { display: grid; grid-template-columns: 34% 66%; margin: 0 0 10pt; } dt { font-weight: bold; padding: 2pt 0; } dd { margin: 0; padding: 2pt 0; }
        .tag { font-weight: bold; } .overdue { color: #d4351c; } .met { color: #00703c; }
        .signature { margin-top: 28pt; }
        .page-break { break-after: page; }
        .chart-key { list-style: none; padding: 0; margin: 0 0 8pt; font-size: 9.5pt; } .chart-key li { display: inline-block; margin-right: 12pt; }
        .swatch { display: inline-block; width: 9pt; height: 9pt; margin-right: 4pt; vertical-align: middle; }
        .small-multiples { display: grid; grid-template-columns: repeat(2, 1fr); gap: 6pt 18pt; } .small-multiple { break-inside: avoid; }
        .small-multiple h3 { margin: 6pt 0 2pt; font-size: 11pt; } .small-multiple table { font-size: 8pt; } .small-multiple td, .small-multiple th { padding: 1pt 3pt; }
        footer { margin-top: 20pt; font-size: 8.5pt; color: #505a5f; }
        """;

    private readonly StringBuilder _body = new();

    public HtmlDocument(string title) => Title = title;

    public string Title { get; }

    /// <summary>Prints across the page (A4 landscape), for wide tables such as the risk register.</summary>
    public bool Landscape { get; init; }

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public HtmlDocument Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    public HtmlDocument Heading(string text, int level = 2) => Raw($"<h{level}>{E(text)}</h{level}>");

    public HtmlDocument Caption(string text) => Raw($"<p class=\"caption\">{E(text)}</p>");

    /// <summary>Paragraphs from text: a blank line starts a new paragraph, a single line break is kept.</summary>
    public HtmlDocument Paragraphs(string? text)
    {
        foreach (var para in (text ?? "").Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            _body.Append("<p>").Append(E(para).Replace("\n", "<br>")).Append("</p>");
        return this;
    }

    public HtmlDocument Summary(params (string Key, string? Value)[] rows)
    {
        _body.Append("<dl>");
        foreach (var (key, value) in rows) _body.Append($"<dt>{E(key)}</dt><dd>{E(string.IsNullOrWhiteSpace(value) ? "Not recorded" : value).Replace("\n", "<br>")}</dd>");
        _body.Append("</dl>");
        return this;
    }

    public HtmlDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        _body.Append("<table><thead><tr>");
        foreach (var h in headers) _body.Append($"<th scope=\"col\">{E(h)}</th>");
        _body.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            _body.Append("<tr>");
            foreach (var cell in row) _body.Append($"<td>{E(cell)}</td>");
            _body.Append("</tr>");
        }
        if (!any) _body.Append($"<tr><td colspan=\"{headers.Count}\">None.</td></tr>");
        _body.Append("</tbody></table>");
        return this;
    }

    public override string ToString() =>
        $"<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{E(Title)}</title><style>{PrintCss}{(Landscape ? "@page { size: A4 landscape; }" : "")}</style></head><body>{_body}</body></html>";
}
