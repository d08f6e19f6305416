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
}
