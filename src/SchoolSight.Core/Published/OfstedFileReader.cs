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
/// inspection, the previous one and the latest ungraded one since) in its real column names, in any of its layouts:
/// the older one with the four-point key judgements; the monthly management information since the report card, whose
/// row holds the school's report card (when it has one) beside its latest graded inspection before it (the "Latest
/// OEIF" columns); and a file with the report card's columns beside the older four-point ones. Four-point judgements are Ofsted's codes 1 to 4; 9, 8 and 0 (no such judgement: no early years or sixth
/// form, or not made in that framework), blank and "Not judged" are no judgement. Report card grades are Ofsted's
/// words (exceptional … urgent improvement). Each row is read on the framework of its inspection date: a four-point
/// grade on a report card inspection, or a report card grade on an older one, is an error, never converted. Dates
/// are dd/mm/yyyy.
/// </summary>
public static partial class OfstedFileReader
{
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

    /// <summary>Where one graded inspection's four-point judgements are in the file.</summary>
    private sealed record FourPointNames(string Number, string Type, string Date, string Publication, string Category, string Overall,
        string Quality, string Behaviour, string Personal, string Leadership, string Safeguarding, string EarlyYears, string SixthForm)
    {
        public static readonly FourPointNames Latest = new(InspectionNumber, InspectionType, InspectionDate, PublicationDate, CategoryOfConcern,
            OfstedFileReader.OverallEffectiveness, QualityOfEducation, BehaviourAndAttitudes, PersonalDevelopment, LeadershipAndManagement,
            OfstedFileReader.Safeguarding, OfstedFileReader.EarlyYears, OfstedFileReader.SixthForm);

        public static readonly FourPointNames LatestGraded = new(LatestGradedNumber, LatestGradedType, LatestGradedDate, LatestGradedPublication,
            LatestGradedCategory, LatestGradedOverall, LatestGradedQuality, LatestGradedBehaviour, LatestGradedPersonal, LatestGradedLeadership,
            LatestGradedSafeguarding, LatestGradedEarlyYears, LatestGradedSixthForm);
    }

    private static readonly HashSet<string> KnownColumns = new(
        [.. RequiredColumns, .. ReportCardColumns, .. OptionalColumns, .. LatestGradedColumns, .. LatestGradedOptionalColumns, .. OtherNames.Values.SelectMany(n => n)],
        StringComparer.OrdinalIgnoreCase);

    private sealed class Handler(IReadOnlySet<int>? heldUrns) : IPublishedRowHandler
    {
        private readonly Dictionary<int, int> _lineOfUrn = [];
        private readonly Dictionary<string, int> _positions = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _headerNames = new(StringComparer.OrdinalIgnoreCase);
        private bool _monthly;
        private Func<int, string> _field = null!;
        private ProblemList _errors = null!;
        private int _line;

        public List<OfstedRow> Rows { get; } = [];
        public List<string> ColumnsNotInFile { get; } = [];
        public int SchoolsNotHeld { get; private set; }
        public Dictionary<int, LaOfstedCount> LaCounts { get; } = [];

        public bool Reads(string column) => column is LaEstab or LocalAuthority || KnownColumns.Contains(Normalised(column));

