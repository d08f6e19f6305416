using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Fills an empty database with Demo Borough (LA 999): a fictional LA with four localities, three clusters/networks,
/// 79 fictional schools of every phase and type, partners, one user per role, and three years of synthetic pupil-level
/// and survey data (<see cref="DemoPupilData"/>). Nothing here describes a real school or pupil.
/// </summary>
public static class DemoSeeder
{
    public const int DemoLaCode = 999;
    public const string DemoLaName = "Demo Borough";
    public const string DemoPassword = "Demo-password-1";
    public const string EmailDomain = "demo-borough.example";

    /// <summary>The demo school user's and governor's school; the SIP is assigned to it and a few more.</summary>
    public const int DemoHeadSchoolUrn = 999001;
    public const int OtherDemoSchoolUrn = 999002;

    public static readonly IReadOnlyList<(Role Role, string Email, string Name)> DemoUsers =
    [
        (Role.LaAdministrator, $"admin@{EmailDomain}", "Alex Admin"),
        (Role.SeniorManager, $"smt@{EmailDomain}", "Sam Senior"),
        (Role.QualityAssuranceManager, $"qa@{EmailDomain}", "Quinn Assurance"),
        (Role.InterventionOfficer, $"mi@{EmailDomain}", "Morgan Intervention"),
        (Role.SchoolImprovementPartner, $"sip@{EmailDomain}", "Sidney Partner"),
        (Role.HealthySchoolsCoordinator, $"healthy@{EmailDomain}", "Harper Healthy"),
        (Role.QuasPanelMember, $"quas@{EmailDomain}", "Kit Panel"),
        (Role.SchoolUser, $"head@{EmailDomain}", "Jordan Head"),
        (Role.Governor, $"governor@{EmailDomain}", "Gray Governor"),
        (Role.Partner, $"partner@{EmailDomain}", "Pat Nurse"),
    ];

    private static readonly string[] Places =
    [
        "Ashcombe", "Brookmere", "Carden Hill", "Dunmore", "Elmsworth", "Fairleigh", "Glenholt", "Hartwell", "Ivybridge Lane",
        "Juniper Park", "Kingsmead", "Larkfield", "Millbrook", "Northcote", "Oakridge", "Pennywell", "Queensmoor", "Rosehill",
        "Saltmarsh", "Thornbury Green", "Upperton", "Valewood", "Westerleigh", "Yarrow Bank", "Alderholt", "Beechcroft",
        "Cobbleford", "Denholme", "Eastgate", "Foxley", "Greystone", "Hollowmead", "Inkpen Row", "Kestrel Fields", "Lindenvale",
        "Moorside", "Nettlecombe", "Orchard Vale", "Pinewood", "Redbrook", "Stonebridge", "Tanners Lane", "Underwood", "Wickham Rise",
    ];

    private static readonly string[] Streets = ["High Street", "Church Lane", "School Road", "Mill Lane", "Park Avenue", "Station Road", "Green Lane", "Orchard Way"];
    private static readonly string[] Towns = ["Demoford", "Northby", "Southwick", "Eastmere", "Westholt"];
    private static readonly string[] FirstNames = ["Ruth", "David", "Amira", "Tom", "Grace", "Imran", "Helen", "Owen"];
    private static readonly string[] LastNames = ["Okafor", "Jennings", "Patel", "Hughes", "Clarke", "Nowak", "Evans", "Shah"];
    /// <summary>GIAS ratings in about the proportions of England's schools: most good, a few in an Ofsted category.</summary>
    public static readonly IReadOnlyList<string> GiasRatings =
    [
        .. Enumerable.Repeat("Outstanding", 7), .. Enumerable.Repeat("Good", 26), .. Enumerable.Repeat("Requires improvement", 5),
        "Serious Weaknesses", "Special Measures",
    ];

