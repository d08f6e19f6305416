using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SchoolSight.Web;

/// <summary>
/// The page title, written once by the layout: "Check the file – SchoolSight", with "Error: " in front on every page
/// that shows errors (ModelState errors, or a page or partial that set <see cref="HasErrors"/> in HttpContext.Items).
/// </summary>
public static class PageTitles
{
    public const string HasErrors = "SchoolSight.PageHasErrors";

    public static string For(object? title, ModelStateDictionary modelState, HttpContext context)
    {
        var text = title is string t ? $"{t} – SchoolSight" : "SchoolSight";
        return modelState.ErrorCount > 0 || context.Items.ContainsKey(HasErrors) ? "Error: " + text : text;
    }
}
