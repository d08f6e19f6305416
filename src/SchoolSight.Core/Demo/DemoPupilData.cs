using SchoolSight.Core.Data;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's pupil-level records and perception surveys: three academic years (2022/23 to 2024/25) for each of
/// its schools with pupils (for a nursery school, its parents' survey answers), made by the synthetic data generator with a fixed seed and stored as blocks directly, as an
/// import of the generated files would store them (no files, no import record: this is demo data, not an import).
/// </summary>
public static class DemoPupilData
{
    public const int LastAcademicYear = 2024;
    public const int Years = 3;
    public const long Seed = DemoSeeder.DemoLaCode;

    public static async Task SeedAsync(AppDbContext db, IEnumerable<School> schools, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var synthetic = schools.Select(s => SyntheticSchool.From(s.Urn, s.Details)).ToList();
        foreach (var school in PupilDataGenerator.Generate(synthetic, LastAcademicYear - Years + 1, Years, Seed))
        {
            foreach (var year in school)
            {
                if (year.Pupils.Count > 0)
                {
                    var data = PupilBlockCodec.Encode(year.Pupils);
                    var refs = PupilBlockCodec.EncodeRefs(year.Pupils.PupilRefs);
                    db.PupilDataBlocks.Add(new PupilDataBlock(year.Urn, year.AcademicYear, year.Pupils.Count, PupilBlockCodec.Hash(data, refs), data, refs, 0, now));
                }
                var survey = SurveyBlockCodec.Encode(year.Survey);
                db.SurveyDataBlocks.Add(new SurveyDataBlock(year.Urn, year.AcademicYear, year.Survey.Count, SurveyBlockCodec.Hash(survey), survey, 0, now));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
