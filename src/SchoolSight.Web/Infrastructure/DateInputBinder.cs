using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace SchoolSight.Web;

/// <summary>
/// Binds a <see cref="DateOnly"/> from the GOV.UK date input: three boxes named <c>Field.Day</c>, <c>Field.Month</c>
/// and <c>Field.Year</c> (written by <c>&lt;govuk-field type="date"&gt;</c>). A missing or impossible part gets the
/// GOV.UK message ("Date of visit must include a month", "Date of visit must be a real date"). A single value
/// ("2026-11-23", as links and query strings write it) still binds as before. All three boxes empty is no date.
/// </summary>
public sealed class DateInputBinder(IModelBinder single) : IModelBinder
{
    /// <summary>What the user typed, kept in ModelState so the form shows it again with the error.</summary>
    public sealed record Typed(string Day, string Month, string Year);

    public async Task BindModelAsync(ModelBindingContext context)
    {
        var name = context.ModelName;
        var values = context.ValueProvider;
        if (!values.ContainsPrefix(name + ".Day") && !values.ContainsPrefix(name + ".Month") && !values.ContainsPrefix(name + ".Year"))
        {
            await single.BindModelAsync(context);
            return;
        }
        var typed = new Typed(Part(values, name + ".Day"), Part(values, name + ".Month"), Part(values, name + ".Year"));
        context.ModelState.SetModelValue(name, typed, $"{typed.Year}-{typed.Month}-{typed.Day}");
        if (typed is { Day: "", Month: "", Year: "" })
        {
            context.Result = context.ModelMetadata.IsReferenceOrNullableType ? ModelBindingResult.Success(null) : ModelBindingResult.Failed();
            if (!context.ModelMetadata.IsReferenceOrNullableType) context.ModelState.TryAddModelError(name, $"Enter {Lower(LabelOf(context, values))}");
            return;
        }
        var (date, problem) = Read(typed, LabelOf(context, values));
        if (problem is not null)
        {
            context.ModelState.TryAddModelError(name, problem);
            context.Result = ModelBindingResult.Failed();
            return;
        }
        context.Result = ModelBindingResult.Success(date);
    }

    /// <summary>The date typed, or the GOV.UK message saying what is wrong with it.</summary>
    public static (DateOnly? Date, string? Problem) Read(Typed typed, string label)
    {
        var missing = new[] { ("day", typed.Day), ("month", typed.Month), ("year", typed.Year) }.Where(p => p.Item2.Length == 0).Select(p => p.Item1).ToList();
        if (missing.Count > 0) return (null, $"{label} must include a {string.Join(" and ", missing)}");
        if (!int.TryParse(typed.Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(typed.Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(typed.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return (null, $"{label} must be a real date");
        if (typed.Year.Length != 4) return (null, "Year must include 4 numbers");
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return (null, $"{label} must be a real date");
        return (new DateOnly(year, month, day), null);
    }

    private static string Part(IValueProvider values, string key) => values.GetValue(key).FirstValue?.Trim() ?? "";

    /// <summary>
    /// The field's name in messages: its display name, or else the label the form showed (sent back with the boxes; it
    /// only ever appears, encoded, in that user's own error message).
    /// </summary>
    private static string LabelOf(ModelBindingContext context, IValueProvider values) =>
        context.ModelMetadata.DisplayName ?? (Part(values, context.ModelName + ".Label") is { Length: > 0 and <= 120 } label ? label : "The date");

    private static string Lower(string label) => label.Length > 1 && char.IsUpper(label[1]) ? label : char.ToLowerInvariant(label[0]) + label[1..];
}

/// <summary>Uses <see cref="DateInputBinder"/> for every <see cref="DateOnly"/> and <see cref="Nullable{DateOnly}"/> a page or form binds.</summary>
public sealed class DateInputBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (type != typeof(DateOnly)) return null;
        var loggerFactory = context.Services.GetRequiredService<ILoggerFactory>();
        return new DateInputBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggerFactory));
    }
}
