using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Web;

/// <summary>
/// Small charts drawn on the server as inline SVG, so they work without JavaScript. Each is an image with a text
/// alternative that says what it shows; the table beside it stays the source of truth.
/// </summary>
public static class SvgCharts
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;
    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A three-year trend line: shown years as points joined by a line; suppressed or missing years are gaps.</summary>
    /// <remarks>The LA ranking draws one for each of its schools, so it is written straight into one buffer.</remarks>
    public static IHtmlContent Sparkline(IReadOnlyList<TrendPoint> trend, IndicatorDefinition indicator, int width = 120, int height = 36)
    {
        var text = new StringBuilder("Trend: ");
        double min = double.MaxValue, max = double.MinValue;
        var known = 0;
        for (var i = 0; i < trend.Count; i++)
        {
            if (i > 0) text.Append(", ");
            text.Append(AcademicYears.Display(trend[i].AcademicYear)).Append(' ').Append(IndicatorFormat.Value(trend[i].Figure, indicator));
            if (trend[i].Figure.Value is not { } v) continue;
            (known, min, max) = (known + 1, Math.Min(min, v), Math.Max(max, v));
        }
        var label = Encoder.Encode(text.ToString());
        var sb = new StringBuilder(300 + 2 * label.Length);
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"ss-sparkline\" role=\"img\" aria-label=\"{label}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\"><title>{label}</title>");
        if (known > 0)
        {
            if (max - min < 1e-9) { min -= 1; max += 1; }
            double X(int i) => 6 + i * (width - 12.0) / Math.Max(1, trend.Count - 1);
            double Y(double v) => height - 6 - (v - min) / (max - min) * (height - 12);
            if (known > 1)
            {
                sb.Append("<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\" points=\"");
                var first = true;
                for (var i = 0; i < trend.Count; i++)
                {
                    if (trend[i].Figure.Value is not { } v) continue;
                    if (!first) sb.Append(' ');
                    first = false;
                    sb.Append(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(v):0.#}");
                }
                sb.Append("\"/>");
            }
            for (var i = 0; i < trend.Count; i++)
                if (trend[i].Figure.Value is { } v)
                    sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"3\" fill=\"#1d70b8\"/>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>
    /// The distribution of schools on one indicator: one dot per school along the value axis, with the area and England
    /// as marked lines.
    /// </summary>
    public static IHtmlContent Strip(IReadOnlyList<double> values, IReadOnlyList<(string Label, double? Value, string Colour)> markers, IndicatorDefinition indicator, string description)
    {
        const int width = 640, height = 150, left = 20, right = 20;
        var all = values.Concat(markers.Where(m => m.Value is not null).Select(m => m.Value!.Value)).ToList();
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"ss-strip\" role=\"img\" aria-label=\"{Encoder.Encode(description)}\" width=\"100%\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\"><title>{Encoder.Encode(description)}</title>");
        if (all.Count > 0)
        {
            var (min, max) = AxisRange(all, indicator.Unit);
            double X(double v) => left + (v - min) / (max - min) * (width - left - right);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"100\" x2=\"{width - right}\" y2=\"100\" stroke=\"#505a5f\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left}\" y=\"118\" font-size=\"12\" fill=\"#0b0c0c\">{Encoder.Encode(IndicatorFormat.Number(min, indicator))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right}\" y=\"118\" font-size=\"12\" text-anchor=\"end\" fill=\"#0b0c0c\">{Encoder.Encode(IndicatorFormat.Number(max, indicator))}</text>");
            for (var i = 0; i < values.Count; i++)
            {
                var y = 88 - (i % 5) * 12;
                sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(values[i]))}\" cy=\"{y}\" r=\"5\" fill=\"#1d70b8\" fill-opacity=\"0.7\"/>");
            }
            var row = 0;
            foreach (var (label, value, colour) in markers)
            {
                if (value is not { } v) continue;
                var x = X(v);
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"20\" x2=\"{F(x)}\" y2=\"104\" stroke=\"{colour}\" stroke-width=\"3\" stroke-dasharray=\"6 3\"/>");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{136 + row * 12}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{colour}\">{Encoder.Encode($"{label} {IndicatorFormat.Number(v, indicator)}")}</text>");
                row = (row + 1) % 2;
            }
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>
    /// Where a value axis starts and ends for the unit: a percentage from 0 to 100; percentage points and scores always
    /// include zero (a gap, a progress score or an average is read against it), padded a little beyond the values.
    /// </summary>
    public static (double Min, double Max) AxisRange(IReadOnlyCollection<double> values, IndicatorUnit unit)
    {
        if (unit == IndicatorUnit.Percent) return (0, Math.Max(100, values.DefaultIfEmpty(0).Max()));
        var min = Math.Min(0, values.DefaultIfEmpty(0).Min());
        var max = Math.Max(0, values.DefaultIfEmpty(0).Max());
        var pad = Math.Max((max - min) * 0.05, 0.5);
        var (from, to) = (min < 0 ? min - pad : 0, max > 0 ? max + pad : 0);
        return to - from < 1e-9 ? (from, from + 1) : (from, to);
    }

    /// <summary>Horizontal bars, one per labelled figure (the breakdown by pupil group); suppressed figures get no bar.</summary>
    public static IHtmlContent Bars(IReadOnlyList<(string Label, FigureView Figure)> bars, IndicatorDefinition indicator, string description)
    {
        const int width = 640, labelWidth = 230, barHeight = 18, gap = 8;
        var height = bars.Count * (barHeight + gap) + gap;
        var values = bars.Where(b => b.Figure.Value is not null).Select(b => b.Figure.Value!.Value).ToList();
        var max = indicator.IsPercent ? 100 : Math.Max(1e-9, values.Count > 0 ? values.Max(Math.Abs) : 1);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"ss-bars\" role=\"img\" aria-label=\"{Encoder.Encode(description)}\" width=\"100%\" viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMinYMin meet\"><title>{Encoder.Encode(description)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, figure) = bars[i];
            var y = gap + i * (barHeight + gap);
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\" font-size=\"13\" fill=\"#0b0c0c\">{Encoder.Encode(label)}</text>");
            var length = figure.Value is { } v ? Math.Abs(v) / max * (width - labelWidth - 70) : 0;
            if (figure.Value is not null)
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{F(length)}\" height=\"{barHeight}\" fill=\"#1d70b8\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(labelWidth + length + 6)}\" y=\"{y + 13}\" font-size=\"13\" fill=\"#0b0c0c\">{Encoder.Encode(IndicatorFormat.Value(figure, indicator))}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
