using System.Globalization;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Published;

namespace SchoolSight.Core.Published;

/// <summary>One school's outcome as read from Ofsted's file.</summary>
public sealed record OfstedRow(int Urn, int Line, OfstedOutcome Outcome);

public sealed record OfstedFile(GiasFileCheck Check, int RowsRead, int SchoolsNotHeld, IReadOnlyList<OfstedRow> Rows,
    IReadOnlyList<string> ColumnsNotInFile, IReadOnlyList<ImportProblem> Errors)
{
    public int ErrorCount { get; init; } = Errors.Count;
}

/// <summary>
/// Reads Ofsted's "state-funded schools inspections and outcomes" file (one row per open school, its latest graded
/// inspection, the previous one and the latest ungraded one since) in its real column names. Judgements are Ofsted's
/// codes 1 to 4; 9, 8 and 0 (no such judgement: no early years or sixth form, or not made in that framework), blank
/// and "Not judged" (overall effectiveness from September 2024) are no judgement. Dates are dd/mm/yyyy.
/// </summary>
public static class OfstedFileReader
{
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

    public static readonly IReadOnlyList<string> RequiredColumns =
    [
        Urn, InspectionType, InspectionDate, PublicationDate, OverallEffectiveness, CategoryOfConcern, QualityOfEducation,
        BehaviourAndAttitudes, PersonalDevelopment, LeadershipAndManagement, Safeguarding,
    ];

    public static readonly IReadOnlyList<string> OptionalColumns =
        [InspectionNumber, EarlyYears, SixthForm, PreviousDate, PreviousOverall, PreviousCategory, UngradedDate, UngradedOutcome];

    public const int MaxInspectionNumberLength = 20;
    public const int MaxTextLength = 100;

    public static async Task<OfstedFile> ReadAsync(Stream content, IReadOnlySet<int>? heldUrns, IProgress<GiasImportProgress>? progress = null,
        CancellationToken ct = default, ImportTempFolder? temp = null)
    {
        var handler = new Handler(heldUrns);
        var outcome = await PublishedCsv.ReadAsync(content, handler, temp ?? ImportTempFolder.Default, progress, ct);
        return new OfstedFile(outcome.Check, outcome.RowsRead, handler.SchoolsNotHeld, outcome.Errors.Any ? [] : handler.Rows,
            handler.ColumnsNotInFile, outcome.Errors.Listed())
        { ErrorCount = outcome.Errors.Count };
    }

    private sealed class Handler(IReadOnlySet<int>? heldUrns) : IPublishedRowHandler
    {
        private readonly Dictionary<int, int> _lineOfUrn = [];
        private IReadOnlyDictionary<string, int> _positions = new Dictionary<string, int>();
        private Func<int, string> _field = null!;
        private ProblemList _errors = null!;
        private int _line;

        public List<OfstedRow> Rows { get; } = [];
        public List<string> ColumnsNotInFile { get; } = [];
        public int SchoolsNotHeld { get; private set; }

        public bool Reads(string column) =>
            RequiredColumns.Contains(column, StringComparer.OrdinalIgnoreCase) || OptionalColumns.Contains(column, StringComparer.OrdinalIgnoreCase);

        public bool ReadHeader(IReadOnlyDictionary<string, int> positions, ProblemList errors)
        {
            _positions = positions;
            foreach (var column in RequiredColumns.Where(c => !positions.ContainsKey(c)))
                errors.Add(1, column, "the header has no column of this name, and SchoolSight needs it from Ofsted's outcomes file");
            ColumnsNotInFile.AddRange(OptionalColumns.Where(c => !positions.ContainsKey(c)));
            return !errors.Any;
        }

