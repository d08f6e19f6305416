using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>
/// Fictional establishments for the synthetic data, as GIAS would list them: a fictional LA of a given number of
/// schools, or a whole fictional country of about 21,700 schools in 150 LAs with England's phase mix (about 16,800
/// primary, 3,400 secondary, 1,000 special, some all-through schools and pupil referral units). No name, URN or LA
/// code describes a real establishment: local URNs start at 990001, national ones at 700001.
/// </summary>
public static class SyntheticEstablishments
{
    public const int LocalLaCode = 998;
    public const string LocalLaName = "Synthetic Shire";
    public const int FirstLocalUrn = 990001;
    public const int FirstNationalUrn = 700001;
    public const int MaxLocalSchools = 8000;
    public const int NationalLaCount = 150;

    private static readonly string[] Starts =
    [
        "Ash", "Brook", "Carr", "Dun", "Elm", "Fern", "Glen", "Hart", "Ivy", "Kings", "Lark", "Mill", "North", "Oak", "Pen", "Queen",
        "Rose", "Salt", "Thorn", "Up", "Vale", "West", "Yarrow", "Alder", "Beech", "Cobble", "Den", "East", "Fox", "Grey", "Hollow", "Kestrel",
    ];
    private static readonly string[] Ends = ["ford", "ley", "ton", "field", "mere", "wick", "bury", "holt", "combe", "stead", "worth", "dale", "by", "well", "gate"];

    /// <summary>(kind, share of schools) for England's mix.</summary>
    private static readonly (Kind Kind, double Share)[] Mix =
    [
        (Kind.Primary, 0.655), (Kind.Infant, 0.055), (Kind.Junior, 0.05),
        (Kind.Secondary1118, 0.094), (Kind.Secondary1116, 0.063),
        (Kind.AllThrough, 0.008), (Kind.Special, 0.046), (Kind.PupilReferralUnit, 0.014), (Kind.Nursery, 0.015),
    ];

    private static readonly int[] NationalCounts = [13_300, 1_750, 1_750, 2_050, 1_350, 180, 1_000, 300, 0];

    public enum Kind { Primary, Infant, Junior, Secondary1118, Secondary1116, AllThrough, Special, PupilReferralUnit, Nursery }

    /// <summary>A fictional LA (code 998, "Synthetic Shire") of <paramref name="schools"/> schools in England's phase mix.</summary>
    public static IReadOnlyList<(int Urn, SchoolDetails Details)> Local(int schools, long seed)
    {
        if (schools is < 1 or > MaxLocalSchools) throw new ArgumentOutOfRangeException(nameof(schools), $"A fictional LA has 1 to {MaxLocalSchools} schools.");
        var random = new SyntheticRandom(seed, -1);
        var kinds = Allocate(schools);
        var result = new List<(int, SchoolDetails)>(schools);
        for (var i = 0; i < kinds.Count; i++)
            result.Add(Make(FirstLocalUrn + i, kinds[i], LocalLaCode, LocalLaName, random, seed));
        return result;
    }

    /// <summary>A fictional country: <see cref="NationalLaCount"/> LAs sharing about 21,700 schools.</summary>
    public static IReadOnlyList<(int Urn, SchoolDetails Details)> National(long seed)
    {
        var random = new SyntheticRandom(seed, -2);
        var codes = Enumerable.Range(300, 600).Where(c => c is not (DemoSeeder.DemoLaCode or LocalLaCode))
            .OrderBy(_ => random.NextULong()).Take(NationalLaCount).Order().ToArray();
        var names = codes.Select((code, i) => $"{Starts[i % Starts.Length]}{Ends[i * 7 % Ends.Length]} {(i % 3 == 0 ? "Borough" : i % 3 == 1 ? "County" : "City")}").ToArray();
        // LAs differ in size: weights from a skewed draw, so some LAs are five times the size of others.
        var weights = codes.Select(_ => random.Gamma(3)).ToArray();
        var kinds = new List<Kind>();
        for (var k = 0; k < NationalCounts.Length; k++) kinds.AddRange(Enumerable.Repeat(Mix[k].Kind, NationalCounts[k]));
        var result = new List<(int, SchoolDetails)>(kinds.Count);
        var urn = FirstNationalUrn;
        foreach (var kind in kinds.OrderBy(_ => random.NextULong()))
        {
            var la = random.Pick(weights);
            result.Add(Make(urn++, kind, codes[la], names[la], random, seed));
        }
        return result;
    }

    /// <summary>The schools the pupil generator makes data for, from their establishment details.</summary>
    public static IEnumerable<SyntheticSchool> Schools(IEnumerable<(int Urn, SchoolDetails Details)> establishments) =>
        establishments.Select(e => SyntheticSchool.From(e.Urn, e.Details));

