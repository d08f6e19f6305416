using SchoolSight.Domain.Register;

namespace SchoolSight.Web.Pages.Clusters;

/// <summary>The kind radios' model: the chosen kind, if any (a null partial model would fall back to the page's).</summary>
public sealed record ClusterKindChoice(ClusterKind? Chosen);
