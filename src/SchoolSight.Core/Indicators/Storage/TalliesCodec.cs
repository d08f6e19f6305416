using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Core.Indicators.Storage;

/// <summary>
/// Encodes <see cref="IndicatorTallies"/> as the bytes of an <see cref="IndicatorResultSet"/>: "SST1", the intake
/// profile, then for each indicator with any figure its id, a bitmask of the pupil groups with figures, those groups'
/// tallies (four doubles each) and, for a lowest-20% gap, the non-empty histogram bins. Indicators are named, not
/// numbered, so a changed catalogue never reads another indicator's figures.
/// </summary>
public static class TalliesCodec
{
    private static readonly byte[] Magic = "SST1"u8.ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static byte[] Encode(IndicatorTallies tallies)
    {
        // First the size, and which indicators and groups have figures; then the bytes, straight into one array.
        var slotCount = tallies.Slots.Count;
        Span<int> masks = slotCount <= 256 ? stackalloc int[slotCount] : new int[slotCount];
        var size = Magic.Length + 6 * sizeof(double) + sizeof(int);
        for (var slot = 0; slot < slotCount; slot++)
        {
            var mask = 0;
            for (var g = 0; g < IndicatorTallies.GroupCount; g++)
                if (!tallies[slot, (PupilGroup)g].IsEmpty) mask |= 1 << g;
            masks[slot] = mask;
            if (mask == 0) continue;
            var id = Encoding.UTF8.GetByteCount(tallies.Slots[slot].Id);
            size += LengthPrefixSize(id) + id + sizeof(int) + BitOperations.PopCount((uint)mask) * 4 * sizeof(double) + sizeof(int);
            if (tallies.Histograms[slot] is { } histogram)
                foreach (var bin in histogram)
                    if (bin != 0) size += sizeof(short) + sizeof(int);
        }

        var bytes = new byte[size];
        var at = 0;
        Magic.CopyTo(bytes, 0);
        at += Magic.Length;
        var intake = tallies.Intake;
        foreach (var x in (ReadOnlySpan<double>)[intake.Pupils, intake.Fsm, intake.Sen, intake.Eal, intake.PriorSum, intake.PriorCount]) WriteDouble(bytes, ref at, x);
        var used = 0;
        foreach (var mask in masks) if (mask != 0) used++;
        WriteInt(bytes, ref at, used);
        for (var slot = 0; slot < slotCount; slot++)
        {
            var mask = masks[slot];
            if (mask == 0) continue;
            var id = tallies.Slots[slot].Id;
            var idBytes = Encoding.UTF8.GetByteCount(id);
            for (var n = (uint)idBytes; ; n >>= 7)
            {
                if (n < 0x80) { bytes[at++] = (byte)n; break; }
                bytes[at++] = (byte)(n | 0x80);
            }
            at += Encoding.UTF8.GetBytes(id, bytes.AsSpan(at));
            WriteInt(bytes, ref at, mask);
            for (var g = 0; g < IndicatorTallies.GroupCount; g++)
            {
                if ((mask & (1 << g)) == 0) continue;
                var t = tallies[slot, (PupilGroup)g];
                WriteDouble(bytes, ref at, t.N); WriteDouble(bytes, ref at, t.D); WriteDouble(bytes, ref at, t.Q); WriteDouble(bytes, ref at, t.C);
            }
            var histogram = tallies.Histograms[slot];
            var binsAt = at;
            at += sizeof(int);
            var bins = 0;
            if (histogram is not null)
                for (var i = 0; i < histogram.Length; i++)
                {
                    if (histogram[i] == 0) continue;
                    BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(at), (short)i);
                    at += sizeof(short);
                    WriteInt(bytes, ref at, histogram[i]);
                    bins++;
                }
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(binsAt), bins);
        }
        return bytes;
    }

    /// <summary>The bytes of a string's length as <see cref="BinaryWriter"/> writes it (seven bits a byte).</summary>
    private static int LengthPrefixSize(int length) => length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : length < 0x10000000 ? 4 : 5;

    private static void WriteDouble(byte[] bytes, ref int at, double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(at), value);
        at += sizeof(double);
    }

    private static void WriteInt(byte[] bytes, ref int at, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), value);
        at += sizeof(int);
    }

    /// <summary>Reads figures into tallies shaped by the current catalogue; indicators no longer in it are skipped.</summary>
    public static IndicatorTallies Decode(byte[] data, IReadOnlyList<IndicatorDefinition> slots)
    {
        var tallies = new IndicatorTallies(slots);
        using var r = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        if (!r.ReadBytes(4).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("Not a SchoolSight result set.");
        tallies.Intake = new IntakeProfile(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
        var count = r.ReadInt32();
        for (var k = 0; k < count; k++)
        {
            var slot = tallies.SlotOf(r.ReadString());
            var mask = r.ReadInt32();
            for (var g = 0; g < IndicatorTallies.GroupCount; g++)
            {
                if ((mask & (1 << g)) == 0) continue;
                var t = new Tally(r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
                if (slot >= 0) tallies[slot, (PupilGroup)g] = t;
            }
            var bins = r.ReadInt32();
            for (var b = 0; b < bins; b++)
            {
                var i = r.ReadInt16();
                var c = r.ReadInt32();
                if (slot >= 0 && tallies.Histograms[slot] is { } h && i < h.Length) h[i] = c;
            }
        }
        return tallies;
    }
}
