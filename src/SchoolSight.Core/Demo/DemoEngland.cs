using SchoolSight.Core.Data;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's England benchmark: the figures of a synthetic country (the generator's fictional country, a fixed
/// sample of one school in <see cref="SampleEvery"/>, counted as the DfE counts each measure's school types) for the
/// demo's years, stored as <see cref="IndicatorResultSet.SyntheticCountryCode"/>. The recompute takes them as England
/// while no DfE national figures are held, and the pages label them "England (synthetic country, for the demo)":
/// they are never presented as the DfE's.
/// </summary>
public static class DemoEngland
{
    public const int SampleEvery = 200;

    public static async Task SeedAsync(AppDbContext db, IndicatorCatalogueSource source, CancellationToken ct = default)
    {
        var computer = source.Computer;
        var first = DemoPupilData.LastAcademicYear - DemoPupilData.Years + 1;
        var sample = SyntheticEstablishments.National(DemoPupilData.Seed).Where((_, i) => i % SampleEvery == 0).ToList();
        var counted = sample.ToDictionary(e => e.Urn, e =>
        {
            var type = DfeSchoolTypes.FromRegister(e.Details.TypeOfEstablishment, e.Details.EstablishmentTypeGroup);
            return computer.Slots.Select(d => d.SchoolTypes.Counts(type)).ToArray();
        });
        var england = Enumerable.Range(first, DemoPupilData.Years).ToDictionary(y => y, _ => computer.NewTallies());
        foreach (var school in PupilDataGenerator.Generate(SyntheticEstablishments.Schools(sample), first, DemoPupilData.Years, DemoPupilData.Seed))
            foreach (var year in school)
                england[year.AcademicYear].Add(computer.Compute(year.Pupils.Count > 0 ? year.Pupils : null, year.Survey), counted[year.Urn]);

        var now = db.UtcNow;
        foreach (var (year, tallies) in england)
        {
            computer.WithholdUnpublished(tallies, year);
            db.IndicatorResults.Add(new IndicatorResultSet(AreaKind.England, IndicatorResultSet.SyntheticCountryCode, year,
                TalliesCodec.Encode(tallies), "", ComputeIndicators.EnglandFromSyntheticCountry, now));
        }
        await db.SaveChangesAsync(ct);
    }
}
