using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Domain.Tests.HealthySchools;

/// <summary>
/// The moderation draw's properties over many generated years of reviews (a fixed generator, so a failure can be
/// replayed): at least the share is drawn, the draw is the same every time from the same seed whatever order the
/// reviews come in, and no school is drawn twice.
/// </summary>
public sealed class ModerationSampleTests
{
    public static IEnumerable<object[]> Years()
    {
        var random = new Random(20261206);
        for (var i = 0; i < 300; i++)
        {
            var count = i < 20 ? i + 1 : random.Next(1, 400);
            var urns = Enumerable.Range(0, count).Select(_ => random.Next(100000, 150000)).ToList();
            // Some years list a school more than once (two reviews of one school must still draw it once).
            if (i % 7 == 0 && count > 1) urns.Add(urns[0]);
            yield return [urns.ToArray(), random.NextInt64(0, long.MaxValue), new[] { 0.10, 0.10, 0.15, 0.25, 1.0 }[i % 5]];
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void TheDraw_IsAtLeastTheShare_Deterministic_AndNeverTheSameSchoolTwice(int[] urns, long seed, double share)
    {
        var schools = urns.Distinct().Count();
        var drawn = ModerationSample.Draw(urns, seed, share);

        drawn.Count.ShouldBeGreaterThanOrEqualTo((int)Math.Ceiling(share * schools - 1e-9));
        ((double)drawn.Count).ShouldBeGreaterThanOrEqualTo(share * schools - 1e-9);
        drawn.Count.ShouldBeGreaterThanOrEqualTo(1);
        drawn.Distinct().Count().ShouldBe(drawn.Count);
        drawn.ShouldAllBe(u => urns.Contains(u));
        ModerationSample.Draw(urns, seed, share).ShouldBe(drawn);
        ModerationSample.Draw(urns.Reverse(), seed, share).ShouldBe(drawn);
    }

    [Fact]
    public void TenPercent_OfTenReviewsIsOne_OfElevenIsTwo_AndNothingIsDrawnFromNothing()
    {
        ModerationSample.SizeOf(10, 0.10).ShouldBe(1);
        ModerationSample.SizeOf(11, 0.10).ShouldBe(2);
        ModerationSample.SizeOf(3, 0.10).ShouldBe(1);
        ModerationSample.SizeOf(0, 0.10).ShouldBe(0);
        ModerationSample.SizeOf(100, 0.10).ShouldBe(10);
    }

    [Fact]
    public void TheDraw_CanBeRedoneByHand_FromTheSeedAndTheMethodShown()
    {
        // The method as it is shown: SHA-256 of "seed:URN" in hex, sorted, the first ⌈10% × 3⌉ = 1.
        var keys = new[] { 100001, 100002, 100003 }.ToDictionary(u => u, u => ModerationSample.Key(42, u));
        ModerationSample.Key(42, 100001).ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("42:100001"u8.ToArray())));
        ModerationSample.Draw(keys.Keys, 42, 0.10).ShouldBe([keys.MinBy(k => k.Value, StringComparer.Ordinal).Key]);
    }

    [Fact]
    public void ADrawKeepsItsSeedAndPopulation_SoItChecks_AndIsMadeOnlyByThePanelOrTheCoordinator()
    {
        var at = new DateTime(2026, 7, 10, 9, 0, 0, DateTimeKind.Utc);
        var draw = ModerationDraw.Make(2025, 7, 0.10, Enumerable.Range(100000, 25), EnhancementModelTests.Quas, at);
        draw.Drawn.Count.ShouldBe(3);
        draw.Checks().ShouldBeTrue();
        draw.Method.ShouldContain("SHA-256");
        Should.Throw<DomainException>(() => ModerationDraw.Make(2025, 7, 0.10, [100000], EnhancementModelTests.Head, at)).Errors.Single().Kind.ShouldBe(ErrorKind.Forbidden);
        Should.Throw<DomainException>(() => ModerationDraw.Make(2025, 7, 0.10, [], EnhancementModelTests.Coordinator, at)).Errors.Single().Code.ShouldBe("healthy.nothing-to-draw");
    }
}
