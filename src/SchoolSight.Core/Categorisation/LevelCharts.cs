using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SchoolSight.Core.Documents;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// The levels of support over time as a small multiple per area: one stacked column a month (intensive at the bottom,
/// then targeted, universal, not agreed), every area on the same scale so they compare at a glance. Inline SVG drawn on
/// the server, for the pages and the PDFs alike; each is an image whose text alternative gives the first and last
/// month's counts, and the table under it has every figure.
/// </summary>
public static class LevelCharts
{
    public static readonly IReadOnlyList<(string Name, string Colour)> Legend =
        [("Intensive", "#d4351c"), ("Targeted", "#f47738"), ("Universal", "#00703c"), ("Not agreed yet", "#b1b4b6")];

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Month(DateOnly day) => day.ToString("MMM yyyy", Uk);

    public static string Describe(AreaLevels area) =>
        area.Tallies.Count == 0 ? $"{area.Name}: no schools" :
        $"{area.Name}, schools by level of support: {Counts(area.Tallies[0])} at the end of {Month(area.Tallies[0].Day)}; {Counts(area.Tallies[^1])} on {area.Tallies[^1].Day.ToString("d MMMM yyyy", Uk)}";

    private static string Counts(LevelTally t) => $"{t.Intensive} intensive, {t.Targeted} targeted, {t.Universal} universal, {t.NotAgreed} not agreed";

    /// <summary>One area's chart; <paramref name="scale"/> is the largest total of any area, so all share the axis.</summary>
    public static string Svg(AreaLevels area, int scale)
    {
        const int width = 320, height = 170, left = 30, bottom = 24, top = 8;
        var enc = HtmlEncoder.Default;
        var label = enc.Encode(Describe(area));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"ss-level-chart\" role=\"img\" aria-label=\"{label}\" width=\"100%\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\"><title>{label}</title>");
        var max = Math.Max(1, scale);
        var plot = height - bottom - top;
        double Y(int v) => height - bottom - (double)v / max * plot;
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width}\" y2=\"{height - bottom}\" stroke=\"#505a5f\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{F(Y(max) + 10)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{max}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{height - bottom}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">0</text>");
        var n = Math.Max(1, area.Tallies.Count);
        var slot = (width - left) / (double)n;
        for (var i = 0; i < area.Tallies.Count; i++)
        {
            var t = area.Tallies[i];
            var x = left + i * slot + slot * 0.15;
            var below = 0;
            foreach (var (count, colour) in new[] { (t.Intensive, Legend[0].Colour), (t.Targeted, Legend[1].Colour), (t.Universal, Legend[2].Colour), (t.NotAgreed, Legend[3].Colour) })
            {
                if (count == 0) continue;
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(Y(below + count))}\" width=\"{F(slot * 0.7)}\" height=\"{F(Y(below) - Y(below + count))}\" fill=\"{colour}\"/>");
                below += count;
            }
        }
        if (area.Tallies.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{height - 6}\" font-size=\"11\" fill=\"#0b0c0c\">{Month(area.Tallies[0].Day)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width}\" y=\"{height - 6}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{Month(area.Tallies[^1].Day)}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>
    /// The same charts in a printable document, as the pages show them: a key, then per area its chart above its table of
    /// every month's counts, all on one scale.
    /// </summary>
    public static HtmlDocument AddTo(HtmlDocument doc, IReadOnlyList<AreaLevels> areas)
    {
        var scale = Scale(areas);
        doc.Heading("Levels of support over the last 12 months")
            .Caption("Schools at each level at the end of each month, by locality, all on the same scale.")
            .Raw("<ul class=\"chart-key\">" + string.Concat(Legend.Select(l => $"<li><span class=\"swatch\" style=\"background:{l.Colour}\"></span>{HtmlDocument.E(l.Name)}</li>")) + "</ul>")
            .Raw("<div class=\"small-multiples\">");
        foreach (var area in areas)
        {
            doc.Raw($"<div class=\"small-multiple\"><h3>{HtmlDocument.E(area.Name)}</h3>").Raw(Svg(area, scale))
                .Table(["Month", .. Legend.Select(l => l.Name)], area.Tallies.Select(t => (IReadOnlyList<string?>)
                    [Month(t.Day), .. new[] { t.Intensive, t.Targeted, t.Universal, t.NotAgreed }.Select(n => n.ToString(CultureInfo.InvariantCulture))]))
                .Raw("</div>");
        }
        return doc.Raw("</div>");
    }

    /// <summary>The largest number of schools any area has on any day: the shared top of every chart's axis.</summary>
    public static int Scale(IReadOnlyList<AreaLevels> areas) => areas.SelectMany(a => a.Tallies).Select(t => t.Total).DefaultIfEmpty(1).Max();
}
