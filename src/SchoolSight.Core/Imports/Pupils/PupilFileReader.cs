using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Pupils;

/// <summary>What reading a pupil file found: every problem, or each school-year's rows encoded in the spool.</summary>

/// <summary>
/// Reads and checks a pupil-level file (docs/imports/pupils.md) straight into columns per school-year, with no object
/// per pupil: a national year is about 8 million rows. Checked on every row: the URN is a school SchoolSight holds,
/// the academic year is a year, the pupil reference is present and not repeated in its school-year, every code is one
/// of its column's codes, every number is in its range, required values are given, key stage values appear only in
/// their year group (EYFS in reception, KS2 in year 6, KS4 in year 11), and sessions missed ≤ possible, sickness ≤ missed.
/// </summary>
public sealed class PupilFileReader : DataFileReading
{
    public const int MaxRefLength = 50;
    private const byte Reception = 1, Year6 = 7, Year11 = 12, Yes = 1, No = 2;

    private static readonly byte[][][] UpperCodes = [.. PupilFields.All.Select(f => f.AllowedCodes.Select(c => Encoding.UTF8.GetBytes(c.ToUpperInvariant())).ToArray())];
    // Each field's code of each one-byte value (0: none), as Code finds it: most codes are one letter or digit.
    private static readonly byte[][] OneByteCodes = [.. UpperCodes.Select(codes => Enumerable.Range(0, 256).Select(b =>
    {
        var upper = (byte)(b is >= 'a' and <= 'z' ? b - 32 : b);
        var k = Array.FindIndex(codes, c => c is [var only] && only == upper);
        return (byte)(k + 1);
    }).ToArray())];

    // Each field's codes of up to 8 bytes as numbers, byte by byte (longer codes never match: a longer value is no code).
    private static readonly (ulong Bytes, int Length)[][] PackedCodes = [.. UpperCodes.Select(codes => codes.Select(c =>
        c.Length > 8 ? (0UL, -1) : (c.Select((b, i) => (ulong)b << (8 * i)).Aggregate(0UL, (a, b) => a | b), c.Length)).ToArray())];

    private static readonly HashSet<int> WholeNumbers = [PupilFields.SessionsPossible.Index, PupilFields.SessionsMissed.Index, PupilFields.SicknessSessions.Index, PupilFields.Suspensions.Index, PupilFields.EyfsPoints.Index];
    private static readonly HashSet<int> EyfsFields = [PupilFields.EyfsGld.Index, PupilFields.EyfsPoints.Index];
    private static readonly HashSet<int> Ks2Fields = [PupilFields.Ks2RwmExp.Index, PupilFields.Ks2ReadProg.Index, PupilFields.Ks2MatProg.Index, PupilFields.Ks2Low.Index, PupilFields.Ks2Prior.Index];
    private static readonly HashSet<int> Ks4Fields = [PupilFields.Ks4Att8.Index, PupilFields.Ks4P8.Index, PupilFields.Ks4Em94.Index, PupilFields.Ks4Em95.Index, PupilFields.Ks4NoPass.Index, PupilFields.Ks4Prior.Index, PupilFields.Destination.Index];

    // The same, looked up by position on every row (millions of rows: no enumerator, no hashing per field).
    private static readonly PupilField[] Fields = [.. PupilFields.All];
    private static readonly bool[] IsWholeNumber = [.. Fields.Select(f => WholeNumbers.Contains(f.Index))];
    private static readonly byte[] YearGroupOnly = [.. Fields.Select(f => EyfsFields.Contains(f.Index) ? Reception : Ks2Fields.Contains(f.Index) ? Year6 : Ks4Fields.Contains(f.Index) ? Year11 : (byte)0)];

    private readonly BlockSpool _spool;
    private readonly Dictionary<SchoolYear, EncodedBlock> _done = [];
    private readonly List<SchoolYear> _order = [];
    private readonly int[] _index = new int[PupilFields.All.Count];
    private readonly byte[] _codes = new byte[PupilFields.All.Count];
    private readonly float[] _numbers = new float[PupilFields.All.Count];
    private readonly List<PupilRowsBuilder> _ranged = [];
    private int _refIndex;
    private PupilRowsBuilder? _current;

    private PupilFileReader(IReadOnlySet<int> heldUrns, BlockSpool spool) : base(heldUrns) => _spool = spool;

    public static async Task<DataBlockFile> ReadAsync(Stream content, IReadOnlySet<int> heldUrns, BlockSpool spool, CancellationToken ct = default)
    {
        var reading = new PupilFileReader(heldUrns, spool);
        return reading.Found(await ReadAsync(content, reading, spool.Folder, ct));
    }

    /// <summary>Reads the rows of a file whose bytes are checked, telling <paramref name="closed"/> each block as soon as it is finished.</summary>
    public static async Task<DataBlockFile> ReadAsync(ImportUpload upload, IReadOnlySet<int> heldUrns, BlockSpool spool, Action<EncodedBlock, byte[], byte[]> closed,
        CancellationToken ct = default)
    {
        var reading = new PupilFileReader(heldUrns, spool) { Closed = closed };
        await ReadRowsAsync(upload, reading, ct);
        return reading.Found(upload.Check);
    }

