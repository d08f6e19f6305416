using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Indicators.Storage;

/// <summary>
/// Encodes a school-year's pupils (<see cref="PupilColumns"/>) as the bytes of a <see cref="PupilDataBlock"/>:
/// a header ("SSP1", row count, field count), then each field in <see cref="PupilFields.All"/> order: a code field as
/// one byte a row; a number field as a bitmap of the rows that have a value followed by those values as little-endian
/// floats (key stage results exist for one year group only, so most rows have none). Pupil references are encoded apart.
/// </summary>
public static class PupilBlockCodec
{
    private static readonly byte[] Magic = "SSP1"u8.ToArray();

    public static byte[] Encode(PupilColumns pupils) =>
        Encode(pupils.Count, f => pupils.Codes(PupilFields.All[f]), f => pupils.Numbers(PupilFields.All[f]));

    /// <summary>
    /// The same bytes from the first <paramref name="n"/> rows of columns given by field index (<paramref name="codes"/> for
    /// code fields, <paramref name="numbers"/> for number fields; they may be longer than <paramref name="n"/>), written
    /// straight into an array of the block's size.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static byte[] Encode(int n, Func<int, byte[]> codes, Func<int, float[]> numbers)
    {
        var bitmapLength = (n + 7) / 8;
        var length = 12;
        Span<int> present = stackalloc int[PupilFields.All.Count];
        foreach (var field in PupilFields.All)
        {
            if (field.Kind == PupilFieldKind.Code) length += n;
            else length += bitmapLength + 4 + 4 * (present[field.Index] = Present(numbers(field.Index).AsSpan(0, n)));
        }
        var result = new byte[length];
        Magic.CopyTo(result, 0);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(4), n);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(8), PupilFields.All.Count);
        var at = 12;
        foreach (var field in PupilFields.All)
        {
            if (field.Kind == PupilFieldKind.Code)
            {
                codes(field.Index).AsSpan(0, n).CopyTo(result.AsSpan(at));
                at += n;
                continue;
            }
            var values = numbers(field.Index).AsSpan(0, n);
            var bitmap = result.AsSpan(at, bitmapLength);
            at += bitmapLength;
            BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(at), present[field.Index]);
            at += 4;
            for (var i = 0; i < n; i++)
            {
                if (float.IsNaN(values[i])) continue;
                bitmap[i >> 3] |= (byte)(1 << (i & 7));
                BinaryPrimitives.WriteSingleLittleEndian(result.AsSpan(at), values[i]);
                at += 4;
            }
        }
        return result;
    }

    private static int Present(ReadOnlySpan<float> values)
    {
        var present = 0;
        foreach (var value in values)
            if (!float.IsNaN(value)) present++;
        return present;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PupilColumns Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12 || !data[..4].SequenceEqual(Magic)) throw new InvalidDataException("Not a SchoolSight pupil block.");
        var n = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        var fieldCount = BinaryPrimitives.ReadInt32LittleEndian(data[8..]);
        if (fieldCount != PupilFields.All.Count) throw new InvalidDataException($"The pupil block has {fieldCount} fields; this version of SchoolSight reads {PupilFields.All.Count}.");
        var pupils = new PupilColumns(n);
        var at = 12;
        var bitmapLength = (n + 7) / 8;
        foreach (var field in PupilFields.All)
        {
            if (field.Kind == PupilFieldKind.Code)
            {
                data.Slice(at, n).CopyTo(pupils.Codes(field));
                at += n;
                continue;
            }
            var bitmap = data.Slice(at, bitmapLength);
            at += bitmapLength;
            var count = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
            at += 4;
            var present = MemoryMarshal.Cast<byte, float>(data.Slice(at, count * 4));
            at += count * 4;
            var values = pupils.Numbers(field);
            var k = 0;
            for (var i = 0; i < n; i++)
                if ((bitmap[i >> 3] & (1 << (i & 7))) != 0) values[i] = present[k++];
        }
        return pupils;
    }

    public static byte[] EncodeRefs(IReadOnlyList<string> refs) => Encoding.UTF8.GetBytes(string.Join('\n', refs));

    public static string[] DecodeRefs(byte[] data) => data.Length == 0 ? [] : Encoding.UTF8.GetString(data).Split('\n');

    /// <summary>The hash recorded on the block: of the fields and the references, so a changed row changes it.</summary>
    public static string Hash(byte[] data, byte[] refs)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(data);
        sha.AppendData(refs);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>
/// Encodes a school-year's survey responses: "SSS2", count, question count, respondent types, year groups, genders, then
/// each question's answers. Blocks stored before genders were kept ("SSS1", no genders) read with no gender given.
/// </summary>
public static class SurveyBlockCodec
{
    private static readonly byte[] Magic = "SSS2"u8.ToArray();
    private static readonly byte[] MagicWithoutGenders = "SSS1"u8.ToArray();

    public static byte[] Encode(SurveyColumns responses)
    {
        var n = responses.Count;
        var width = responses.QuestionCount;
        var result = new byte[12 + n * (3 + width)];
        Magic.CopyTo(result, 0);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(4), n);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(8), width);
        var at = 12;
        responses.RespondentTypes.CopyTo(result, at); at += n;
        responses.YearGroups.CopyTo(result, at); at += n;
        responses.Genders.CopyTo(result, at); at += n;
        for (var q = 0; q < width; q++)
        {
            responses.Answers(q).CopyTo(result, at);
            at += n;
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SurveyColumns Decode(ReadOnlySpan<byte> data)
    {
        var withGenders = data.Length >= 12 && data[..4].SequenceEqual(Magic);
        if (data.Length < 12 || !(withGenders || data[..4].SequenceEqual(MagicWithoutGenders))) throw new InvalidDataException("Not a SchoolSight survey block.");
        var n = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        var questions = BinaryPrimitives.ReadInt32LittleEndian(data[8..]);
        var perRespondent = (withGenders ? 3 : 2) + (long)questions;
        if (questions < 0 || n < 0 || data.Length < 12 + n * perRespondent) throw new InvalidDataException("The survey block is shorter than its header says.");
        var responses = new SurveyColumns(n, questions);
        var at = 12;
        data.Slice(at, n).CopyTo(responses.RespondentTypes); at += n;
        data.Slice(at, n).CopyTo(responses.YearGroups); at += n;
        if (withGenders)
        {
            data.Slice(at, n).CopyTo(responses.Genders);
            at += n;
        }
        for (var q = 0; q < questions; q++)
        {
            data.Slice(at, n).CopyTo(responses.Answers(q));
            at += n;
        }
        return responses;
    }

    public static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
