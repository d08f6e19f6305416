using Microsoft.AspNetCore.Identity;
using SchoolSight.Domain.Access;

namespace SchoolSight.Core.Data;

/// <summary>A person who signs in to SchoolSight, with the one role they hold and, for school-bound roles, their school.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }

    /// <summary>The school of a school user or governor.</summary>
    public int? SchoolUrn { get; set; }

    /// <summary>The partner organisation of a partner user.</summary>
    public int? PartnerId { get; set; }

    public List<SipAssignment> Assignments { get; set; } = [];
}

/// <summary>A school assigned to a school improvement partner.</summary>
public sealed class SipAssignment : ISchoolOwned
{
    public static Resource Resource => Resource.School;

    public string UserId { get; set; } = "";
    public int Urn { get; set; }
}