        /// <summary>
        /// The common columns, and the whole of at least one layout: the monthly management information's report card
        /// and latest graded columns when it has the latest graded inspection's date; else the report card's columns
        /// when the file has any of them (then the four-point ones are kept when present); else the older layout's.
        /// Earlier spellings of the report card's areas are read as Ofsted's.
        /// </summary>
        public bool ReadHeader(IReadOnlyDictionary<string, int> positions, ProblemList errors)
        {
            foreach (var (name, index) in positions) _positions.TryAdd(Normalised(name), index);
            foreach (var (column, others) in OtherNames)
                if (!_positions.ContainsKey(column) && others.FirstOrDefault(_positions.ContainsKey) is { } other)
                    (_positions[column], _headerNames[column]) = (_positions[other], other);
            _monthly = _positions.ContainsKey(LatestGradedDate);
            var reportCard = ReportCardColumns.Any(_positions.ContainsKey);
            var fourPoint = FourPointColumns.All(_positions.ContainsKey);
            IReadOnlyList<string> required = _monthly ? [.. CommonColumns, .. ReportCardColumns, .. LatestGradedColumns]
                : reportCard ? [.. CommonColumns, .. ReportCardColumns, .. fourPoint ? FourPointColumns : Array.Empty<string>()]
                : RequiredColumns;
            var layout = _monthly ? "Ofsted's monthly management information in its report card layout"
                : reportCard ? "Ofsted's outcomes file in its report card layout" : "Ofsted's outcomes file";
            foreach (var column in required.Where(c => !_positions.ContainsKey(c)))
                errors.Add(1, column, $"the header has no column of this name, and SchoolSight needs it from {layout}");
            IEnumerable<string> optional = _monthly
                ? [.. OptionalColumns.Except([EarlyYears, SixthForm, PreviousDate, PreviousOverall, PreviousCategory]), .. LatestGradedOptionalColumns]
                : OptionalColumns.Concat(reportCard ? fourPoint ? Array.Empty<string>() : FourPointColumns : ReportCardColumns);
            ColumnsNotInFile.AddRange(optional.Where(c => !_positions.ContainsKey(c)));
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
            // In the monthly management information a school with no report card yet has its latest inspection in the
            // latest graded columns; one with a report card has the graded inspection before it there.
            var names = _monthly && Field(InspectionDate).Length == 0 ? FourPointNames.LatestGraded : FourPointNames.Latest;
            var outcome = new OfstedOutcome
            {
                InspectionNumber = Text(names.Number, MaxInspectionNumberLength),
                InspectionType = Text(names.Type, MaxTextLength),
                InspectionDate = Date(names.Date),
                PublicationDate = Date(names.Publication),
                OverallEffectiveness = Judgement(names.Overall),
                CategoryOfConcern = Category(names.Category),
                QualityOfEducation = Judgement(names.Quality),
                BehaviourAndAttitudes = Judgement(names.Behaviour),
                PersonalDevelopment = Judgement(names.Personal),
                LeadershipAndManagement = Judgement(names.Leadership),
                EarlyYears = Judgement(names.EarlyYears),
                SixthForm = Judgement(names.SixthForm),
                SafeguardingEffective = YesNo(names.Safeguarding),
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
            if (_monthly && names == FourPointNames.Latest)
                outcome = outcome with
                {
                    PreviousInspectionDate = Date(LatestGradedDate),
                    PreviousOverallEffectiveness = Judgement(LatestGradedOverall),
                    PreviousCategoryOfConcern = Category(LatestGradedCategory),
                };
            var standards = MetOrNot(SafeguardingStandards);
            outcome = CheckFramework(outcome, standards, names);
            if (!errors.Any) Rows.Add(new OfstedRow(urn, line, outcome));
        }

        /// <summary>
        /// Each inspection on its own framework: none of the report card's grades before 10 November 2025, none of the
        /// four-point judgements from then, no overall effectiveness from 2 September 2024. Safeguarding is the older
        /// "effective" column before the report card and the report card's "standards met" from it.
        /// </summary>
        private OfstedOutcome CheckFramework(OfstedOutcome outcome, bool? standards, FourPointNames names)
        {
            if (outcome.InspectionDate is not { } date) return outcome;
            var day = date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            var framework = OfstedFrameworks.For(date);
            if (framework == OfstedFramework.ReportCard)
            {
                foreach (var (column, given) in new[] { (names.Overall, outcome.OverallEffectiveness), (names.Quality, outcome.QualityOfEducation),
                    (names.Behaviour, outcome.BehaviourAndAttitudes), (names.Personal, outcome.PersonalDevelopment),
                    (names.Leadership, outcome.LeadershipAndManagement), (names.EarlyYears, outcome.EarlyYears), (names.SixthForm, outcome.SixthForm) })
                    if (given is { } g)
                        Fail(column, $"the inspection started on {day}, under Ofsted's report card framework, which gives no four-point grades; '{g.Describe()}' cannot be read as a report card grade");
                if (outcome.SafeguardingEffective is not null)
                    Fail(names.Safeguarding, $"the inspection started on {day}, under Ofsted's report card framework: its safeguarding is in '{SafeguardingStandards}' (met or not met)");
                return outcome with { SafeguardingEffective = standards };
            }
            foreach (var (column, given) in new[] { (Inclusion, outcome.Inclusion), (CurriculumAndTeaching, outcome.CurriculumAndTeaching), (Achievement, outcome.Achievement),
                (AttendanceAndBehaviour, outcome.AttendanceAndBehaviour), (PersonalDevelopmentAndWellbeing, outcome.PersonalDevelopmentAndWellbeing),
                (LeadershipAndGovernance, outcome.LeadershipAndGovernance), (ReportCardEarlyYears, outcome.EarlyYearsReportCard), (ReportCardSixthForm, outcome.SixthFormReportCard) })
                if (given is { } g)
                    Fail(column, $"the inspection started on {day}, before Ofsted's report card framework began on 10 November 2025; '{g.Describe()}' is a report card grade");
            if (standards is not null)
                Fail(SafeguardingStandards, $"the inspection started on {day}, before Ofsted's report card framework began on 10 November 2025: its safeguarding is in '{names.Safeguarding}'");
            if (framework == OfstedFramework.KeyJudgementsOnly && outcome.OverallEffectiveness is { } overall)
                Fail(names.Overall, $"the inspection started on {day}; Ofsted made no overall effectiveness judgement from 2 September 2024, so '{overall.Describe()}' cannot be right");
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

        private void Fail(string column, string problem) => _errors.Add(_line, _headerNames.GetValueOrDefault(column, column), problem);

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
