using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Pupils;

/// <summary>
/// The rows of one school-year gathered column by column as they are read (no object per pupil), with the pupil
/// references kept as UTF-8 bytes joined by line breaks, exactly as <see cref="PupilBlockCodec.EncodeRefs"/> writes them,
/// and a hash of each reference to find a duplicate in constant time.
/// </summary>
internal sealed class PupilRowsBuilder
{
    private readonly byte[]?[] _codes = new byte[]?[PupilFields.All.Count];
    private readonly float[]?[] _numbers = new float[]?[PupilFields.All.Count];
    private byte[] _refs = new byte[4096];
    private int _refsLength;
    private int[] _refStarts = new int[256];
    private int[] _lines = new int[256];
    private readonly Dictionary<ulong, int> _byHash = [];
    private int _capacity = 256;

    public PupilRowsBuilder(SchoolYear key)
    {
        Key = key;
        foreach (var field in PupilFields.All)
        {
            if (field.Kind == PupilFieldKind.Code) _codes[field.Index] = new byte[_capacity];
            else _numbers[field.Index] = new float[_capacity];
        }
    }

    public SchoolYear Key { get; }
    public int Count { get; private set; }

    /// <summary>Starts from a block already read (the file came back to a school-year it had left).</summary>
    public static PupilRowsBuilder From(SchoolYear key, PupilColumns pupils, string[] refs)
    {
        var builder = new PupilRowsBuilder(key);
        Span<byte> codes = stackalloc byte[PupilFields.All.Count];
        Span<float> numbers = stackalloc float[PupilFields.All.Count];
        for (var i = 0; i < pupils.Count; i++)
        {
            foreach (var field in PupilFields.All)
            {
                if (field.Kind == PupilFieldKind.Code) codes[field.Index] = pupils.Code(field, i);
                else numbers[field.Index] = pupils.Number(field, i);
            }
            builder.Add(System.Text.Encoding.UTF8.GetBytes(refs[i]), 0, codes, numbers);
        }
        return builder;
    }

    /// <summary>Adds a row; or, when the reference is already there, adds nothing and returns the line of the first (0 if not known).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int? Add(ReadOnlySpan<byte> pupilRef, int line, ReadOnlySpan<byte> codes, ReadOnlySpan<float> numbers)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_byHash, Fnv(pupilRef), out var seen);
        if (!seen) first = Count;
        else if (RefOf(first).SequenceEqual(pupilRef)) return _lines[first];
        else
        {
            // Two different references with the same 64-bit hash: compare with every one to be sure.
            for (var k = 0; k < Count; k++)
                if (RefOf(k).SequenceEqual(pupilRef)) return _lines[k];
        }

        if (Count == _capacity) Grow();
        for (var f = 0; f < codes.Length; f++)
        {
            if (_codes[f] is { } column) column[Count] = codes[f];
            else _numbers[f]![Count] = numbers[f];
        }
        var needed = _refsLength + pupilRef.Length + 1;
        if (needed > _refs.Length) Array.Resize(ref _refs, Math.Max(needed, _refs.Length * 2));
        if (Count > 0) _refs[_refsLength++] = (byte)'\n';
        _refStarts[Count] = _refsLength;
        pupilRef.CopyTo(_refs.AsSpan(_refsLength));
        _refsLength += pupilRef.Length;
        _lines[Count] = line;
        Count++;
        return null;
    }

    public (byte[] Data, byte[] Refs) Encode()
    {
        return (PupilBlockCodec.Encode(Count, f => _codes[f]!, f => _numbers[f]!), _refs.AsSpan(0, _refsLength).ToArray());
    }

    /// <summary>The codes and numbers of a row, by field.</summary>
    public void Row(int row, Span<byte> codes, Span<float> numbers)
    {
        for (var f = 0; f < codes.Length; f++)
        {
            if (_codes[f] is { } column) codes[f] = column[row];
            else numbers[f] = _numbers[f]![row];
        }
    }

    public int LineOf(int row) => _lines[row];

    public ReadOnlySpan<byte> RefOf(int row)
    {
        var start = _refStarts[row];
        var end = row + 1 < Count ? _refStarts[row + 1] - 1 : _refsLength;
        return _refs.AsSpan(start, end - start);
    }

    private void Grow()
    {
        _capacity *= 2;
        foreach (var field in PupilFields.All)
        {
            if (field.Kind == PupilFieldKind.Code) Array.Resize(ref _codes[field.Index], _capacity);
            else Array.Resize(ref _numbers[field.Index], _capacity);
        }
        Array.Resize(ref _refStarts, _capacity);
        Array.Resize(ref _lines, _capacity);
    }

    private static ulong Fnv(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
