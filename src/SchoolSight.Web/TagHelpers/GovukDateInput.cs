using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SchoolSight.Web.TagHelpers;

/// <summary>
/// The GOV.UK date input: a fieldset with Day, Month and Year boxes named <c>Field.Day</c>, <c>Field.Month</c>,
/// <c>Field.Year</c>, read back by <see cref="DateInputBinder"/>. Pages write it with
/// <c>&lt;govuk-field for="Input.VisitedOn" label="Date of visit" type="date" /&gt;</c>; a form repeated per row (which
/// needs its own ids) calls <see cref="Render"/> directly.
/// </summary>
public static class GovukDateInput
{
    public const string Example = "For example, 27 3 2026";

    /// <summary>The form group for one date. <paramref name="id"/> is the Day box's id (the error summary links there).</summary>
    public static IHtmlContent Render(string id, string name, string label, string? hint, IReadOnlyCollection<string> errors, DateInputBinder.Typed? shown)
    {
        var enc = HtmlEncoder.Default;
        var html = new System.Text.StringBuilder();
        var describedBy = $"{id}-hint" + (errors.Count > 0 ? $" {id}-error" : "");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-form-group{(errors.Count > 0 ? " govuk-form-group--error" : "")}\">");
        html.Append(CultureInfo.InvariantCulture, $"<fieldset class=\"govuk-fieldset\" role=\"group\" aria-describedby=\"{describedBy}\">");
        html.Append(CultureInfo.InvariantCulture, $"<legend class=\"govuk-fieldset__legend\">{enc.Encode(label)}</legend>");
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}-hint\" class=\"govuk-hint\">{enc.Encode(hint is null ? Example : $"{hint} {Example}")}</div>");
        if (errors.Count > 0)
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {enc.Encode(string.Join(" ", errors))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{name}.Label\" value=\"{enc.Encode(label)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"govuk-date-input\" id=\"{id}-date\">");
        Box(html, id, name + ".Day", "Day", 2, shown?.Day, errors.Count > 0);
        Box(html, id + "-month", name + ".Month", "Month", 2, shown?.Month, errors.Count > 0);
        Box(html, id + "-year", name + ".Year", "Year", 4, shown?.Year, errors.Count > 0);
        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>What to show in the boxes: what the user typed (from ModelState), or else the bound date.</summary>
    public static DateInputBinder.Typed? Shown(ModelStateEntry? entry, object? model)
    {
        if (entry?.RawValue is DateInputBinder.Typed typed) return typed;
        var value = entry?.AttemptedValue is { Length: > 0 } attempted && DateOnly.TryParse(attempted, CultureInfo.InvariantCulture, out var parsed) ? parsed : model switch
        {
            DateOnly d => d,
            _ => (DateOnly?)null,
        };
        return value is { } v ? new(v.Day.ToString(CultureInfo.InvariantCulture), v.Month.ToString(CultureInfo.InvariantCulture), v.Year.ToString(CultureInfo.InvariantCulture)) : null;
    }

    private static void Box(System.Text.StringBuilder html, string id, string name, string label, int width, string? value, bool error) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\"><label class=\"govuk-label govuk-date-input__label\" for=\"{id}\">{label}</label>"
            + $"<input class=\"govuk-input govuk-date-input__input govuk-input--width-{width}{(error ? " govuk-input--error" : "")}\" id=\"{id}\" name=\"{name}\" type=\"text\" inputmode=\"numeric\" value=\"{HtmlEncoder.Default.Encode(value ?? "")}\"></div></div>");
}
