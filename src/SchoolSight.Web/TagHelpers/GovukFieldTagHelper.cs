using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SchoolSight.Web.TagHelpers;

/// <summary>
/// A GOV.UK form group for one bound field: label, hint, error message and the input itself, with the error
/// styles when ModelState has an error for it. Usage:
/// <c>&lt;govuk-field for="Input.Name" label="School name" hint="As on GIAS" /&gt;</c>,
/// <c>type="number|email|date|textarea|select|password"</c> (<c>date</c> is the GOV.UK date input, see <see cref="GovukDateInput"/>), <c>items</c> for a select, <c>width="10"</c> for a narrow input.
/// </summary>
[HtmlTargetElement("govuk-field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovukFieldTagHelper : TagHelper
{
    [HtmlAttributeName("for")] public required ModelExpression For { get; set; }
    [HtmlAttributeName("label")] public string? Label { get; set; }
    [HtmlAttributeName("hint")] public string? Hint { get; set; }
    [HtmlAttributeName("type")] public string Type { get; set; } = "text";
    [HtmlAttributeName("items")] public IEnumerable<SelectListItem>? Items { get; set; }
    [HtmlAttributeName("width")] public int? Width { get; set; }
    [HtmlAttributeName("autocomplete")] public string? Autocomplete { get; set; }
    [HtmlAttributeName("label-class")] public string? LabelClass { get; set; }

    [ViewContext, HtmlAttributeNotBound] public required ViewContext ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = FieldIds.For(name);
        var enc = HtmlEncoder.Default;
        var errors = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToList() : [];
        var attempted = entry?.AttemptedValue;
        var value = attempted ?? FormatValue(For.Model);
        var describedBy = new List<string>();

        if (Type == "date")
        {
            output.TagName = null;
            output.Content.SetHtmlContent(GovukDateInput.Render(id, name, Label ?? For.Metadata.DisplayName ?? name, Hint, errors, GovukDateInput.Shown(entry, For.Model)));
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");

        var html = new System.Text.StringBuilder();
        html.Append($"<label class=\"govuk-label {LabelClass}\" for=\"{id}\">{enc.Encode(Label ?? For.Metadata.DisplayName ?? name)}</label>");
        if (Hint is not null)
        {
            html.Append($"<div id=\"{id}-hint\" class=\"govuk-hint\">{enc.Encode(Hint)}</div>");
            describedBy.Add($"{id}-hint");
        }
        if (errors.Count > 0)
        {
            html.Append($"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {enc.Encode(string.Join(" ", errors))}</p>");
            describedBy.Add($"{id}-error");
        }
        var aria = describedBy.Count > 0 ? $" aria-describedby=\"{string.Join(' ', describedBy)}\"" : "";
        var auto = Autocomplete is null ? "" : $" autocomplete=\"{enc.Encode(Autocomplete)}\"";
        var errorClass = errors.Count > 0 ? " govuk-input--error" : "";
        var widthClass = Width is { } w ? $" govuk-input--width-{w}" : "";

        switch (Type)
        {
            case "textarea":
                html.Append($"<textarea class=\"govuk-textarea{(errors.Count > 0 ? " govuk-textarea--error" : "")}\" id=\"{id}\" name=\"{name}\" rows=\"5\"{aria}>{enc.Encode(value ?? "")}</textarea>");
                break;
            case "select":
                html.Append($"<select class=\"govuk-select{(errors.Count > 0 ? " govuk-select--error" : "")}\" id=\"{id}\" name=\"{name}\"{aria}>");
                foreach (var item in Items ?? [])
                {
                    var selected = string.Equals(item.Value, value, StringComparison.Ordinal) || (value is null && item.Selected);
                    html.Append($"<option value=\"{enc.Encode(item.Value ?? "")}\"{(selected ? " selected" : "")}>{enc.Encode(item.Text)}</option>");
                }
                html.Append("</select>");
                break;
            default:
                var inputType = Type is "number" ? "text" : Type;
                var mode = Type is "number" ? " inputmode=\"decimal\" spellcheck=\"false\"" : "";
                var shownValue = Type == "password" ? "" : value;
                html.Append($"<input class=\"govuk-input{widthClass}{errorClass}\" id=\"{id}\" name=\"{name}\" type=\"{inputType}\" value=\"{enc.Encode(shownValue ?? "")}\"{mode}{auto}{aria}>");
                break;
        }
        output.Content.SetHtmlContent(html.ToString());
    }

    private static string? FormatValue(object? model) => model switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        decimal x => x.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => model.ToString(),
    };
}
