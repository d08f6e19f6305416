using System.Security.Claims;
using SchoolSight.Domain.Access;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web;

/// <summary>
/// The service navigation, declared once: sections of links, each link shown only to the roles that meet the policy of
/// the page it leads to (read from <see cref="AccessRules"/> through <see cref="Policies"/>). The service navigation
/// shows one item per section a user has links in (never more than <see cref="MostItems"/>); a section with more than
/// one link shows them as a second row of links on its pages. To add a page to the menu, add one line here.
/// </summary>
public static class ServiceMenu
{
    public const int MostItems = 8;

    /// <summary>Who a link is for, besides its policy: everyone, users who see LA-wide pages, or users bound to one school.</summary>
    public enum Audience { Everyone, NotSchoolBound, SchoolBound }

    /// <summary>One link. <c>{school}</c> in <paramref name="Href"/> is the user's own school.</summary>
    public sealed record Link(string Text, string Href, string Policy, Audience For = Audience.Everyone);

    /// <summary>A section; without a title it takes its first shown link's.</summary>
    public sealed record Section(string? Title, IReadOnlyList<Link> Links);

    /// <summary>A section as one user sees it.</summary>
    public sealed record ShownSection(string Title, string Href, IReadOnlyList<Link> Links);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new(null, [new("Home", "/", Policies.SignedIn)]),
        new(null,
        [
            new("Schools", "/Schools", Policies.RegisterReader, Audience.NotSchoolBound),
            new("My school", "/Schools", Policies.RegisterReader, Audience.SchoolBound),
            new("Localities", "/Localities", Policies.LaStaff),
            new("Clusters and networks", "/Clusters", Policies.LaStaff),
            new("Partners", "/Partners", Policies.SignedIn),
        ]),
        new(null,
        [
            new("Data", "/Data/La", Policies.LaStaff, Audience.NotSchoolBound),
            new("Data", "/Schools/{school}/Data", Policies.RegisterReader, Audience.SchoolBound),
            new("Surveys", "/Surveys", Policies.SurveyReader),
            new("Against neighbours", "/Data/Neighbours", Policies.LaStaff, Audience.NotSchoolBound),
            new("Data held", "/Data/Freshness", Policies.LaStaff, Audience.NotSchoolBound),
        ]),
        new("School improvement",
        [
            new("Levels of support", "/Categorisation", Policies.CategorisationReader),
            new("Programme", "/Programme", Policies.ProgrammeReader),
            new("Risk register", "/RiskRegister", Policies.RiskRegisterReader),
            new("Boards", "/Boards", Policies.RiskRegisterReader),
            new("SIP visits", "/Sip", Policies.SipVisitReader),
            new("Schools' self-evaluations", "/SelfEvaluations", Policies.RiskRegisterReader),
            new("LA self-evaluation", "/LaSelfEvaluation", Policies.LaSelfEvaluationReader),
        ]),
        new(null,
        [
            new("Healthy Schools", "/HealthySchools", Policies.HealthySchoolsLaReader),
            new("QUAS report", "/HealthySchools/Report", Policies.QuasReportReader),
        ]),
        new("Administration",
        [
            new("Imports", "/Imports", Policies.LaAdministrator),
            new("Users", "/Users", Policies.LaAdministrator),
            new("Audit trail", "/Audit", Policies.LaAdministrator),
        ]),
    ];

    /// <summary>The sections <paramref name="role"/> sees, each with its links (the user's school put in).</summary>
    public static IReadOnlyList<ShownSection> For(Role role, string? ownSchool)
    {
        var shown = new List<ShownSection>();
        foreach (var section in Sections)
        {
            var links = section.Links
                .Where(l => Policies.Allows(l.Policy, role) && l.For switch
                {
                    Audience.Everyone => true,
                    Audience.NotSchoolBound => !role.IsSchoolBound(),
                    Audience.SchoolBound => role.IsSchoolBound() && ownSchool is not null,
                })
                .Select(l => l with { Href = l.Href.Replace("{school}", ownSchool, StringComparison.Ordinal) })
                .ToList();
            if (links.Count == 0) continue;
            shown.Add(new ShownSection(links.Count > 1 && section.Title is { } title ? title : links[0].Text, links[0].Href, links));
        }
        return shown;
    }

    /// <inheritdoc cref="For(Role, string?)"/>
    public static IReadOnlyList<ShownSection> For(ClaimsPrincipal user) =>
        user.GetRole() is { } role ? For(role, user.FindFirst(SchoolSightClaims.School)?.Value) : [];

    /// <summary>The link a path is under: the one whose address is the longest start of it ("/" only for the home page itself).</summary>
    public static Link? Current(IReadOnlyList<ShownSection> sections, string path) =>
        sections.SelectMany(s => s.Links)
            .Where(l => l.Href == "/" ? path == "/" : path.StartsWith(l.Href, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(l => l.Href.Length)
            .FirstOrDefault();

    /// <summary>Whether the user's role uses SchoolSight's API (imports and integrations), so the footer links to its documentation.</summary>
    public static bool UsesApi(ClaimsPrincipal user) => user.GetRole() is { } role && Policies.Allows(Policies.LaAdministrator, role);
}
