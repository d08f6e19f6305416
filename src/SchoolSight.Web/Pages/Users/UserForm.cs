using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using SchoolSight.Core.Access;
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
        var urns = UrnList.Read(AssignedUrns, modelState, "Input.AssignedUrns") ?? [];
        return new UserInput(DisplayName, Email, Role, SchoolUrn, urns, PartnerId);
    }
}