    // (phase of education, type, type group, name suffix, age range, size range, how many)
    private static readonly (string Phase, string Type, string Group, string Suffix, int Low, int High, int MinRoll, int MaxRoll, int Count)[] Mix =
    [
        ("Nursery", "Local authority nursery school", "Local authority maintained schools", "Nursery School", 2, 5, 60, 120, 3),
        ("Not applicable", "Early years setting", "Other types", "Pre-school", 2, 5, 20, 50, 3),
        ("Primary", "Community school", "Local authority maintained schools", "Primary School", 4, 11, 150, 420, 16),
        ("Primary", "Community school", "Local authority maintained schools", "Infant School", 4, 7, 90, 270, 5),
        ("Primary", "Community school", "Local authority maintained schools", "Junior School", 7, 11, 120, 360, 4),
        ("Primary", "Voluntary aided school", "Local authority maintained schools", "St Mary's CE Primary School", 4, 11, 100, 300, 4),
        ("Primary", "Voluntary controlled school", "Local authority maintained schools", "CE Primary School", 4, 11, 80, 240, 4),
        ("Primary", "Foundation school", "Local authority maintained schools", "Primary School", 4, 11, 200, 450, 2),
        ("Primary", "Academy converter", "Academies", "Primary Academy", 4, 11, 200, 630, 5),
        ("Primary", "Academy sponsor led", "Academies", "Primary Academy", 4, 11, 180, 420, 3),
        ("Primary", "Free schools", "Free Schools", "Free School", 4, 11, 100, 210, 1),
        ("Middle deemed primary", "Community school", "Local authority maintained schools", "Middle School", 9, 13, 300, 500, 2),
        ("Middle deemed secondary", "Foundation school", "Local authority maintained schools", "Middle School", 10, 14, 350, 600, 1),
        ("Secondary", "Community school", "Local authority maintained schools", "School", 11, 16, 700, 1200, 3),
        ("Secondary", "Voluntary aided school", "Local authority maintained schools", "Catholic High School", 11, 18, 800, 1300, 2),
        ("Secondary", "Foundation school", "Local authority maintained schools", "High School", 11, 18, 900, 1500, 2),
        ("Secondary", "Academy converter", "Academies", "Academy", 11, 18, 900, 1800, 4),
        ("Secondary", "Academy sponsor led", "Academies", "Academy", 11, 16, 600, 1100, 2),
        ("Secondary", "Free schools", "Free Schools", "Free School", 11, 18, 400, 900, 1),
        ("All-through", "Academy converter", "Academies", "All-through School", 4, 18, 1200, 1900, 2),
        ("All-through", "Community school", "Local authority maintained schools", "All-through School", 4, 16, 900, 1400, 1),
        ("Not applicable", "Community special school", "Special schools", "Special School", 3, 19, 60, 220, 4),
        ("Not applicable", "Academy special converter", "Special schools", "Academy (Special)", 5, 19, 80, 180, 2),
        ("Not applicable", "Pupil referral unit", "Local authority maintained schools", "Pupil Referral Unit", 11, 16, 20, 80, 2),
        ("Not applicable", "Free schools alternative provision", "Free Schools", "Alternative Provision Free School", 11, 16, 20, 60, 1),
    ];

