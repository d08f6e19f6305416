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

    /// <summary>The <paramref name="k"/> schools of the pool nearest school <paramref name="i"/>, nearest first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<(int Urn, double Distance)> Nearest(SchoolIntake[] members, double[] features, int dims, int i, int k)
    {
        var best = new PriorityQueue<int, double>(k + 1, Comparer<double>.Create((a, b) => b.CompareTo(a)));
        for (var j = 0; j < members.Length; j++)
        {
            if (j == i) continue;
            double d = 0;
            for (var f = 0; f < dims; f++)
            {
                var diff = features[i * dims + f] - features[j * dims + f];
                d += diff * diff;
            }
            if (best.Count < k) best.Enqueue(j, d);
            else if (k > 0 && best.TryPeek(out _, out var worst) && d < worst) best.EnqueueDequeue(j, d);
        }
        var list = new List<(int Urn, double Distance)>(best.Count);
        while (best.TryDequeue(out var j, out var d)) list.Add((members[j].Urn, Math.Sqrt(d)));
        list.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Urn.CompareTo(b.Urn));
        return list;
    }

    private static double[] Standardise(SchoolIntake[] schools, SimilarSchoolsMethod method)
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

    public static string Encode(IReadOnlyList<(int Urn, double Distance)> members) =>
        string.Join(';', members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Urn}:{m.Distance:0.####}")));
}
