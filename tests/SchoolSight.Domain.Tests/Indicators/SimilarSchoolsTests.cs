using CsCheck;
using SchoolSight.Domain.Indicators.Computation;

namespace SchoolSight.Domain.Tests.Indicators;

public sealed class SimilarSchoolsTests
{
    private static SchoolIntake School(int urn, string phase, double pupils, double fsmShare, double senShare = 0.12, double ealShare = 0.1, double prior = 0) =>
        new(urn, phase, new IntakeProfile(pupils, fsmShare * pupils, senShare * pupils, ealShare * pupils, prior * pupils, pupils));

    [Fact]
    public void TheNearestSchool_IsTheOneWithTheMostAlikeIntake()
    {
        var schools = new List<SchoolIntake>
        {
            School(1, "Primary", 300, 0.10), School(2, "Primary", 310, 0.11), School(3, "Primary", 280, 0.45),
            School(4, "Primary", 600, 0.30), School(5, "Secondary", 300, 0.10),
        };
        var found = SimilarSchools.Find(schools, new SimilarSchoolsMethod { Count = 2 });

        found[1][0].Urn.ShouldBe(2);
        found[1].Count.ShouldBe(2);
        found[1].ShouldAllBe(m => m.Urn != 5);          // same phase only
        found[5].ShouldBeEmpty();                        // the only secondary school has no match
        found[1].Select(m => m.Distance).ShouldBeInOrder();
    }

    [Fact]
    public void TheChoice_IsTheSameEveryTime()
    {
        var random = new Random(7);
        var schools = Enumerable.Range(1, 200).Select(i => School(i, i % 3 == 0 ? "Secondary" : "Primary", random.Next(50, 1500), random.NextDouble() * 0.5, random.NextDouble() * 0.2, random.NextDouble() * 0.6, random.NextDouble() * 2 - 1)).ToList();
        var method = new SimilarSchoolsMethod();
        var first = SimilarSchools.Find(schools, method);
        var second = SimilarSchools.Find([.. Enumerable.Reverse(schools)], method);
        foreach (var urn in first.Keys) second[urn].ShouldBe(first[urn]);
        first[1].Count.ShouldBe(20);
    }

    [Fact]
    public void Weights_ChangeWhatCountsAsSimilar()
    {
        var schools = new List<SchoolIntake> { School(1, "P", 300, 0.10, ealShare: 0.5), School(2, "P", 300, 0.10, ealShare: 0.0), School(3, "P", 300, 0.40, ealShare: 0.5) };
        SimilarSchools.Find(schools, new SimilarSchoolsMethod { Count = 1 })[1][0].Urn.ShouldBe(2);
        SimilarSchools.Find(schools, new SimilarSchoolsMethod { Count = 1, FsmWeight = 0 })[1][0].Urn.ShouldBe(3);
    }

    [Fact]
    public void TheChoice_IsTheSameAsAPriorityQueues_TiesIncluded()
    {
        // Profiles drawn from a few values each, so that many schools are at the same distance from one another.
        var profile = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[-1, 1], Gen.Int[1, 3])
            .Select((fsm, sen, eal, prior, size) => new IntakeProfile(size * 100, fsm * 10 * size, sen * 10 * size, eal * 20 * size, prior * size * 100, size * 100));
        var pool = Gen.Select(Gen.Int[1, 4], profile).Array[1, 120];
        Gen.Select(pool, Gen.Int[0, 25], Gen.Bool).Sample((drawn, count, samePhase) =>
        {
            var schools = drawn.Select((s, i) => new SchoolIntake(1000 + 7 * i, s.Item1 == 1 ? "Secondary" : "Primary", s.Item2)).ToList();
            var method = new SimilarSchoolsMethod { Count = count, SamePhase = samePhase };
            var found = SimilarSchools.Find(schools, method);
            foreach (var phase in schools.GroupBy(s => samePhase ? s.Phase : ""))
            {
                var members = phase.OrderBy(s => s.Urn).ToArray();
                var features = SimilarSchools.Standardise(members, method);
                for (var i = 0; i < members.Length; i++)
                    found[members[i].Urn].ShouldBe(ByPriorityQueue(members, features, i, Math.Min(count, members.Length - 1)));
            }
        }, iter: 300);
    }

    /// <summary>The nearest schools as a <see cref="PriorityQueue{TElement, TPriority}"/> of the farthest first chooses them.</summary>
    private static List<(int Urn, double Distance)> ByPriorityQueue(SchoolIntake[] members, double[] features, int i, int k)
    {
        var dims = features.Length / members.Length;
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

    [Fact]
    public void TheEncodedSet_IsUrnColonDistanceToFourPlaces()
    {
        SimilarSchools.Encode([(100001, 0.123456), (100002, 2), (100003, 1234.5)]).ShouldBe("100001:0.1235;100002:2;100003:1234.5");
        SimilarSchools.Encode([]).ShouldBe("");
    }
}