    public static async Task<bool> SeedIfEmptyAsync(AppDbContext db, UserManager<AppUser> users, CancellationToken ct = default)
    {
        if (await db.LocalAuthorities.AnyAsync(ct)) return false;

        var random = new Random(DemoLaCode);
        db.LocalAuthorities.Add(new LocalAuthority(DemoLaCode, DemoLaName));

        var localities = new[] { "North", "South", "East", "West" }
            .Select(n => new Locality(DemoLaCode, n, $"{n} Locality School Effectiveness Board", $"The schools of the {n.ToLowerInvariant()} of {DemoLaName}."))
            .ToArray();
        db.Localities.AddRange(localities);

        var clusters = new[]
        {
            new Cluster("Riverside Learning Network", ClusterKind.Network, "Primary and secondary schools along the river sharing subject leaders and moderation."),
            new Cluster("Northfield Cluster", ClusterKind.Cluster, "Extended services cluster sharing a health and well-being development group."),
            new Cluster("Eastgate Learning Community", ClusterKind.LearningCommunity, "A learning community around Eastgate for transition from primary to secondary."),
        };
        db.Clusters.AddRange(clusters);

        var schools = new List<School>();
        var drawn = new List<(School, string)>();
        var urn = DemoHeadSchoolUrn;
        var placeIndex = 0;
        foreach (var kind in Mix)
        {
            for (var i = 0; i < kind.Count; i++)
            {
                var place = Places[placeIndex++ % Places.Length];
                var roll = random.Next(kind.MinRoll, kind.MaxRoll + 1);
                var boys = (int)(roll * (0.46 + random.NextDouble() * 0.08));
                var closed = urn % 37 == 0;
                var details = new SchoolDetails
                {
                    Name = $"{place} {kind.Suffix}",
                    LaCode = DemoLaCode,
                    LaName = DemoLaName,
                    EstablishmentNumber = 2000 + (urn - DemoHeadSchoolUrn),
                    TypeOfEstablishment = kind.Type,
                    EstablishmentTypeGroup = kind.Group,
                    Status = closed ? SchoolStatus.Closed : SchoolStatus.Open,
                    PhaseOfEducation = kind.Phase,
                    StatutoryLowAge = kind.Low,
                    StatutoryHighAge = kind.High,
                    Gender = "Mixed",
                    ReligiousCharacter = kind.Suffix.Contains("CE") ? "Church of England" : kind.Suffix.Contains("Catholic") ? "Roman Catholic" : "Does not apply",
                    SchoolCapacity = (int)(roll * 1.1),
                    NumberOfPupils = roll,
                    NumberOfBoys = boys,
                    NumberOfGirls = roll - boys,
                    PercentageFsm = Math.Round(4 + random.NextDouble() * 38, 1),
                    CensusDate = new DateOnly(2026, 1, 15),
                    OpenDate = kind.Group == "Academies" ? new DateOnly(2012 + random.Next(0, 12), 9, 1) : null,
                    CloseDate = closed ? new DateOnly(2025, 8, 31) : null,
                    ReasonClosed = closed ? "Merged" : null,
                    Street = $"{random.Next(1, 120)} {Streets[random.Next(Streets.Length)]}",
                    Town = Towns[random.Next(Towns.Length)],
                    Postcode = $"DB{random.Next(1, 9)} {random.Next(1, 9)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}",
                    Telephone = $"01632 {random.Next(100000, 999999)}",
                    Website = $"www.{place.ToLowerInvariant().Replace(' ', '-')}.demo-borough.example",
                    HeadTitle = random.Next(2) == 0 ? "Mrs" : "Mr",
                    HeadFirstName = FirstNames[random.Next(FirstNames.Length)],
                    HeadLastName = LastNames[random.Next(LastNames.Length)],
                    HeadJobTitle = "Headteacher",
                    OfstedRating = GiasRatings[random.Next(GiasRatings.Count)],
                    OfstedLastInspection = Synthetic.InspectionDates.OnOrAfter(new DateOnly(2019 + random.Next(0, 7), random.Next(1, 13), random.Next(1, 28))),
                    Trust = kind.Group == "Academies" ? "Demo Learning Trust" : null,
                    UrbanRural = "(England/Wales) Urban city and town",
                    LastChangedDate = new DateOnly(2026, 9, 1),
                };
                var standing = details.OfstedRating!;
                details = details with { OfstedRating = DemoOfsted.GiasRating(standing, details.OfstedLastInspection!.Value) };
                var school = new School(urn++, details);
                drawn.Add((school, standing));
                school.PlaceInLocality(localities[schools.Count % localities.Length]);
                schools.Add(school);
            }
        }
        // A school may be in several groups: every fifth school is in the network, every seventh in the cluster, ...
        for (var i = 0; i < schools.Count; i++)
        {
            if (i % 5 == 0) schools[i].JoinCluster(clusters[0]);
            if (i % 7 == 1 || i == 0) schools[i].JoinCluster(clusters[1]);
            if (i % 6 == 2) schools[i].JoinCluster(clusters[2]);
        }
        db.Schools.AddRange(schools);
        DemoOfsted.Add(db, drawn);

        var partners = new[]
        {
            Partner("Demo Borough School Nursing Service", PartnerKind.SchoolNurseService, "Nia Bell", "school.nursing@health.demo-borough.example", "01632 960100", "Commissioned service; DBS checks confirmed September 2026."),
            Partner("Demo Constabulary Safer Schools Team", PartnerKind.Police, "PC Lee Grant", "safer.schools@police.demo-borough.example", "01632 960200", "Information-sharing agreement ISA-2026-04 in place."),
            Partner("Demo Borough Extended Services", PartnerKind.ExtendedServices, "Rowan Fields", "extended.services@demo-borough.example", "01632 960300", "LA service."),
            Partner("Demo Community NHS Trust (CAMHS)", PartnerKind.Nhs, "Dr Esme Lowe", "camhs@nhs.demo-borough.example", "01632 960400", "Referral pathway agreed with the SSEB, 2026."),
            Partner("Young Carers Together (voluntary sector)", PartnerKind.VoluntarySector, "Ali Morgan", "hello@youngcarers.demo-borough.example", "01632 960500", "Registered charity; safeguarding policy reviewed 2026."),
        };
        db.Partners.AddRange(partners);
        await db.SaveChangesAsync(ct);
        await DemoPupilData.SeedAsync(db, schools, ct);
        await DemoEngland.SeedAsync(db, Indicators.IndicatorCatalogueSource.Default, ct);
        await new Indicators.ComputeIndicators(db, Indicators.IndicatorCatalogueSource.Default).RunAsync(new Indicators.ComputeRequest(), ct: ct);

        foreach (var (role, email, name) in DemoUsers)
        {
            var user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                Role = role,
                SchoolUrn = role.IsSchoolBound() ? DemoHeadSchoolUrn : null,
                PartnerId = role == Role.Partner ? partners[0].Id : null,
            };
            if (role == Role.SchoolImprovementPartner)
                user.Assignments = [.. new[] { DemoHeadSchoolUrn, DemoHeadSchoolUrn + 3, DemoHeadSchoolUrn + 10, DemoHeadSchoolUrn + 40 }.Select(u => new SipAssignment { Urn = u })];
            var result = await users.CreateAsync(user, DemoPassword);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        await ProgrammeDemo.SeedAsync(db, ct);
        await DemoJudgements.SeedAsync(db, schools, ct);
        await DemoCategorisation.SeedAsync(db, ct);
        await DemoBoards.SeedAsync(db, ct);
        await HealthySchoolsDemo.SeedAsync(db, ct);
        await DemoSurveys.SeedAsync(db, ct);
        await DemoSelfEvaluations.SeedAsync(db, ct);
        await DemoSipVisits.SeedAsync(db, users, ct);
        await DemoLaSelfEvaluation.SeedAsync(db, ct);
        await DemoLaIndicators.SeedAsync(db, ct);
        return true;
    }

    private static Partner Partner(string name, PartnerKind kind, string contact, string email, string phone, string note)
    {
        var partner = new Partner(name, kind);
        partner.Change(name, kind, contact, email, phone, $"Civic Centre, {Towns[0]}", note);
        return partner;
    }
}
