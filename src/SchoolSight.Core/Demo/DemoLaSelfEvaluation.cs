using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's self-evaluation for last academic year, rated and signed off by the SMT, laid out like the example
/// readout of the quality standards (with the peer review differing on two cells); and a synthetic national count of
/// schools in Ofsted categories so the LA's national position can be shown (Demo Borough is not in Ofsted's real file).
/// </summary>
public static class DemoLaSelfEvaluation
{
    private const RagRating OS = RagRating.Outstanding, G = RagRating.Good, NI = RagRating.RequiresSomeImprovement, SI = RagRating.RequiresSignificantImprovement;

    private static readonly Dictionary<SefPhase, RagRating[]> Readout = new()
    {
        [SefPhase.EarlyYears] = [G, G, OS, G, NI, G, G, G, G, SI],
        [SefPhase.Primary] = [NI, NI, G, G, G, NI, G, G, G, G],
        [SefPhase.Secondary] = [G, G, OS, G, G, NI, G, NI, G, G],
    };

    private static readonly Dictionary<(string, SefPhase), RagRating?> PeerReview = new()
    {
        [("1.1", SefPhase.Primary)] = G,
        [("2.3", SefPhase.Secondary)] = SI,
    };

    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        var standards = ShippedQualityStandards.Set;
        var year = AcademicYear.Of(db.Today()) - 1;
        var evaluation = new LaSelfEvaluationYear(year, standards.Version);
        var none = new ComputedFigures([]);
        foreach (var (standard, i) in standards.Standards.Select((s, i) => (s, i)))
            foreach (var phase in RagRatings.Phases.Where(standard.AppliesTo))
            {
                var rating = Readout[phase][i];
                var met = standard.CriteriaFor(phase).Where(c => c.Critical && c.Level <= RagRating.Good && c.Level >= rating).Select(c => c.Id).ToList();
                var evidence = $"Annual conversation with headteachers, {AcademicYear.Format(year)} | /Data/La\nRisk register and board packs | /RiskRegister";
                evaluation.Rate(standard, phase, new RatingInput(rating, met, evidence, null, PeerReview.GetValueOrDefault((standard.Id, phase)),
                    PeerReview.ContainsKey((standard.Id, phase)) ? "The peer review weighed the schools in categories more heavily." : null), none, "smt@demo-borough.example");
            }
        evaluation.SignOff(new MoveContext(new Actor("smt@demo-borough.example", Role.SeniorManager), db.UtcNow, db.Today(),
            "Agreed at the SMT with the peer review's report."), standards);
        db.LaSelfEvaluations.Add(evaluation);

        var own = await db.LocalAuthorities.AsNoTracking().Select(l => l.Code).FirstAsync(ct);
        var urns = await db.Schools.AsNoTracking().Where(s => s.Details.LaCode == own).Select(s => s.Urn).ToListAsync(ct);
        var inCategory = await db.OfstedInspections.AsNoTracking().CountAsync(i => urns.Contains(i.Urn) && i.Outcome.CategoryOfConcern != null, ct);
        var random = new Random(2025);
        db.NationalOfstedCounts.Add(new NationalOfstedCount(own, "Demo Borough", urns.Count, inCategory, db.Today(), 0));
        for (var la = 1; la <= 152; la++)
        {
            var schools = random.Next(40, 600);
            db.NationalOfstedCounts.Add(new NationalOfstedCount(100 + la, $"Synthetic LA {la}", schools, (int)Math.Round(schools * random.NextDouble() * 0.04), db.Today(), 0));
        }
        await db.SaveChangesAsync(ct);
    }
}
