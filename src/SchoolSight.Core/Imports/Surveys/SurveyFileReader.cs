using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Surveys;

/// <summary>What reading a survey file found: every problem, or each school-year's responses encoded in the spool.</summary>

/// <summary>
/// Reads and checks a perception survey file (docs/imports/surveys.md) into columns per school-year: one row per
/// respondent with the school's URN, the academic year, the respondent type (Pupil or Parent), the year group (the
/// child's, for a parent; may be blank), optionally the respondent's gender, and an answer per question of the questionnaire in use (an answer of the
/// question's scale, by its wording or its position; blank when not answered). At least one question column must be in the header.
/// </summary>
public sealed class SurveyFileReader : DataFileReading
{
    private static readonly byte[][] YearCodes = [.. PupilFields.YearGroups.Select(y => Encoding.UTF8.GetBytes(y))];
    private readonly BlockSpool _spool;
    private readonly Dictionary<SchoolYear, EncodedBlock> _done = [];
    private readonly List<SchoolYear> _order = [];
    private readonly SurveyQuestion[] _questions;
    private readonly int[] _questionIndex;
    private readonly byte[] _answers;
    private int _typeIndex, _yearGroupIndex, _genderIndex;
    private readonly List<Rows> _ranged = [];
    private Rows? _current;
    private byte[] _lastAnswerText = [];
    private AnswerScale? _lastScale;
    private byte? _lastAnswer;
    private readonly Dictionary<AnswerScale, List<(byte[] Text, byte Code)>> _answersSeen = [];

    private SurveyFileReader(IReadOnlySet<int> heldUrns, BlockSpool spool, IReadOnlyList<SurveyQuestion> questions) : base(heldUrns)
    {
        _spool = spool;
        _questions = [.. questions];
        _questionIndex = new int[questions.Count];
        _answers = new byte[questions.Count];
        KnownColumns = [SurveyFields.UrnColumn, SurveyFields.AcademicYearColumn, SurveyFields.RespondentTypeColumn, SurveyFields.YearGroupColumn, SurveyFields.GenderColumn, .. questions.Select(q => q.Column)];
    }

    /// <param name="questions">The questions of the questionnaire in use; the shipped ones when not given.</param>
    public static async Task<DataBlockFile> ReadAsync(Stream content, IReadOnlySet<int> heldUrns, BlockSpool spool, CancellationToken ct = default, IReadOnlyList<SurveyQuestion>? questions = null)
    {
        var reading = new SurveyFileReader(heldUrns, spool, questions ?? SurveyFields.Questions);
        return reading.Found(await ReadAsync(content, reading, spool.Folder, ct));
    }

    /// <summary>Reads the rows of a file whose bytes are checked, telling <paramref name="closed"/> each block as soon as it is finished.</summary>
    public static async Task<DataBlockFile> ReadAsync(ImportUpload upload, IReadOnlySet<int> heldUrns, BlockSpool spool, Action<EncodedBlock, byte[], byte[]> closed,
        IReadOnlyList<SurveyQuestion> questions, CancellationToken ct = default)
    {
        var reading = new SurveyFileReader(heldUrns, spool, questions) { Closed = closed };
        await ReadRowsAsync(upload, reading, ct);
        return reading.Found(upload.Check);
    }

    private DataBlockFile Found(GiasFileCheck check) =>
        new(check, RowsRead, Problems.Any ? [] : [.. _order.Select(k => _done[k])], Problems.Listed(), Problems.Count);

    protected override string RowNoun => "respondent";
    protected override string UrnColumn => SurveyFields.UrnColumn;
    protected override string YearColumn => SurveyFields.AcademicYearColumn;
    protected override IReadOnlyList<string> KnownColumns { get; }
    protected override IReadOnlyList<string> RequiredColumns { get; } = [SurveyFields.UrnColumn, SurveyFields.AcademicYearColumn, SurveyFields.RespondentTypeColumn];

