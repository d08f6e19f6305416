using SchoolSight.Core.Data;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo;

/// <summary>
/// Demo Borough's pupil-level records and perception surveys: three academic years (2022/23 to 2024/25) for each of
/// its schools with pupils (for a nursery school, its parents' survey answers), made by the synthetic data generator with a fixed seed and stored as blocks directly, as an
/// import of the generated files would store them. Each year's pupil and survey data is recorded as an applied import
/// of the file <c>schoolsight demo generate</c> writes for it, so the import history and the data page say where the
/// demo's data came from and how old it is, as they do for an LA's own imports.
/// </summary>
public static class DemoPupilData
{
    public const int LastAcademicYear = 2024;
    public const int Years = 3;
    public const long Seed = DemoSeeder.DemoLaCode;

    /// <summary>Who the demo's import records name.</summary>
    public const string ImportedBy = "SchoolSight demo data";

    public static async Task SeedAsync(AppDbContext db, IEnumerable<School> schools, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        var synthetic = schools.Select(s => SyntheticSchool.From(s.Urn, s.Details)).ToList();
        var years = PupilDataGenerator.Generate(synthetic, LastAcademicYear - Years + 1, Years, Seed).SelectMany(school => school).GroupBy(y => y.AcademicYear);
        foreach (var year in years.OrderBy(y => y.Key))
        {
            var pupils = new ImportRecord(ImportKind.Pupils, SyntheticDataFiles.PupilFileName(year.Key), "", now, ImportedBy, DemoSeeder.DemoLaName);
            var surveys = new ImportRecord(ImportKind.Surveys, SyntheticDataFiles.SurveyFileName(year.Key), "", now, ImportedBy, DemoSeeder.DemoLaName);
            db.Imports.AddRange(pupils, surveys);
            await db.SaveChangesAsync(ct);
            var (pupilHashes, surveyHashes) = (new List<string>(), new List<string>());
            int pupilRows = 0, surveyRows = 0, pupilSchools = 0, surveySchools = 0;
            foreach (var school in year)
            {
                if (school.Pupils.Count > 0)
                {
                    var data = PupilBlockCodec.Encode(school.Pupils);
                    var refs = PupilBlockCodec.EncodeRefs(school.Pupils.PupilRefs);
                    var hash = PupilBlockCodec.Hash(data, refs);
                    db.PupilDataBlocks.Add(new PupilDataBlock(school.Urn, school.AcademicYear, school.Pupils.Count, hash, data, refs, pupils.Id, now));
                    (pupilRows, pupilSchools) = (pupilRows + school.Pupils.Count, pupilSchools + 1);
                    pupilHashes.Add(hash);
                }
                var survey = SurveyBlockCodec.Encode(school.Survey);
                var surveyHash = SurveyBlockCodec.Hash(survey);
                db.SurveyDataBlocks.Add(new SurveyDataBlock(school.Urn, school.AcademicYear, school.Survey.Count, surveyHash, survey, surveys.Id, now));
                (surveyRows, surveySchools) = (surveyRows + school.Survey.Count, surveySchools + 1);
                surveyHashes.Add(surveyHash);
            }
            pupils.Checked(Digest(pupilHashes));
            pupils.Applied(pupilRows, pupilRows, pupilSchools, 0, 0, 0);
            surveys.Checked(Digest(surveyHashes));
            surveys.Applied(surveyRows, surveyRows, surveySchools, 0, 0, 0);
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A stand-in for the file's SHA-256 (the demo writes no file): the digest of its blocks' hashes.</summary>
    private static string Digest(IEnumerable<string> hashes) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", hashes))));
}
