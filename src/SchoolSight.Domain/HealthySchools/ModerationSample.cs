using System.Security.Cryptography;
using System.Text;

namespace SchoolSight.Domain.HealthySchools;

/// <summary>
/// The reproducible random sample of annual reviews the QUAS moderates. Anyone can re-do the draw from its seed: for
/// each school in the year's self-validated reviews, take the SHA-256 of the text "seed:URN" (e.g. "48213:100001") as
/// hexadecimal; sort the schools by it (then by URN); the first ⌈share × count⌉ are drawn (at least one when any
/// review was self-validated).
/// </summary>
public static class ModerationSample
{
    public const string Method =
        "For each school, the SHA-256 of the text \"seed:URN\" in hexadecimal; schools sorted by it (then by URN); the first ⌈share × reviews⌉ drawn.";

    /// <summary>How many of <paramref name="reviews"/> are drawn at <paramref name="share"/>: never fewer than the share, at least one.</summary>
    public static int SizeOf(int reviews, double share) =>
        reviews == 0 ? 0 : Math.Clamp((int)Math.Ceiling(Math.Round(share * reviews, 9)), 1, reviews);

    /// <summary>The schools drawn, in the order of the draw; each school at most once however the population is given.</summary>
    public static IReadOnlyList<int> Draw(IEnumerable<int> urns, long seed, double share)
    {
        var population = urns.Distinct().ToList();
        return [.. population.OrderBy(u => Key(seed, u), StringComparer.Ordinal).ThenBy(u => u).Take(SizeOf(population.Count, share))];
    }

    public static string Key(long seed, int urn) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"{seed}:{urn}"))));
}
