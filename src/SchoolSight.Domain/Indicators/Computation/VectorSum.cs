using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// Adds one run of numbers into another, element by element, several at a time (<see cref="Vector{T}"/>) where the
/// processor can. Each element gets the same single addition as a plain loop would give it, so the sums are the same
/// to the last bit.
/// </summary>
public static class VectorSum
{
    /// <remarks>Compiled fully optimised at once: a recompute calls it a few thousand times and is over before the
    /// runtime would recompile it.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddInto<T>(Span<T> into, ReadOnlySpan<T> from) where T : struct, INumber<T>
    {
        if (from.Length != into.Length) throw new ArgumentException("The two runs differ in length.", nameof(from));
        ref var to = ref MemoryMarshal.GetReference(into);
        ref var of = ref MemoryMarshal.GetReference(from);
        nuint i = 0, length = (nuint)into.Length;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
            for (; i + (nuint)Vector<T>.Count <= length; i += (nuint)Vector<T>.Count)
                (Vector.LoadUnsafe(ref to, i) + Vector.LoadUnsafe(ref of, i)).StoreUnsafe(ref to, i);
        for (; i < length; i++) Unsafe.Add(ref to, i) += Unsafe.Add(ref of, i);
    }
}
