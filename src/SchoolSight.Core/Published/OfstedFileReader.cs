using System.Globalization;
using SchoolSight.Core.Imports;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.QualityStandards;

namespace SchoolSight.Core.Published;

/// <summary>One school's outcome as read from Ofsted's file.</summary>
public sealed record OfstedRow(int Urn, int Line, OfstedOutcome Outcome);

public sealed record OfstedFile(GiasFileCheck Check, int RowsRead, int SchoolsNotHeld, IReadOnlyList<OfstedRow> Rows,
    IReadOnlyList<string> ColumnsNotInFile, IReadOnlyList<ImportProblem> Errors)
{
    public int ErrorCount { get; init; } = Errors.Count;

    /// <summary>Every LA's schools in the file and how many are in a category of concern, held or not (from LAESTAB).</summary>
    public IReadOnlyList<LaOfstedCount> LaCounts { get; init; } = [];
}

/// <summary>
/// Reads Ofsted's "state-funded schools inspections and outcomes" file (one row per open school, its latest graded
/// inspection, the previous one and the latest ungraded one since) in its real column names, in either layout: the
/// older one with the four-point key judgements, and the report card one with the evaluation areas (a file may have
/// both). Four-point judgements are Ofsted's codes 1 to 4; 9, 8 and 0 (no such judgement: no early years or sixth
/// form, or not made in that framework), blank and "Not judged" are no judgement. Report card grades are Ofsted's
/// words (exceptional … urgent improvement). Each row is read on the framework of its inspection date: a four-point
/// grade on a report card inspection, or a report card grade on an older one, is an error, never converted. Dates
/// are dd/mm/yyyy.
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

    // The report card layout (inspections from 10 November 2025): Ofsted's evaluation areas as its report cards name them.
    public const string Inclusion = "Inclusion";
    public const string CurriculumAndTeaching = "Curriculum and teaching";
    public const string Achievement = "Achievement";
    public const string AttendanceAndBehaviour = "Attendance and behaviour";
    public const string PersonalDevelopmentAndWellbeing = "Personal development and well-being";
    public const string LeadershipAndGovernance = "Leadership and governance";
    public const string ReportCardEarlyYears = "Early years (where applicable)";
    public const string ReportCardSixthForm = "Sixth form (where applicable)";
    public const string SafeguardingStandards = "Safeguarding standards";

    /// <summary>Every layout has these.</summary>
    public static readonly IReadOnlyList<string> CommonColumns = [Urn, InspectionType, InspectionDate, PublicationDate, CategoryOfConcern];

    /// <summary>The older layout's judgements: overall effectiveness and the key judgements, four-point.</summary>
    public static readonly IReadOnlyList<string> FourPointColumns =
        [OverallEffectiveness, QualityOfEducation, BehaviourAndAttitudes, PersonalDevelopment, LeadershipAndManagement, Safeguarding];

    /// <summary>The report card layout's grades: the evaluation areas, five-point, and safeguarding met or not met.</summary>
    public static readonly IReadOnlyList<string> ReportCardColumns =
        [Inclusion, CurriculumAndTeaching, Achievement, AttendanceAndBehaviour, PersonalDevelopmentAndWellbeing, LeadershipAndGovernance, SafeguardingStandards];

    /// <summary>The columns of the older layout, which a file without the report card columns must have.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = [.. CommonColumns, .. FourPointColumns];

    public static readonly IReadOnlyList<string> OptionalColumns =
        [InspectionNumber, EarlyYears, SixthForm, PreviousDate, PreviousOverall, PreviousCategory, UngradedDate, UngradedOutcome, ReportCardEarlyYears, ReportCardSixthForm];

    /// <summary>The LA of each row, for counting every LA's schools in a category (not required).</summary>
    public const string LaEstab = "LAESTAB";
    public const string LocalAuthority = "Local authority";

    public const int MaxInspectionNumberLength = 20;
    public const int MaxTextLength = 100;

    public static async Task<OfstedFile> ReadAsync(Stream content, IReadOnlySet<int>? heldUrns, IProgress<GiasImportProgress>? progress = null,
        CancellationToken ct = default, ImportTempFolder? temp = null)
    {
        var handler = new Handler(heldUrns);
        var outcome = await PublishedCsv.ReadAsync(content, handler, temp ?? ImportTempFolder.Default, progress, ct);
        return new OfstedFile(outcome.Check, outcome.RowsRead, handler.SchoolsNotHeld, outcome.Errors.Any ? [] : handler.Rows,
            handler.ColumnsNotInFile, outcome.Errors.Listed())
        { ErrorCount = outcome.Errors.Count, LaCounts = [.. handler.LaCounts.Values.OrderBy(c => c.LaCode)] };
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
        public Dictionary<int, LaOfstedCount> LaCounts { get; } = [];

        public bool Reads(string column) =>
            column is LaEstab or LocalAuthority || RequiredColumns.Contains(column, StringComparer.OrdinalIgnoreCase) || ReportCardColumns.Contains(column, StringComparer.OrdinalIgnoreCase)
            || OptionalColumns.Contains(column, StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The common columns, and the whole of at least one layout: the report card's columns when the file has any
        /// of them (then the four-point ones are kept when present), else the older layout's.
        /// </summary>
        public bool ReadHeader(IReadOnlyDictionary<string, int> positions, ProblemList errors)
        {
            _positions = positions;
            var reportCard = ReportCardColumns.Any(positions.ContainsKey);
            var fourPoint = FourPointColumns.All(positions.ContainsKey);
            IReadOnlyList<string> required = reportCard ? [.. CommonColumns, .. ReportCardColumns, .. fourPoint ? FourPointColumns : Array.Empty<string>()] : RequiredColumns;
            foreach (var column in required.Where(c => !positions.ContainsKey(c)))
                errors.Add(1, column, reportCard
                    ? "the header has no column of this name, and SchoolSight needs it from Ofsted's outcomes file in its report card layout"
                    : "the header has no column of this name, and SchoolSight needs it from Ofsted's outcomes file");
            ColumnsNotInFile.AddRange(OptionalColumns.Concat(reportCard ? fourPoint ? Array.Empty<string>() : FourPointColumns : ReportCardColumns).Where(c => !positions.ContainsKey(c)));
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
            CountForLa();
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
                Inclusion = Grade(Inclusion),
                CurriculumAndTeaching = Grade(CurriculumAndTeaching),
                Achievement = Grade(Achievement),
                AttendanceAndBehaviour = Grade(AttendanceAndBehaviour),
                PersonalDevelopmentAndWellbeing = Grade(PersonalDevelopmentAndWellbeing),
                LeadershipAndGovernance = Grade(LeadershipAndGovernance),
                EarlyYearsReportCard = Grade(ReportCardEarlyYears),
                SixthFormReportCard = Grade(ReportCardSixthForm),
            };
            var standards = MetOrNot(SafeguardingStandards);
            outcome = CheckFramework(outcome, standards);
            if (!errors.Any) Rows.Add(new OfstedRow(urn, line, outcome));
        }

        /// <summary>
        /// Each inspection on its own framework: none of the report card's grades before 10 November 2025, none of the
        /// four-point judgements from then, no overall effectiveness from 2 September 2024. Safeguarding is the older
        /// "effective" column before the report card and the report card's "standards met" from it.
        /// </summary>
        private OfstedOutcome CheckFramework(OfstedOutcome outcome, bool? standards)
        {
            if (outcome.InspectionDate is not { } date) return outcome;
            var day = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            var framework = OfstedFrameworks.For(date);
            if (framework == OfstedFramework.ReportCard)
            {
                foreach (var (column, given) in new[] { (OverallEffectiveness, outcome.OverallEffectiveness), (QualityOfEducation, outcome.QualityOfEducation),
                    (BehaviourAndAttitudes, outcome.BehaviourAndAttitudes), (PersonalDevelopment, outcome.PersonalDevelopment),
                    (LeadershipAndManagement, outcome.LeadershipAndManagement), (EarlyYears, outcome.EarlyYears), (SixthForm, outcome.SixthForm) })
                    if (given is { } g)
                        Fail(column, $"the inspection started on {day}, under Ofsted's report card framework, which gives no four-point grades; '{g.Describe()}' cannot be read as a report card grade");
                if (outcome.SafeguardingEffective is not null)
                    Fail(Safeguarding, $"the inspection started on {day}, under Ofsted's report card framework: its safeguarding is in '{SafeguardingStandards}' (met or not met)");
                return outcome with { SafeguardingEffective = standards };
            }
            foreach (var (column, given) in new[] { (Inclusion, outcome.Inclusion), (CurriculumAndTeaching, outcome.CurriculumAndTeaching), (Achievement, outcome.Achievement),
                (AttendanceAndBehaviour, outcome.AttendanceAndBehaviour), (PersonalDevelopmentAndWellbeing, outcome.PersonalDevelopmentAndWellbeing),
                (LeadershipAndGovernance, outcome.LeadershipAndGovernance), (ReportCardEarlyYears, outcome.EarlyYearsReportCard), (ReportCardSixthForm, outcome.SixthFormReportCard) })
                if (given is { } g)
                    Fail(column, $"the inspection started on {day}, before Ofsted's report card framework began on 10 November 2025; '{g.Describe()}' is a report card grade");
            if (standards is not null)
                Fail(SafeguardingStandards, $"the inspection started on {day}, before Ofsted's report card framework began on 10 November 2025: its safeguarding is in '{Safeguarding}'");
            if (framework == OfstedFramework.KeyJudgementsOnly && outcome.OverallEffectiveness is { } overall)
                Fail(OverallEffectiveness, $"the inspection started on {day}; Ofsted made no overall effectiveness judgement from 2 September 2024, so '{overall.Describe()}' cannot be right");
            return outcome;
        }

        private ReportCardGrade? Grade(string column)
        {
            var value = Field(column);
            if (value.Length == 0 || value is "9" or "8" or "0" || string.Equals(value, "Not judged", StringComparison.OrdinalIgnoreCase)
                || string.Equals(value, "Not applicable", StringComparison.OrdinalIgnoreCase)) return null;
            if (ReportCardGrades.TryParse(value, out var grade)) return grade;
            Fail(column, $"'{PublishedValues.Show(value)}' is not one of Ofsted's report card grades: Exceptional, Strong standard, Expected standard, Needs attention, Urgent improvement (blank, 9 or Not applicable for none)");
            return null;
        }

        private bool? MetOrNot(string column)
        {
            var value = Field(column);
            if (value.Length == 0 || value == "9") return null;
            if (string.Equals(value, "Met", StringComparison.OrdinalIgnoreCase)) return true;
            if (string.Equals(value, "Not met", StringComparison.OrdinalIgnoreCase)) return false;
            Fail(column, $"'{PublishedValues.Show(value)}' is not Met, Not met or 9 (not judged)");
            return null;
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

        /// <summary>Counts the row for its LA (the first three digits of LAESTAB): a school, and one in a category when the category is not blank.</summary>
        private void CountForLa()
        {
            var laestab = Field(LaEstab);
            if (laestab.Length != 7 || !int.TryParse(laestab.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var la)) return;
            var inCategory = Field(CategoryOfConcern).Length > 0 ? 1 : 0;
            LaCounts[la] = LaCounts.TryGetValue(la, out var c)
                ? c with { Schools = c.Schools + 1, InCategory = c.InCategory + inCategory }
                : new LaOfstedCount(la, Field(LocalAuthority) is { Length: > 0 and <= MaxTextLength } name ? name : $"LA {la}", 1, inCategory);
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
                case "RSI" or "SIG" or "SI" or "REQUIRES SIGNIFICANT IMPROVEMENT" or "SIGNIFICANT IMPROVEMENT": return Domain.Published.CategoryOfConcern.SignificantImprovement;
                case "SPECIAL MEASURES": return Domain.Published.CategoryOfConcern.SpecialMeasures;
                case "SERIOUS WEAKNESSES": return Domain.Published.CategoryOfConcern.SeriousWeaknesses;
            }
            Fail(column, $"'{PublishedValues.Show(value)}' is not a category of concern: SM or Special measures, SWK or Serious weaknesses, RSI or Requires significant improvement, NTI (notice to improve) or blank");
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
