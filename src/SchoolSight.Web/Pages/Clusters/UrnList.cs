using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SchoolSight.Web.Pages.Clusters;

/// <summary>The "add schools by URN" box: one or more URNs separated by spaces or commas.</summary>
public static class UrnList
{
    /// <summary>Puts the URNs typed into <paramref name="text"/> in the input, or an error under Input.AddUrns.</summary>
    public static List<int>? Read(string? text, ModelStateDictionary modelState)
    {
        var parts = (text ?? "").Split([' ', ',', ';', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var urns = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var urn))
            {
                modelState.AddModelError("Input.AddUrns", "Enter URNs as numbers, like 100001");
                return null;
            }
            urns.Add(urn);
        }
        return urns;
    }
}
