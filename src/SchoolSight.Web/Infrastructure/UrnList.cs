using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SchoolSight.Web;

/// <summary>A box of URNs (a cluster's "add schools", a SIP's assigned schools): numbers separated by spaces, commas or lines.</summary>
public static class UrnList
{
    /// <summary>The URNs typed into <paramref name="text"/>, or null with an error under <paramref name="key"/>.</summary>
    public static List<int>? Read(string? text, ModelStateDictionary modelState, string key = "Input.AddUrns")
    {
        var parts = (text ?? "").Split([' ', ',', ';', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        var urns = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var urn))
            {
                modelState.AddModelError(key, "Enter URNs as numbers, like 100001");
                return null;
            }
            urns.Add(urn);
        }
        return urns;
    }
}
