namespace SchoolSight.Core.Published;

/// <summary>The column names of Ofsted's outcomes file in each of its layouts, and the other names SchoolSight accepts.</summary>
public static partial class OfstedFileReader
{
    /// <summary>The LA of each row, for counting every LA's schools in a category (not required).</summary>
    public const string LaEstab = "LAESTAB";
    public const string LocalAuthority = "Local authority";

    public const string Urn = "URN";
    public const string InspectionNumber = "Inspection number of latest graded inspection";
    public const string InspectionType = "Inspection type";
    public const string InspectionDate = "Inspection start date";
    public const string PublicationDate = "Publication date";
    public const string OverallEffectiveness = "Overall effectiveness";
    public const string CategoryOfConcern = "Category of concern";
    public const string QualityOfEducation = "Quality of education";
    public const string BehaviourAndAttitudes = "Behaviour and attitudes";
    public const string PersonalDevelopment = "Personal development";
    public const string LeadershipAndManagement = "Effectiveness of leadership and management";
    public const string Safeguarding = "Safeguarding is effective?";
    public const string EarlyYears = "Early years provision (where applicable)";
    public const string SixthForm = "Sixth form provision (where applicable)";
    public const string PreviousDate = "Previous inspection start date";
    public const string PreviousOverall = "Previous graded inspection overall effectiveness";
    public const string PreviousCategory = "Previous category of concern";
    public const string UngradedDate = "Date of latest ungraded inspection";
    public const string UngradedOutcome = "Ungraded inspection overall outcome";

    // The report card's evaluation areas as Ofsted's monthly management information names them (inspections from
    // 10 November 2025).
    public const string FullInspectionNumber = "Inspection number of latest full inspection";
    public const string Inclusion = "Inclusion";
    public const string CurriculumAndTeaching = "Curriculum and teaching";
    public const string Achievement = "Achievement";
    public const string AttendanceAndBehaviour = "Attendance and behaviour";
    public const string PersonalDevelopmentAndWellbeing = "Personal development and wellbeing";
    public const string LeadershipAndGovernance = "Leadership and governance";
    public const string ReportCardEarlyYears = "Early years (where applicable)";
    public const string ReportCardSixthForm = "Post-16 provision (where applicable)";
    public const string SafeguardingStandards = "Safeguarding standards";

    // The monthly management information's latest graded inspection under the framework before the report card
    // (Ofsted's "OEIF" columns), beside the report card.
    public const string LatestGradedNumber = "Inspection number of latest OEIF graded inspection";
    public const string LatestGradedType = "Inspection type of latest OEIF graded inspection";
    public const string LatestGradedDate = "Inspection start date of latest OEIF graded inspection";
    public const string LatestGradedPublication = "Publication date of latest OEIF graded inspection";
    public const string LatestGradedCategory = "Latest OEIF category of concern";
    public const string LatestGradedOverall = "Latest OEIF overall effectiveness";
    public const string LatestGradedQuality = "Latest OEIF quality of education";
    public const string LatestGradedBehaviour = "Latest OEIF behaviour and attitudes";
    public const string LatestGradedPersonal = "Latest OEIF personal development";
    public const string LatestGradedLeadership = "Latest OEIF effectiveness of leadership and management";
    public const string LatestGradedSafeguarding = "Latest OEIF safeguarding is effective?";
    public const string LatestGradedEarlyYears = "Latest OEIF early years provision (where applicable)";
    public const string LatestGradedSixthForm = "Latest OEIF sixth form provision (where applicable)";

    /// <summary>Other names SchoolSight reads as the column: earlier spellings of the report card's areas.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> OtherNames = new Dictionary<string, IReadOnlyList<string>>
    {
        [InspectionNumber] = [FullInspectionNumber],
        [PersonalDevelopmentAndWellbeing] = ["Personal development and well-being"],
        [ReportCardSixthForm] = ["Sixth form (where applicable)"],
    };

    /// <summary>Every layout has these.</summary>
    public static readonly IReadOnlyList<string> CommonColumns = [Urn, InspectionType, InspectionDate, PublicationDate, CategoryOfConcern];

    /// <summary>The older layout's judgements: overall effectiveness and the key judgements, four-point.</summary>
    public static readonly IReadOnlyList<string> FourPointColumns =
        [OverallEffectiveness, QualityOfEducation, BehaviourAndAttitudes, PersonalDevelopment, LeadershipAndManagement, Safeguarding];

    /// <summary>The report card layout's grades: the evaluation areas, five-point, and safeguarding met or not met.</summary>
    public static readonly IReadOnlyList<string> ReportCardColumns =
        [Inclusion, CurriculumAndTeaching, Achievement, AttendanceAndBehaviour, PersonalDevelopmentAndWellbeing, LeadershipAndGovernance, SafeguardingStandards];

    /// <summary>The monthly management information's latest graded inspection before the report card, four-point.</summary>
    public static readonly IReadOnlyList<string> LatestGradedColumns =
        [LatestGradedDate, LatestGradedOverall, LatestGradedQuality, LatestGradedBehaviour, LatestGradedPersonal, LatestGradedLeadership, LatestGradedSafeguarding];

    /// <summary>The columns of the older layout, which a file without the report card columns must have.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = [.. CommonColumns, .. FourPointColumns];

    public static readonly IReadOnlyList<string> OptionalColumns =
        [InspectionNumber, EarlyYears, SixthForm, PreviousDate, PreviousOverall, PreviousCategory, UngradedDate, UngradedOutcome, ReportCardEarlyYears, ReportCardSixthForm];

    /// <summary>Kept when present in the monthly management information.</summary>
    public static readonly IReadOnlyList<string> LatestGradedOptionalColumns =
        [LatestGradedNumber, LatestGradedType, LatestGradedPublication, LatestGradedCategory, LatestGradedEarlyYears, LatestGradedSixthForm];

    /// <summary>A header's name with its runs of spaces made one (Ofsted's files have had doubled spaces in names).</summary>
    internal static string Normalised(string header) => string.Join(' ', header.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
