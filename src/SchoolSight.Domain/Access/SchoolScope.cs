namespace SchoolSight.Domain.Access;

/// <summary>
/// Which schools a user may see: the whole LA, or a fixed set of URNs (a school user's or governor's own school,
/// a SIP's assigned schools). Partners see no school records.
/// </summary>
public sealed record SchoolScope
{
    private SchoolScope(bool wholeLa, IReadOnlySet<int> urns)
    {
        WholeLa = wholeLa;
        Urns = urns;
    }

    public bool WholeLa { get; }
    public IReadOnlySet<int> Urns { get; }

    public static SchoolScope Everything { get; } = new(true, new HashSet<int>());
    public static SchoolScope Nothing { get; } = new(false, new HashSet<int>());
    public static SchoolScope Of(IEnumerable<int> urns) => new(false, urns.ToHashSet());

    public bool Includes(int urn) => WholeLa || Urns.Contains(urn);
}