    private DataBlockFile Found(GiasFileCheck check) =>
        new(check, RowsRead, Problems.Any ? [] : [.. _order.Select(k => _done[k])], Problems.Listed(), Problems.Count);

    protected override string RowNoun => "pupil";
    protected override string UrnColumn => PupilFields.UrnColumn;
    protected override string YearColumn => PupilFields.AcademicYearColumn;
    protected override IReadOnlyList<string> KnownColumns { get; } =
        [PupilFields.UrnColumn, PupilFields.AcademicYearColumn, PupilFields.PupilRefColumn, .. PupilFields.All.Select(f => f.Name)];
    protected override IReadOnlyList<string> RequiredColumns { get; } =
        [PupilFields.UrnColumn, PupilFields.AcademicYearColumn, PupilFields.PupilRefColumn, .. PupilFields.All.Where(f => f.Required).Select(f => f.Name)];

    protected override void Bind(Func<string, int> indexOf)
    {
        _refIndex = indexOf(PupilFields.PupilRefColumn);
        foreach (var field in PupilFields.All) _index[field.Index] = indexOf(field.Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override void ReadRow(CsvReader reader, int line, SchoolYear? key)
    {
        var problemsBefore = Problems.Count;
        var pupilRef = Field(reader, _refIndex);
        CheckRef(pupilRef, line);
        for (var f = 0; f < Fields.Length; f++) ReadField(reader, Fields[f], line);
        CheckRules(line);
        if (key is not { } k || Problems.Count > problemsBefore) return;

        if (_current is null || _current.Key != k) Switch(k);
        if (_current!.Add(pupilRef, line, _codes, _numbers) is { } first) Problems.Add(Twice(pupilRef, line, k, first));
    }

    private static ImportProblem Twice(ReadOnlySpan<byte> pupilRef, int line, SchoolYear key, int first) =>
        new(line, PupilFields.PupilRefColumn, $"pupil {Show(pupilRef)} is in the file twice for URN {key.Urn} in {AcademicYears.Display(key.AcademicYear)}" +
                                              (first > 0 ? $": also on line {first}" : ""));

    protected override DataFileReading NewRange() => new PupilFileReader(HeldUrns, _spool);

    /// <summary>
    /// Each school-year of the range as this reader would have gone on with it: the one being read continued, one the file
    /// had left taken up again, a new one taken as the range read it; a pupil already in the school-year's rows is a problem.
    /// </summary>
    protected override void TakeRows(DataFileReading range)
    {
        foreach (var rows in ((PupilFileReader)range)._ranged)
        {
            if (_current is not null && _current.Key == rows.Key) Continue(rows);
            else if (_done.ContainsKey(rows.Key))
            {
                Switch(rows.Key);
                Continue(rows);
            }
            else
            {
                if (_current is not null) Close();
                _current = rows;
                _order.Add(rows.Key);
            }
        }
    }

    private void Continue(PupilRowsBuilder rows)
    {
        Span<byte> codes = stackalloc byte[Fields.Length];
        Span<float> numbers = stackalloc float[Fields.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            rows.Row(i, codes, numbers);
            var pupilRef = rows.RefOf(i);
            var line = rows.LineOf(i);
            if (_current!.Add(pupilRef, line, codes, numbers) is { } first) Problems.AddInLineOrder(Twice(pupilRef, line, rows.Key, first));
        }
    }

    protected override void Finish()
    {
        if (_current is not null) Close();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckRef(ReadOnlySpan<byte> value, int line)
    {
        if (value.IsEmpty) Problems.Add(line, PupilFields.PupilRefColumn, "the pupil reference is blank: every row needs the pupil's reference");
        else if (value.Length > MaxRefLength || value.IndexOfAnyExcept(RefCharacters) >= 0)
            Problems.Add(line, PupilFields.PupilRefColumn,
                $"'{Show(value)}' is not a pupil reference: use 1 to {MaxRefLength} letters, digits, '-', '_', '/' or '.'");
    }

    private static readonly System.Buffers.SearchValues<byte> RefCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_/."u8);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadField(CsvReader reader, PupilField field, int line)
    {
        var f = field.Index;
        _codes[f] = 0;
        _numbers[f] = float.NaN;
        var index = _index[f];
        var value = index < 0 ? default : Field(reader, index);
        if (value.IsEmpty)
        {
            if (field.Required) Problems.Add(line, field.Name, $"this is blank: every pupil needs it ({field.Description})");
            return;
        }
        if (field.Kind == PupilFieldKind.Code)
        {
            if (Code(f, value) is { } code) _codes[f] = code;
            else Problems.Add(line, field.Name, $"'{Show(value)}' is not a code of this column: use {string.Join(", ", field.AllowedCodes)}");
            return;
        }
        if (!TryNumber(value, out var number))
            Problems.Add(line, field.Name, $"'{Show(value)}' is not a number");
        else if (number < field.Min || number > field.Max)
            Problems.Add(line, field.Name, $"{Show(value)} is out of range: it must be from {field.Min:0.##} to {field.Max:0.##}");
        else if (IsWholeNumber[f] && number != MathF.Round(number))
            Problems.Add(line, field.Name, $"{Show(value)} is not a whole number");
        else _numbers[f] = number;
    }

    /// <summary>
    /// A number as <see cref="float.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out float)"/> reads it (a
    /// sign, a decimal point, finite). Most values in a pupil file are a few digits: those are read here, exactly (a whole
    /// number below 2^24 is a float as it is), the rest by <see cref="float.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out float)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryNumber(ReadOnlySpan<byte> value, out float number)
    {
        if (value.Length is > 0 and <= 7)
        {
            var whole = 0;
            var i = 0;
            for (; i < value.Length && (uint)(value[i] - '0') <= 9; i++) whole = whole * 10 + (value[i] - '0');
            if (i == value.Length)
            {
                number = whole;
                return true;
            }
        }
        return float.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number) && float.IsFinite(number);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte? Code(int field, ReadOnlySpan<byte> value)
    {
        if (value.Length == 1) return OneByteCodes[field][value[0]] is var one and > 0 ? one : null;
        if (value.Length > 8) return null;
        var upper = 0UL;
        for (var i = 0; i < value.Length; i++) upper |= (ulong)(value[i] is >= (byte)'a' and <= (byte)'z' ? (byte)(value[i] - 32) : value[i]) << (8 * i);
        var codes = PackedCodes[field];
        for (var k = 0; k < codes.Length; k++)
            if (codes[k] == (upper, value.Length)) return (byte)(k + 1);
        return null;
    }

    /// <summary>The rules between fields: key stage values in their year group only, sessions that add up, results that agree.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckRules(int line)
    {
        var year = _codes[PupilFields.NcYear.Index];
        if (year != 0)
        {
            for (var f = 0; f < Fields.Length; f++)
            {
                var only = YearGroupOnly[f];
                if (only == 0 || only == year || (_codes[f] == 0 && float.IsNaN(_numbers[f]))) continue;
                var yearName = $"this pupil is in {(year == Reception ? "reception" : $"year {year - 1}")}";
                Problems.Add(line, Fields[f].Name, only switch
                {
                    Reception => $"early years foundation stage results are for reception pupils only; {yearName}",
                    Year6 => $"key stage 2 results are for year 6 pupils only; {yearName}",
                    _ => $"key stage 4 results and destinations are for year 11 pupils only; {yearName}",
                });
            }
        }
        float possible = _numbers[PupilFields.SessionsPossible.Index], missed = _numbers[PupilFields.SessionsMissed.Index], sick = _numbers[PupilFields.SicknessSessions.Index];
        if (missed > possible)
            Problems.Add(line, PupilFields.SessionsMissed.Name, $"{missed:0.##} sessions missed is more than the {possible:0.##} possible");
        if (sick > missed)
            Problems.Add(line, PupilFields.SicknessSessions.Name, $"{sick:0.##} sessions of sickness is more than the {missed:0.##} missed in all");
        if (_codes[PupilFields.Ks4Em95.Index] == Yes && _codes[PupilFields.Ks4Em94.Index] == No)
            Problems.Add(line, PupilFields.Ks4Em95.Name, "grade 5 or above in English and maths is Y, but grade 4 or above is N");
        if (_codes[PupilFields.Ks2RwmExp.Index] == Yes && _codes[PupilFields.Ks2Low.Index] == Yes)
            Problems.Add(line, PupilFields.Ks2Low.Name, "the pupil met the expected standard in reading, writing and maths, so cannot have met it in neither reading nor maths");
        if (_codes[PupilFields.EyfsGld.Index] == Yes && _numbers[PupilFields.EyfsPoints.Index] < 29)
            Problems.Add(line, PupilFields.EyfsPoints.Name, "a good level of development means meeting at least 12 of the 17 goals, so at least 29 points");
    }

    /// <summary>Moves to another school-year: the current one is encoded and set aside, the next one started or taken up again.</summary>
    private void Switch(SchoolYear key)
    {
        if (IsRange)
        {
            _ranged.Add(_current = new PupilRowsBuilder(key));
            return;
        }
        if (_current is not null) Close();
        if (_done.Remove(key, out var earlier))
        {
            var (data, refs) = _spool.Read(earlier);
            _current = PupilRowsBuilder.From(key, PupilBlockCodec.Decode(data), PupilBlockCodec.DecodeRefs(refs));
        }
        else
        {
            _current = new PupilRowsBuilder(key);
            _order.Add(key);
        }
    }

    private void Close()
    {
        var builder = _current!;
        _current = null;
        if (Problems.Any) return;
        var (data, refs) = builder.Encode();
        _done[builder.Key] = Keep(_spool, builder.Key, builder.Count, PupilBlockCodec.Hash(data, refs), data, refs);
    }
}
