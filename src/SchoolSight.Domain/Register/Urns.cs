namespace SchoolSight.Domain.Register;

/// <summary>
/// GIAS's unique reference number: a positive whole number. Schools have six or seven digits, children's centres
/// five (e.g. 23306); nothing else about its length is a rule.
/// </summary>
public static class Urns
{
    public static bool IsUrn(int urn) => urn > 0;
}
