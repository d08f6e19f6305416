namespace SchoolSight.Domain.Indicators;

public enum PupilFieldKind
{
    /// <summary>One of a fixed list of codes (Y/N, a gender, a year group). Stored as a byte: 0 blank, k the k-th code.</summary>
    Code,

    /// <summary>A number (sessions, a score). Stored as a float: NaN is blank.</summary>
    Number,
}

/// <summary>One column of the pupil-level file (DOMAIN.md 3.1): its name in the file, kind, allowed codes or range.</summary>
public sealed record PupilField(
    int Index,
    string Name,
    PupilFieldKind Kind,
    string Description,
    bool Required = false,
    IReadOnlyList<string>? Codes = null,
    float Min = float.MinValue,
    float Max = float.MaxValue)
{
    public IReadOnlyList<string> AllowedCodes => Codes ?? [];

    /// <summary>The stored byte of a code (1-based), or 0 when the value is not one of the allowed codes.</summary>
    public byte CodeOf(string value)
    {
        var codes = AllowedCodes;
        for (var i = 0; i < codes.Count; i++)
            if (string.Equals(codes[i], value, StringComparison.OrdinalIgnoreCase)) return (byte)(i + 1);
        return 0;
    }

    public string? ValueOf(byte code) => code == 0 ? null : AllowedCodes[code - 1];
}

/// <summary>
/// The columns of SchoolSight's pupil-level file: one row per pupil per academic year, as an LA holds them
/// (attainment and progress, attendance, exclusions, FSM, SEN, child in care, EAL, ethnicity, gender). The order here is
/// the storage order; the file's column order does not matter. Documented for users in docs/imports/pupils.md.
/// </summary>
public static class PupilFields
{
    private static readonly string[] YesNo = ["Y", "N"];

    public static readonly IReadOnlyList<string> YearGroups = ["R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13"];

    // Characteristics: every row must have them; they define the pupil groups.
    public static readonly PupilField NcYear = new(0, "NCYear", PupilFieldKind.Code, "National curriculum year group (R, 1–13)", true, YearGroups);
    public static readonly PupilField Gender = new(1, "Gender", PupilFieldKind.Code, "M or F", true, ["M", "F"]);
    public static readonly PupilField Fsm = new(2, "FSM", PupilFieldKind.Code, "Eligible for free school meals (Y/N)", true, YesNo);
    public static readonly PupilField Sen = new(3, "SEN", PupilFieldKind.Code, "Special educational needs: N none, K SEN support, E education, health and care plan", true, ["N", "K", "E"]);
    public static readonly PupilField InCare = new(4, "InCare", PupilFieldKind.Code, "Child in care (looked after) (Y/N)", true, YesNo);
    public static readonly PupilField Eal = new(5, "EAL", PupilFieldKind.Code, "First language other than English (Y/N)", true, YesNo);
    public static readonly PupilField Ethnicity = new(6, "Ethnicity", PupilFieldKind.Code, "Major ethnic group: WHIT, MIXD, ASIA, BLAC, CHIN, AOEG (any other), UNCL (not obtained or refused)", true,
        ["WHIT", "MIXD", "ASIA", "BLAC", "CHIN", "AOEG", "UNCL"]);

    // Attendance and exclusions: the whole year.
    public static readonly PupilField SessionsPossible = new(7, "SessionsPossible", PupilFieldKind.Number, "Half-day sessions possible", true, Min: 0, Max: 500);
    public static readonly PupilField SessionsMissed = new(8, "SessionsMissed", PupilFieldKind.Number, "Sessions missed through any absence (no more than possible)", true, Min: 0, Max: 500);
    public static readonly PupilField SicknessSessions = new(9, "SicknessSessions", PupilFieldKind.Number, "Sessions missed through illness (no more than missed)", true, Min: 0, Max: 500);
    public static readonly PupilField Suspensions = new(10, "Suspensions", PupilFieldKind.Number, "Number of suspensions (fixed-period exclusions) in the year", true, Min: 0, Max: 100);
    public static readonly PupilField PermanentlyExcluded = new(11, "PermanentlyExcluded", PupilFieldKind.Code, "Permanently excluded in the year (Y/N)", true, YesNo);

