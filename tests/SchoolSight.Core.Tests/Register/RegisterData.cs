using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Register;
using SchoolSight.TestSupport;

namespace SchoolSight.Core.Tests.Register;

/// <summary>
/// A small fictional register for the operation tests: LA 999 with two localities, two clusters and 30 schools
/// (URNs 999101-999130): 20 primaries in North, 6 secondaries and 4 special schools in South; every tenth school closed.
/// </summary>
public static class RegisterData
{
    public const int FirstUrn = 999101;
    public const int SchoolCount = 30;
    public const string Admin = "admin@demo-borough.example";
    public const string OtherAdmin = "second.admin@demo-borough.example";

    /// <summary>A database holding the register below (filled once per test run and provider, copied for each caller).</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => TestDatabase.CreateSeededAsync(provider, "register", SeedAsync);

    public static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext(new FixedCurrentUser("seed"));
        db.LocalAuthorities.Add(new LocalAuthority(999, "Demo Borough"));
        var north = new Locality(999, "North", "North Locality School Effectiveness Board");
        var south = new Locality(999, "South", "South Locality School Effectiveness Board");
        db.Localities.AddRange(north, south);
        var network = new Cluster("Riverside Learning Network", ClusterKind.Network, "Shared subject leaders.");
        var cluster = new Cluster("Northfield Cluster", ClusterKind.Cluster);
        db.Clusters.AddRange(network, cluster);
        db.Partners.AddRange(
            Partner("Demo School Nursing Service", PartnerKind.SchoolNurseService),
            Partner("Demo Constabulary Safer Schools Team", PartnerKind.Police),
            Partner("Young Carers Together", PartnerKind.VoluntarySector));

        for (var i = 0; i < SchoolCount; i++)
        {
            var urn = FirstUrn + i;
            var (phase, type, group, suffix) = i switch
            {
                < 20 => ("Primary", "Community school", "Local authority maintained schools", "Primary School"),
                < 26 => ("Secondary", "Academy converter", "Academies", "Academy"),
                _ => ("Not applicable", "Community special school", "Special schools", "Special School"),
            };
            var school = new School(urn, new SchoolDetails
            {
                Name = $"{Places[i]} {suffix}",
                LaCode = 999,
                TypeOfEstablishment = type,
                EstablishmentTypeGroup = group,
                PhaseOfEducation = phase,
                Status = i % 10 == 9 ? SchoolStatus.Closed : SchoolStatus.Open,
                // School 4 has no number of pupils; the rest grow with their index.
                NumberOfPupils = i == 4 ? null : 100 + i * 10,
                PercentageFsm = 10 + i,
                Ukprn = $"1000{urn}",
                Town = "Demoford",
            });
            school.PlaceInLocality(i < 20 ? north : south);
            if (i % 3 == 0) school.JoinCluster(network);
            if (i < 5) school.JoinCluster(cluster);
            db.Schools.Add(school);
        }
        await db.SaveChangesAsync();
    }

    public static AppDbContext AsAdmin(this TestDatabase database, string name = Admin) =>
        database.CreateContext(new FixedCurrentUser(name, Role.LaAdministrator));

    public static AppDbContext AsSchoolUser(this TestDatabase database, int urn) =>
        database.CreateContext(new FixedCurrentUser("head@demo-borough.example", Role.SchoolUser, scope: SchoolScope.Of([urn])));

    private static Partner Partner(string name, PartnerKind kind)
    {
        var partner = new Partner(name, kind);
        partner.Change(name, kind, "Sam Contact", "contact@partner.demo-borough.example", "01632 960100", null, "Agreement in place.");
        return partner;
    }

    /// <summary>Thirty fictional places, in no particular alphabetical order.</summary>
    private static readonly string[] Places =
    [
        "Millbrook", "Ashcombe", "Valewood", "Brookmere", "Zetland", "Carden Hill", "Oakridge", "Dunmore", "Elmsworth", "Fairleigh",
        "Glenholt", "Hartwell", "Ivybridge", "Juniper Park", "Kingsmead", "Larkfield", "Northcote", "Pennywell", "Queensmoor", "Rosehill",
        "Saltmarsh", "Thornbury", "Upperton", "Westerleigh", "Yarrow Bank", "Alderholt", "Beechcroft", "Cobbleford", "Denholme", "Eastgate",
    ];
}
