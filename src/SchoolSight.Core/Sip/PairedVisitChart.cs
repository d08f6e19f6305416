using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>
/// A SIP's paired-visit grades over time: one line for each aspect across the paired visits in date order (overall effectiveness on top), grade 1
/// (outstanding) at the top and 4 at the bottom, with its key inside the picture. Inline SVG drawn on the server; the
/// image's text alternative gives the overall effectiveness grades, and the table beside it has every grade.
/// </summary>
public static class PairedVisitChart
{
    public static readonly IReadOnlyList<(PairedVisitAspect Aspect, string Colour)> Lines =
    [
        (PairedVisitAspect.OverallEffectiveness, "#0b0c0c"), (PairedVisitAspect.Challenge, "#1d70b8"), (PairedVisitAspect.TargetSetting, "#00703c"),
        (PairedVisitAspect.BrokeringSupport, "#d4351c"), (PairedVisitAspect.Report, "#912b88"),
    ];

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Describe(string sipName, IReadOnlyList<PairedVisitGrades> visits) =>
        visits.Count == 0 ? $"{sipName}: no paired visits yet" :
        $"{sipName}, overall effectiveness at each paired visit: " + string.Join("; ", visits.Select(v =>
            $"{v.VisitedOn.ToString("d MMMM yyyy", Uk)} {(v.Grades.GetValueOrDefault(PairedVisitAspect.OverallEffectiveness) is { } g ? $"grade {(int)g}" : "not graded")}"));

    public static string Svg(string sipName, IReadOnlyList<PairedVisitGrades> visits)
    {
        const int width = 360, left = 28, right = 12, top = 10, plot = 120, bottom = 24, keyLine = 14;
        var height = top + plot + bottom + Lines.Count * keyLine + 6;
        var label = HtmlEncoder.Default.Encode(Describe(sipName, visits));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"ss-level-chart\" role=\"img\" aria-label=\"{label}\" width=\"100%\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\"><title>{label}</title>");
        double Y(int grade) => top + (grade - 1) / 3.0 * plot;
        for (var grade = 1; grade <= 4; grade++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{F(Y(grade))}\" x2=\"{width - right}\" y2=\"{F(Y(grade))}\" stroke=\"#b1b4b6\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{F(Y(grade) + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{grade}</text>");
        }
        var n = visits.Count;
        double X(int i) => n <= 1 ? left + (width - left - right) / 2.0 : left + 8 + i * (width - left - right - 16) / (double)(n - 1);
        foreach (var (aspect, colour) in Lines.Reverse()) // overall effectiveness drawn last, on top
        {
            var points = visits.Select((v, i) => (X: X(i), Grade: v.Grades.GetValueOrDefault(aspect))).Where(p => p.Grade is not null).ToList();
            if (points.Count > 1)
                sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points.Select(p => $"{F(p.X)},{F(Y((int)p.Grade!))}"))}\"/>");
            foreach (var p in points)
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(p.X)}\" cy=\"{F(Y((int)p.Grade!))}\" r=\"3.5\" fill=\"{colour}\"/>");
        }
        if (n > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"{top + plot + 18}\" font-size=\"11\" fill=\"#0b0c0c\">{visits[0].VisitedOn.ToString("MMM yyyy", Uk)}</text>");
            if (n > 1) sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right}\" y=\"{top + plot + 18}\" font-size=\"11\" text-anchor=\"end\" fill=\"#0b0c0c\">{visits[^1].VisitedOn.ToString("MMM yyyy", Uk)}</text>");
        }
        for (var k = 0; k < Lines.Count; k++)
        {
            var y = top + plot + bottom + k * keyLine + 8;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{y - 8}\" width=\"10\" height=\"10\" fill=\"{Lines[k].Colour}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 16}\" y=\"{y + 1}\" font-size=\"11\" fill=\"#0b0c0c\">{HtmlEncoder.Default.Encode(Lines[k].Aspect.Describe())}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}
