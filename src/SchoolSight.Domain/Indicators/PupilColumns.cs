namespace SchoolSight.Domain.Indicators;

/// <summary>
/// Pupil-level rows of one school and academic year held column by column (one array per <see cref="PupilFields"/>
/// field), the form SchoolSight stores and computes from: a national year is about 8 million rows, which row objects
/// would make slow and large. Code fields are bytes (0 blank, k the k-th allowed code); number fields are floats (NaN blank).
/// </summary>
public sealed class PupilColumns
{
    private readonly byte[]?[] _codes;
    private readonly float[]?[] _numbers;

    public PupilColumns(int count)
    {
        Count = count;
        _codes = new byte[]?[PupilFields.All.Count];
        _numbers = new float[]?[PupilFields.All.Count];
        PupilRefs = new string[count];
        foreach (var field in PupilFields.All)
        {
            if (field.Kind == PupilFieldKind.Code) _codes[field.Index] = new byte[count];
            else
            {
                var numbers = new float[count];
                Array.Fill(numbers, float.NaN);
                _numbers[field.Index] = numbers;
            }
        }
    }

    public int Count { get; }

    /// <summary>Each pupil's reference in the LA's file (pseudonymous); used to find duplicates, never shown in aggregates.</summary>
    public string[] PupilRefs { get; }

    public byte[] Codes(PupilField field) => _codes[field.Index] ?? throw new ArgumentException($"{field.Name} is not a code field.", nameof(field));

    public float[] Numbers(PupilField field) => _numbers[field.Index] ?? throw new ArgumentException($"{field.Name} is not a number field.", nameof(field));

    public byte Code(PupilField field, int row) => Codes(field)[row];

    public float Number(PupilField field, int row) => Numbers(field)[row];

    /// <summary>Copies rows <paramref name="rows"/> of <paramref name="source"/> into a new set, in that order.</summary>
    public static PupilColumns Select(PupilColumns source, IReadOnlyList<int> rows)
    {
        var result = new PupilColumns(rows.Count);
        for (var i = 0; i < rows.Count; i++) result.PupilRefs[i] = source.PupilRefs[rows[i]];
        foreach (var field in PupilFields.All)
        {
            if (field.Kind == PupilFieldKind.Code)
            {
                var from = source.Codes(field);
                var to = result.Codes(field);
                for (var i = 0; i < rows.Count; i++) to[i] = from[rows[i]];
            }
            else
            {
                var from = source.Numbers(field);
                var to = result.Numbers(field);
                for (var i = 0; i < rows.Count; i++) to[i] = from[rows[i]];
            }
        }
        return result;
    }
}