    // Early years foundation stage profile: reception pupils.
    public static readonly PupilField EyfsGld = new(12, "EYFS_GLD", PupilFieldKind.Code, "Reached a good level of development (Y/N; reception only)", Codes: YesNo);
    public static readonly PupilField EyfsPoints = new(13, "EYFS_Points", PupilFieldKind.Number, "Total points over the 17 early learning goals (17–34: 1 emerging, 2 expected; reception only)", Min: 17, Max: 34);

    // Key stage 2: year 6 pupils.
    public static readonly PupilField Ks2RwmExp = new(14, "KS2_RWM_EXP", PupilFieldKind.Code, "Met the expected standard in reading, writing and maths (Y/N; year 6 only)", Codes: YesNo);
    public static readonly PupilField Ks2ReadProg = new(15, "KS2_READ_PROG", PupilFieldKind.Number, "Reading progress score (year 6)", Min: -40, Max: 40);
    public static readonly PupilField Ks2MatProg = new(16, "KS2_MAT_PROG", PupilFieldKind.Number, "Maths progress score (year 6)", Min: -40, Max: 40);
    public static readonly PupilField Ks2Low = new(17, "KS2_LOW", PupilFieldKind.Code, "Met the expected standard in neither reading nor maths (Y/N; year 6)", Codes: YesNo);
    public static readonly PupilField Ks2Prior = new(18, "KS2_PRIOR", PupilFieldKind.Number, "Prior attainment: key stage 1 average point score (year 6)", Min: 0, Max: 40);

    // Key stage 4: year 11 pupils.
    public static readonly PupilField Ks4Att8 = new(19, "KS4_ATT8", PupilFieldKind.Number, "Attainment 8 score (year 11)", Min: 0, Max: 90);
    public static readonly PupilField Ks4P8 = new(20, "KS4_P8", PupilFieldKind.Number, "Progress 8 score (year 11)", Min: -10, Max: 10);
    public static readonly PupilField Ks4Em94 = new(21, "KS4_EM_94", PupilFieldKind.Code, "Grade 4 or above in English and maths (Y/N; year 11)", Codes: YesNo);
    public static readonly PupilField Ks4Em95 = new(22, "KS4_EM_95", PupilFieldKind.Code, "Grade 5 or above in English and maths (Y/N; year 11)", Codes: YesNo);
    public static readonly PupilField Ks4NoPass = new(23, "KS4_NOPASS", PupilFieldKind.Code, "No pass at GCSE or equivalent (Y/N; year 11)", Codes: YesNo);
    public static readonly PupilField Ks4Prior = new(24, "KS4_PRIOR", PupilFieldKind.Number, "Prior attainment: key stage 2 average scaled score (year 11)", Min: 80, Max: 120);
    public static readonly PupilField Destination = new(25, "Destination", PupilFieldKind.Code, "In a sustained education, apprenticeship or employment destination after key stage 4 (Y/N; year 11)", Codes: YesNo);

    // Healthy living.
    public static readonly PupilField PeTwoHours = new(26, "PE2Hours", PupilFieldKind.Code, "Takes part in at least two hours of PE and school sport a week (Y/N)", Codes: YesNo);
    public static readonly PupilField SchoolMeals = new(27, "SchoolMeals", PupilFieldKind.Code, "Takes a school lunch (Y/N)", Codes: YesNo);

    /// <summary>Columns that identify the row rather than describe the pupil; every file has them.</summary>
    public const string UrnColumn = "URN";
    public const string AcademicYearColumn = "AcademicYear";
    public const string PupilRefColumn = "PupilRef";

    public static readonly IReadOnlyList<PupilField> All =
    [
        NcYear, Gender, Fsm, Sen, InCare, Eal, Ethnicity,
        SessionsPossible, SessionsMissed, SicknessSessions, Suspensions, PermanentlyExcluded,
        EyfsGld, EyfsPoints,
        Ks2RwmExp, Ks2ReadProg, Ks2MatProg, Ks2Low, Ks2Prior,
        Ks4Att8, Ks4P8, Ks4Em94, Ks4Em95, Ks4NoPass, Ks4Prior, Destination,
        PeTwoHours, SchoolMeals,
    ];

    public static PupilField? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    public static int CodeFieldCount => All.Count(f => f.Kind == PupilFieldKind.Code);
}