    /// <summary>England's mix for a small LA: largest remainders, at least one secondary school from five schools on.</summary>
    private static List<Kind> Allocate(int schools)
    {
        var exact = Mix.Select(m => m.Share * schools).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var k in exact.Select((e, k) => (Remainder: e - Math.Floor(e), k)).OrderByDescending(x => x.Remainder).Take(schools - counts.Sum()).Select(x => x.k))
            counts[k]++;
        if (schools >= 5 && counts[(int)Kind.Secondary1118] + counts[(int)Kind.Secondary1116] == 0)
        {
            counts[(int)Kind.Primary]--;
            counts[(int)Kind.Secondary1116]++;
        }
        var kinds = new List<Kind>();
        for (var k = 0; k < counts.Length; k++) kinds.AddRange(Enumerable.Repeat(Mix[k].Kind, counts[k]));
        return kinds;
    }

    private static (int, SchoolDetails) Make(int urn, Kind kind, int laCode, string laName, SyntheticRandom random, long seed)
    {
        var (phase, type, group, suffix, low, high, median) = kind switch
        {
            Kind.Primary => ("Primary", "Community school", "Local authority maintained schools", "Primary School", 4, 11, 250),
            Kind.Infant => ("Primary", "Community school", "Local authority maintained schools", "Infant School", 4, 7, 180),
            Kind.Junior => ("Primary", "Community school", "Local authority maintained schools", "Junior School", 7, 11, 240),
            Kind.Secondary1118 => ("Secondary", "Academy converter", "Academies", "Academy", 11, 18, 1100),
            Kind.Secondary1116 => ("Secondary", "Community school", "Local authority maintained schools", "School", 11, 16, 800),
            Kind.AllThrough => ("All-through", "Academy converter", "Academies", "All-through School", 4, 18, 1500),
            Kind.Special => ("Not applicable", "Community special school", "Special schools", "Special School", 3, 19, 110),
            Kind.PupilReferralUnit => ("Not applicable", "Pupil referral unit", "Local authority maintained schools", "Pupil Referral Unit", 11, 16, 40),
            Kind.Nursery => ("Nursery", "Local authority nursery school", "Local authority maintained schools", "Nursery School", 2, 5, 90),
        };
        if (kind is Kind.Primary or Kind.Secondary1116 && random.Chance(0.45))
            (type, group, suffix) = (kind == Kind.Primary ? "Academy converter" : "Academy sponsor led", "Academies", kind == Kind.Primary ? "Primary Academy" : "Academy");
        var roll = (int)Math.Round(Math.Clamp(median * Math.Exp(random.Normal(0, 0.4)), median * 0.2, median * 3));
        var boys = (int)Math.Round(roll * random.Uniform(0.47, 0.53));
        var place = $"{Starts[random.Next(Starts.Length)]}{Ends[random.Next(Ends.Length)]}";
        var details = new SchoolDetails
        {
            Name = $"{place} {suffix}",
            LaCode = laCode,
            LaName = laName,
            EstablishmentNumber = kind switch { Kind.Special => 7000, Kind.PupilReferralUnit => 1100, Kind.Nursery => 1000, _ when low >= 11 => 4000, _ => 2000 } + urn % 1000,
            TypeOfEstablishment = type,
            EstablishmentTypeGroup = group,
            Status = SchoolStatus.Open,
            PhaseOfEducation = phase,
            StatutoryLowAge = low,
            StatutoryHighAge = high,
            OfficialSixthForm = high >= 18 ? "Has a sixth form" : "Does not have a sixth form",
            Gender = "Mixed",
            ReligiousCharacter = "Does not apply",
            SchoolCapacity = (int)(roll * random.Uniform(1.0, 1.2)),
            NumberOfPupils = roll,
            NumberOfBoys = boys,
            NumberOfGirls = roll - boys,
            CensusDate = new DateOnly(2025, 1, 16),
            Street = $"{random.Next(1, 200)} School Road",
            Town = place,
            Postcode = $"ZZ{random.Next(1, 99)} {random.Next(1, 9)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}",
            HeadTitle = random.Chance(0.5) ? "Mrs" : "Mr",
            HeadFirstName = "Sam",
            HeadLastName = $"{Starts[random.Next(Starts.Length)]}{Ends[random.Next(Ends.Length)]}",
            HeadJobTitle = "Headteacher",
            UrbanRural = random.Chance(0.8) ? "(England/Wales) Urban city and town" : "(England/Wales) Rural village",
            LastChangedDate = new DateOnly(2025, 9, 1),
        };
        // GIAS's % FSM is the same school-level rate the pupil generator draws for the school, so the two agree.
        var school = SyntheticSchool.From(urn, details);
        var fsm = school.HasPupils ? PupilDataGenerator.SchoolFsmRate(school, seed) : random.Uniform(0.05, 0.4);
        return (urn, details with { PercentageFsm = Math.Round(100 * fsm, 1) });
    }
}
