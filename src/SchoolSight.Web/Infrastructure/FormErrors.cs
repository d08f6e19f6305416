using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using SchoolSight.Domain;

namespace SchoolSight.Web;

/// <summary>Puts the errors of a Core operation, and of model binding, into ModelState in the GOV.UK style.</summary>
public static class FormErrors
{
    /// <summary>
    /// Adds each error under "Input.Field" so the error summary links to the field and the field shows it; an error
    /// with no field (a conflict, say) goes under the empty key and shows in the summary only.
    /// </summary>
    public static void AddOperationErrors(this ModelStateDictionary modelState, IEnumerable<DomainError> errors, string prefix = "Input")
    {
        foreach (var error in errors)
            modelState.AddModelError(string.IsNullOrEmpty(error.Field) ? "" : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", error.Message);
    }

    /// <summary>
    /// Replaces MVC's binding messages ("The value 'abc' is not valid for NumberOfPupils.") with GOV.UK ones that name
    /// the field as its label does. Call at the start of a POST handler, before any other error is added.
    /// </summary>
    public static void UseGovukBindingMessages(this ModelStateDictionary modelState, Type inputType, string prefix = "Input")
    {
        foreach (var (key, entry) in modelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList())
        {
            if (entry!.RawValue is DateInputBinder.Typed) continue; // the date input's own GOV.UK message
            var name = key.StartsWith(prefix + ".", StringComparison.Ordinal) ? key[(prefix.Length + 1)..] : key;
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0) name = name[..bracket];
            var property = inputType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property is null) continue;
            var label = property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? name;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var message = type switch
            {
                _ when type == typeof(int) => $"{label} must be a whole number",
                _ when type == typeof(double) || type == typeof(decimal) => $"{label} must be a number",
                _ when type == typeof(DateOnly) || type == typeof(DateTime) => $"{label} must be a real date",
                _ when type.IsEnum => $"Choose {Lower(label)} from the list",
                _ when type == typeof(List<int>) => $"{label}: enter numbers only, like 100001",
                _ => $"Check {Lower(label)}",
            };
            var target = bracket >= 0 ? $"{prefix}.{name}" : key;
            entry!.Errors.Clear();
            modelState.AddModelError(target, message);
        }
    }

    private static string Lower(string label) => label.Length > 1 && char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];
}
