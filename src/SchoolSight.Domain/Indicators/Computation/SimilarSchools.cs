using System.Globalization;
using System.Runtime.CompilerServices;

namespace SchoolSight.Domain.Indicators.Computation;

/// <summary>
/// How similar schools are chosen (DOMAIN.md 3.3), configurable by the LA and shown beside every similar-schools
/// figure: the <see cref="Count"/> nearest schools of the same phase on standardised intake measures, each measure
/// weighted.
/// </summary>
public sealed record SimilarSchoolsMethod
{
    public int Count { get; init; } = 20;
    public bool SamePhase { get; init; } = true;
    public double FsmWeight { get; init; } = 1;
    public double SenWeight { get; init; } = 1;
    public double EalWeight { get; init; } = 1;
    public double PriorAttainmentWeight { get; init; } = 1;
    public double SizeWeight { get; init; } = 1;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"The {Count} nearest schools{(SamePhase ? " of the same phase" : "")} on standardised % FSM (weight {FsmWeight}), % SEN ({SenWeight}), % EAL ({EalWeight}), prior attainment ({PriorAttainmentWeight}) and number of pupils (log, {SizeWeight}).");
}

/// <summary>A school's intake for matching: its phase (as text, to stay independent of the register) and its profile.</summary>
public readonly record struct SchoolIntake(int Urn, string Phase, IntakeProfile Profile);

public static class SimilarSchools
{
    /// <summary>
    /// Each school's nearest neighbours. Each measure is turned into a standard score within the phase (a missing
    /// measure counts as the phase average), weighted, and schools are ranked by Euclidean distance; ties go to the
    /// lower URN, so the result is the same every time.
    /// </summary>
    public static Dictionary<int, IReadOnlyList<(int Urn, double Distance)>> Find(IReadOnlyList<SchoolIntake> schools, SimilarSchoolsMethod method)
    {
        var result = new Dictionary<int, IReadOnlyList<(int, double)>>(schools.Count);
        var pools = schools.GroupBy(s => method.SamePhase ? s.Phase : "");
        foreach (var pool in pools)
        {
            var members = pool.OrderBy(s => s.Urn).ToArray();
            var features = Standardise(members, method);
            var dims = features.Length / Math.Max(1, members.Length);
            var found = new IReadOnlyList<(int, double)>[members.Length];
            Parallel.For(0, members.Length, i => found[i] = Nearest(members, features, dims, i, Math.Min(method.Count, members.Length - 1)));
            for (var i = 0; i < members.Length; i++) result[members[i].Urn] = found[i];
        }
        return result;
    }

    /// <summary>
    /// The <paramref name="k"/> schools of the pool nearest school <paramref name="i"/>, nearest first. The candidates
    /// are kept in a heap of the <paramref name="k"/> nearest so far, the farthest at its root, with the sifting rules of
    /// <see cref="PriorityQueue{TElement, TPriority}"/> (four children a node; a school enters only when strictly nearer than
    /// the root), so that of schools at the same distance the same ones are kept as always; nothing is allocated per pair.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<(int Urn, double Distance)> Nearest(SchoolIntake[] members, double[] features, int dims, int i, int k)
    {
        var heap = new (int School, double Distance)[Math.Max(k, 0)];
        var size = 0;
        var own = features.AsSpan(i * dims, dims);
        for (var j = 0; j < members.Length; j++)
        {
            if (j == i) continue;
            var other = features.AsSpan(j * dims, dims);
            double d = 0;
            for (var f = 0; f < own.Length; f++)
            {
                var diff = own[f] - other[f];
                d += diff * diff;
            }
            if (size < k) SiftUp(heap, (j, d), size++);
            else if (k > 0 && d < heap[0].Distance && Farther(d, heap[0].Distance) > 0) SiftDown(heap, (j, d), size);
        }
        var list = new List<(int Urn, double Distance)>(size);
        for (var n = 0; n < size; n++) list.Add((members[heap[n].School].Urn, Math.Sqrt(heap[n].Distance)));
        list.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Urn.CompareTo(b.Urn));
        return list;
    }

    /// <summary>The heap's order: the farther school first (negative when <paramref name="a"/> is farther than <paramref name="b"/>).</summary>
    private static int Farther(double a, double b) => b.CompareTo(a);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SiftUp((int School, double Distance)[] heap, (int School, double Distance) node, int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) >> 2;
            if (Farther(node.Distance, heap[parent].Distance) >= 0) break;
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = node;
    }

    /// <summary>Puts <paramref name="node"/> in place of the root and sifts it down.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SiftDown((int School, double Distance)[] heap, (int School, double Distance) node, int size)
    {
        var at = 0;
        int child;
        while ((child = (at << 2) + 1) < size)
        {
            var first = heap[child];
            var firstAt = child;
            var end = Math.Min(child + 4, size);
            while (++child < end)
            {
                if (Farther(heap[child].Distance, first.Distance) < 0)
                {
                    first = heap[child];
                    firstAt = child;
                }
            }
            if (Farther(node.Distance, first.Distance) <= 0) break;
            heap[at] = first;
            at = firstAt;
        }
        heap[at] = node;
    }

    /// <summary>Each school's weighted standard scores, school after school (five a school).</summary>
    internal static double[] Standardise(SchoolIntake[] schools, SimilarSchoolsMethod method)
    {
        Func<IntakeProfile, double?>[] measures =
        [
            p => p.FsmShare, p => p.SenShare, p => p.EalShare, p => p.PriorAttainment,
            p => p.Pupils > 0 ? Math.Log(p.Pupils) : null,
        ];
        double[] weights = [method.FsmWeight, method.SenWeight, method.EalWeight, method.PriorAttainmentWeight, method.SizeWeight];
        var dims = measures.Length;
        var features = new double[schools.Length * dims];
        for (var f = 0; f < dims; f++)
        {
            var values = schools.Select(s => measures[f](s.Profile)).ToArray();
            var known = values.Where(v => v is not null).Select(v => v!.Value).ToArray();
            var mean = known.Length > 0 ? known.Average() : 0;
            var sd = known.Length > 1 ? Math.Sqrt(known.Sum(v => (v - mean) * (v - mean)) / (known.Length - 1)) : 0;
            for (var i = 0; i < schools.Length; i++)
                features[i * dims + f] = values[i] is { } v && sd > 0 ? weights[f] * (v - mean) / sd : 0;
        }
        return features;
    }

    /// <summary>The set as stored: "urn:distance" (distance to 4 places), separated by semicolons.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Encode(IReadOnlyList<(int Urn, double Distance)> members)
    {
        var text = new System.Text.StringBuilder(members.Count * 16);
        for (var m = 0; m < members.Count; m++)
        {
            if (m > 0) text.Append(';');
            text.Append(CultureInfo.InvariantCulture, $"{members[m].Urn}:{members[m].Distance:0.####}");
        }
        return text.ToString();
    }
}