    protected override void Bind(Func<string, int> indexOf)
    {
        _typeIndex = indexOf(SurveyFields.RespondentTypeColumn);
        _yearGroupIndex = indexOf(SurveyFields.YearGroupColumn);
        _genderIndex = indexOf(SurveyFields.GenderColumn);
        foreach (var question in _questions) _questionIndex[question.Index] = indexOf(question.Column);
        if (_questionIndex.All(i => i < 0))
            Problems.Add(1, null, $"the header has none of the question columns: {string.Join(", ", _questions.Select(q => q.Column))}");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ReadRow(CsvReader reader, int line, SchoolYear? key)
    {
        var before = Problems.Count;
        var type = RespondentTypeOf(Field(reader, _typeIndex), line);
        var yearGroup = YearGroupOf(_yearGroupIndex < 0 ? default : Field(reader, _yearGroupIndex), line);
        var gender = GenderOf(_genderIndex < 0 ? default : Field(reader, _genderIndex), line);
        foreach (var question in _questions)
        {
            var index = _questionIndex[question.Index];
            _answers[question.Index] = index < 0 ? (byte)0 : Answer(Field(reader, index), line, question);
        }
        if (key is not { } k || Problems.Count > before || Problems.Any) return;
        if (_current is null || _current.Key != k) Switch(k);
        _current!.Add(type, yearGroup, gender, _answers);
    }

    protected override void Finish()
    {
        if (_current is not null) Close();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte RespondentTypeOf(ReadOnlySpan<byte> value, int line)
    {
        if (Ascii.EqualsIgnoreCase(value, "Pupil"u8)) return (byte)RespondentType.Pupil;
        if (Ascii.EqualsIgnoreCase(value, "Parent"u8)) return (byte)RespondentType.Parent;
        Problems.Add(line, SurveyFields.RespondentTypeColumn, value.IsEmpty
            ? "the respondent type is blank: write Pupil or Parent"
            : $"'{Show(value)}' is not a respondent type: write Pupil or Parent");
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte YearGroupOf(ReadOnlySpan<byte> value, int line)
    {
        if (value.IsEmpty) return 0;
        for (var i = 0; i < YearCodes.Length; i++)
            if (Ascii.EqualsIgnoreCase(value, YearCodes[i])) return (byte)(i + 1);
        Problems.Add(line, SurveyFields.YearGroupColumn, $"'{Show(value)}' is not a year group: write R or 1 to 13, or leave it blank");
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte GenderOf(ReadOnlySpan<byte> value, int line)
    {
        if (value.IsEmpty) return 0;
        if (SurveyGenders.Parse(Encoding.UTF8.GetString(value)) is { } gender) return (byte)gender;
        Problems.Add(line, SurveyFields.GenderColumn, $"'{Show(value)}' is not a gender: write Boy, Girl or Other (or M, F), or leave it blank");
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte Answer(ReadOnlySpan<byte> value, int line, SurveyQuestion question)
    {
        if (value.IsEmpty) return 0;
        if (!value.SequenceEqual(_lastAnswerText) || _lastScale != question.Scale)
        {
            _lastAnswerText = value.ToArray();
            _lastScale = question.Scale;
            _lastAnswer = KnownAnswer(question.Scale, value);
        }
        if (_lastAnswer is { } answer) return answer;
        Problems.Add(line, question.Column, $"'{Show(value)}' is not an answer: use {question.Scale.Described}, or leave it blank when not answered");
        return 0;
    }

    /// <summary>
    /// The code of an answer as its scale reads it, remembered by its bytes for each scale (a file writes the same few
    /// answers millions of times, and the rows alternate between them), so a row costs no string; at most 64 kept per scale.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte? KnownAnswer(AnswerScale scale, ReadOnlySpan<byte> value)
    {
        if (!_answersSeen.TryGetValue(scale, out var seen)) _answersSeen[scale] = seen = [];
        foreach (var (text, code) in seen)
            if (value.SequenceEqual(text)) return code;
        var answer = scale.CodeOf(Encoding.UTF8.GetString(value));
        if (answer is { } found && seen.Count < 64) seen.Add((value.ToArray(), found));
        return answer;
    }

    protected override DataFileReading NewRange() => new SurveyFileReader(HeldUrns, _spool, _questions);

    /// <summary>Each school-year of the range as this reader would have gone on with it: continued, taken up again, or taken as the range read it.</summary>
    protected override void TakeRows(DataFileReading range)
    {
        foreach (var rows in ((SurveyFileReader)range)._ranged)
        {
            if (_current is not null && _current.Key == rows.Key) _current.AddAll(rows);
            else if (_done.ContainsKey(rows.Key))
            {
                Switch(rows.Key);
                _current!.AddAll(rows);
            }
            else
            {
                if (_current is not null) Close();
                _current = rows;
                _order.Add(rows.Key);
            }
        }
    }

    private void Switch(SchoolYear key)
    {
        if (IsRange)
        {
            _ranged.Add(_current = new Rows(key, _questions.Length));
            return;
        }
        if (_current is not null) Close();
        if (_done.Remove(key, out var earlier))
        {
            var (data, _) = _spool.Read(earlier);
            _current = Rows.From(key, SurveyBlockCodec.Decode(data), _questions.Length);
        }
        else
        {
            _current = new Rows(key, _questions.Length);
            _order.Add(key);
        }
    }

    private void Close()
    {
        var rows = _current!;
        _current = null;
        if (Problems.Any) return;
        var data = SurveyBlockCodec.Encode(rows.ToColumns());
        _done[rows.Key] = Keep(_spool, rows.Key, rows.Count, SurveyBlockCodec.Hash(data), data, []);
    }

    /// <summary>A school-year's responses gathered column by column.</summary>
    private sealed class Rows(SchoolYear key, int questions)
    {
        private readonly List<byte> _types = [];
        private readonly List<byte> _yearGroups = [];
        private readonly List<byte> _genders = [];
        private readonly List<byte>[] _answers = [.. Enumerable.Range(0, questions).Select(_ => new List<byte>())];

        public SchoolYear Key => key;
        public int Count => _types.Count;

        public static Rows From(SchoolYear key, SurveyColumns columns, int questions)
        {
            var rows = new Rows(key, questions);
            var answers = new byte[questions];
            for (var k = 0; k < columns.Count; k++)
            {
                for (var q = 0; q < questions; q++) answers[q] = q < columns.QuestionCount ? columns.Answers(q)[k] : (byte)0;
                rows.Add(columns.RespondentTypes[k], columns.YearGroups[k], columns.Genders[k], answers);
            }
            return rows;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(byte type, byte yearGroup, byte gender, byte[] answers)
        {
            _types.Add(type);
            _yearGroups.Add(yearGroup);
            _genders.Add(gender);
            for (var q = 0; q < answers.Length; q++) _answers[q].Add(answers[q]);
        }

        public void AddAll(Rows later)
        {
            _types.AddRange(later._types);
            _yearGroups.AddRange(later._yearGroups);
            _genders.AddRange(later._genders);
            for (var q = 0; q < _answers.Length; q++) _answers[q].AddRange(later._answers[q]);
        }

        public SurveyColumns ToColumns()
        {
            var columns = new SurveyColumns(Count, _answers.Length);
            _types.CopyTo(columns.RespondentTypes);
            _yearGroups.CopyTo(columns.YearGroups);
            _genders.CopyTo(columns.Genders);
            for (var q = 0; q < _answers.Length; q++) _answers[q].CopyTo(columns.Answers(q));
            return columns;
        }
    }
}
