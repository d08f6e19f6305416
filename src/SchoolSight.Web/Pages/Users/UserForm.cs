using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using SchoolSight.Core.Access;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;

namespace SchoolSight.Web.Pages.Users;

/// <summary>The fields of the create and edit user forms.</summary>
public sealed class UserForm
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public Role Role { get; set; } = Role.SchoolUser;
    public int? SchoolUrn { get; set; }
    public string? AssignedUrns { get; set; }
    public int? PartnerId { get; set; }
    public string? Password { get; set; }

    public static IEnumerable<SelectListItem> RoleItems =>
        Roles.All.Select(r => new SelectListItem(r.DisplayName(), r.ToString()));

    public UserInput ToInput(ModelStateDictionary modelState)
    {
        var urns = new List<int>();
        foreach (var part in (AssignedUrns ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var urn)) urns.Add(urn);
            else modelState.AddModelError("Input.AssignedUrns", $"'{part}' is not a URN: enter URNs as numbers separated by commas.");
        }
        return new UserInput(DisplayName, Email, Role, SchoolUrn, urns, PartnerId);
    }

    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<DomainError> errors)
    {
        foreach (var error in errors) modelState.AddModelError(error.Field is null ? "" : "Input." + error.Field, error.Message);
    }
}
