using System.Globalization;

namespace SchoolSight.Bench.Pages;

/// <summary>One signed-in user of the load: their role's kind and, for a school user, their school.</summary>
public sealed record LoadUser(string Email, bool LaOfficer, int? Urn);

/// <summary>What the mix picks from: the schools, localities, phases, search words and indicators of the database.</summary>
public sealed record MixData(IReadOnlyList<int> Urns, IReadOnlyList<int> Localities, IReadOnlyList<string> SearchWords, IReadOnlyList<string> Indicators);

/// <summary>
/// The realistic mix of pages a client asks for: LA officers spread over the home page, the school list with filters,
/// school summary and data pages, the LA ranking and the risk register; school users over their home page, the school
/// list, and their own school's summary and data page. One request in 50 overall is an export (CSV or Excel).
/// </summary>
public static class PageMix
{
    public const string StaticFile = "baseline: a static file";
    public const string Health = "baseline: /health";
    public const string Home = "home /";
    public const string SchoolList = "school list with filters /Schools";
    public const string Summary = "school summary /Schools/{urn}";
    public const string Data = "school data page /Schools/{urn}/Data";
    public const string Ranking = "LA ranking /Data/La";
    public const string RiskRegister = "risk register /RiskRegister";
    public const string Export = "export (CSV or Excel)";

    public static readonly IReadOnlyList<string> Pages = [Home, SchoolList, Summary, Data, Ranking, RiskRegister, Export];

    private static readonly string[] Phases = ["Primary", "Secondary", "Special", "Nursery"];

    /// <summary>The page kind and path of a client's next request; <paramref name="export"/> when it is the one-in-50 export.</summary>
    public static (string Page, string Path) Next(LoadUser user, MixData data, Random random, bool export)
    {
        var urn = user.Urn ?? data.Urns[random.Next(data.Urns.Count)];
        if (export)
        {
            if (!user.LaOfficer) return (Export, $"/Schools/{urn}/Data?format=csv");
            return random.Next(3) switch
            {
                0 => (Export, $"/Data/La?indicator={Pick(data.Indicators, random)}&format=xlsx"),
                1 => (Export, "/RiskRegister?format=csv"),
                _ => (Export, $"/Schools/{urn}/Data?format=csv"),
            };
        }
        var roll = random.Next(100);
        if (!user.LaOfficer)
            return roll switch
            {
                < 25 => (Home, "/"),
                < 35 => (SchoolList, "/Schools"),
                < 65 => (Summary, $"/Schools/{urn}"),
                _ => (Data, $"/Schools/{urn}/Data"),
            };
        return roll switch
        {
            < 15 => (Home, "/"),
            < 30 => (SchoolList, SchoolListPath(data, random)),
            < 50 => (Summary, $"/Schools/{urn}"),
            < 70 => (Data, $"/Schools/{urn}/Data"),
            < 85 => (Ranking, $"/Data/La?indicator={Pick(data.Indicators, random)}" + (random.Next(3) == 0 ? "&sort=value&order=desc" : "")),
            _ => (RiskRegister, random.Next(3) == 0 ? $"/RiskRegister?phase={Pick(Phases, random)}" : "/RiskRegister"),
        };
    }

    /// <summary>A search, a phase, a locality, a sort or a later page, as officers use the list.</summary>
    private static string SchoolListPath(MixData data, Random random) => random.Next(5) switch
    {
        0 => $"/Schools?search={Uri.EscapeDataString(Pick(data.SearchWords, random))}",
        1 => $"/Schools?phase={Pick(Phases, random)}",
        2 when data.Localities.Count > 0 => $"/Schools?locality={Pick(data.Localities, random).ToString(CultureInfo.InvariantCulture)}&sort=Phase",
        3 => $"/Schools?phase={Pick(Phases, random)}&p={1 + random.Next(3)}",
        _ => $"/Schools?p={1 + random.Next(5)}",
    };

    private static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