        public void ReadRow(Func<int, string> field, int line, ProblemList errors)
        {
            _field = field;
            _errors = errors;
            _line = line;
            var text = Field(Urn);
            if (!PublishedLayout.TryUrn(text, out var urn))
            {
                errors.Add(line, Urn, text.Length == 0
                    ? "the URN is blank: every school's row needs its unique reference number"
                    : $"'{PublishedValues.Show(text)}' is not a URN: a URN is a whole number of 6 or 7 digits");
                return;
            }
            if (!_lineOfUrn.TryAdd(urn, line))
            {
                errors.Add(line, Urn, $"URN {urn} is in the file twice: it is also on line {_lineOfUrn[urn]}");
                return;
            }
            if (heldUrns is not null && !heldUrns.Contains(urn))
            {
                SchoolsNotHeld++;
                return;
            }
            var outcome = new OfstedOutcome
            {
                InspectionNumber = Text(InspectionNumber, MaxInspectionNumberLength),
                InspectionType = Text(InspectionType, MaxTextLength),
                InspectionDate = Date(InspectionDate),
                PublicationDate = Date(PublicationDate),
                OverallEffectiveness = Judgement(OverallEffectiveness),
                CategoryOfConcern = Category(CategoryOfConcern),
                QualityOfEducation = Judgement(QualityOfEducation),
                BehaviourAndAttitudes = Judgement(BehaviourAndAttitudes),
                PersonalDevelopment = Judgement(PersonalDevelopment),
                LeadershipAndManagement = Judgement(LeadershipAndManagement),
                EarlyYears = Judgement(EarlyYears),
                SixthForm = Judgement(SixthForm),
                SafeguardingEffective = YesNo(Safeguarding),
                PreviousInspectionDate = Date(PreviousDate),
                PreviousOverallEffectiveness = Judgement(PreviousOverall),
                PreviousCategoryOfConcern = Category(PreviousCategory),
                UngradedInspectionDate = Date(UngradedDate),
                UngradedOutcome = Text(UngradedOutcome, MaxTextLength),
            };
            if (!errors.Any) Rows.Add(new OfstedRow(urn, line, outcome));
        }

        private string Field(string column) => _positions.TryGetValue(column, out var index) ? _field(index) : "";

        private void Fail(string column, string problem) => _errors.Add(_line, column, problem);

        private string? Text(string column, int max)
        {
            var value = Field(column);
            if (value.Length == 0) return null;
            if (value.Length > max) Fail(column, $"the value is {value.Length} characters long; SchoolSight keeps at most {max}");
            return value;
        }

        private DateOnly? Date(string column)
        {
            var value = Field(column);
            if (value.Length == 0) return null;
            if (DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Fail(column, $"'{PublishedValues.Show(value)}' is not a date as Ofsted writes them (dd/mm/yyyy)");
            return null;
        }

        private OfstedJudgement? Judgement(string column)
        {
            var value = Field(column);
            switch (value)
            {
                case "1": return OfstedJudgement.Outstanding;
                case "2": return OfstedJudgement.Good;
                case "3": return OfstedJudgement.RequiresImprovement;
                case "4": return OfstedJudgement.Inadequate;
                case "" or "0" or "8" or "9": return null;
            }
            if (string.Equals(value, "Not judged", StringComparison.OrdinalIgnoreCase)) return null;
            Fail(column, $"'{PublishedValues.Show(value)}' is not one of Ofsted's judgement codes: 1 Outstanding, 2 Good, 3 Requires improvement, 4 Inadequate (9 or blank for none)");
            return null;
        }

        private CategoryOfConcern? Category(string column)
        {
            var value = Field(column);
            switch (value.ToUpperInvariant())
            {
                case "": return null;
                case "SM": return Domain.Published.CategoryOfConcern.SpecialMeasures;
                case "SWK": return Domain.Published.CategoryOfConcern.SeriousWeaknesses;
                case "NTI": return Domain.Published.CategoryOfConcern.NoticeToImprove;
            }
            Fail(column, $"'{PublishedValues.Show(value)}' is not a category of concern: SM (special measures), SWK (serious weaknesses), NTI (notice to improve) or blank");
            return null;
        }

        private bool? YesNo(string column)
        {
            var value = Field(column);
            if (value.Length == 0 || value == "9") return null;
            if (string.Equals(value, "Yes", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "No", StringComparison.OrdinalIgnoreCase)) return false;
            Fail(column, $"'{PublishedValues.Show(value)}' is not Yes, No or 9 (not judged)");
            return null;
        }
    }
}
