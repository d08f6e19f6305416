using System.Numerics;

namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// Adds one run of numbers into another, element by element, several at a time (<see cref="Vector{T}"/>) where the
/// processor can. Each element gets the same single addition as a plain loop would give it, so the sums are the same
/// to the last bit.
/// </summary>
public static class VectorSum
{
    public static void AddInto<T>(Span<T> into, ReadOnlySpan<T> from) where T : struct, INumber<T>
    {
        if (from.Length != into.Length) throw new ArgumentException("The two runs differ in length.", nameof(from));
        var i = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
            for (; i <= into.Length - Vector<T>.Count; i += Vector<T>.Count)
                (new Vector<T>(into[i..]) + new Vector<T>(from[i..])).CopyTo(into[i..]);
        for (; i < into.Length; i++) into[i] += from[i];
    }
}
