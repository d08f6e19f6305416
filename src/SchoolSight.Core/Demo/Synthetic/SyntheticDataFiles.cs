using SchoolSight.Core.Imports.Gias;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Demo.Synthetic;

/// <summary>One academic year's files as written.</summary>
public sealed record SyntheticYearFiles(int AcademicYear, string PupilFile, long PupilRows, string SurveyFile, long SurveyRows);

public sealed record SyntheticFiles(string EstablishmentFile, int Establishments, IReadOnlyList<SyntheticYearFiles> Years);

/// <summary>
/// Writes a synthetic data set to a folder: the establishments in the GIAS layout (<c>establishments.csv</c>), and for
/// each academic year a pupil file (<c>pupils_2024-25.csv</c>) and a survey file (<c>surveys_2024-25.csv</c>).
/// Schools are generated and written one batch at a time, every year's files open together, so a whole country
/// streams to disk without being held in memory.
/// </summary>
public static class SyntheticDataFiles
{
    public const string EstablishmentFileName = "establishments.csv";

    public static string PupilFileName(int academicYear) => $"pupils_{FileYear(academicYear)}.csv";
    public static string SurveyFileName(int academicYear) => $"surveys_{FileYear(academicYear)}.csv";

    public static SyntheticFiles Write(string folder, IReadOnlyList<(int Urn, SchoolDetails Details)> establishments, int firstAcademicYear, int years, long seed,
        IProgress<int>? schoolsDone = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var establishmentFile = Path.Combine(folder, EstablishmentFileName);
        using (var stream = File.Create(establishmentFile)) GiasFileWriter.Write(stream, establishments);

        var academicYears = Enumerable.Range(firstAcademicYear, years).ToArray();
        var pupilStreams = academicYears.Select(y => File.Create(Path.Combine(folder, PupilFileName(y)))).ToArray();
        var surveyStreams = academicYears.Select(y => File.Create(Path.Combine(folder, SurveyFileName(y)))).ToArray();
        var pupilWriters = pupilStreams.Select(s => new PupilFileWriter(s)).ToArray();
        var surveyWriters = surveyStreams.Select(s => new SurveyFileWriter(s)).ToArray();
        try
        {
            var done = 0;
            foreach (var school in PupilDataGenerator.Generate(SyntheticEstablishments.Schools(establishments), firstAcademicYear, years, seed))
            {
                ct.ThrowIfCancellationRequested();
                foreach (var year in school)
                {
                    var t = year.AcademicYear - firstAcademicYear;
                    pupilWriters[t].Write(year.Urn, year.AcademicYear, year.Pupils);
                    surveyWriters[t].Write(year.Urn, year.AcademicYear, year.Survey);
                }
                if (++done % 100 == 0) schoolsDone?.Report(done);
            }
            schoolsDone?.Report(done);
        }
        finally
        {
            foreach (var writer in pupilWriters) writer.Dispose();
            foreach (var writer in surveyWriters) writer.Dispose();
            foreach (var stream in pupilStreams.Concat(surveyStreams)) stream.Dispose();
        }
        return new SyntheticFiles(establishmentFile, establishments.Count, [.. academicYears.Select((y, t) => new SyntheticYearFiles(
            y, Path.Combine(folder, PupilFileName(y)), pupilWriters[t].Rows, Path.Combine(folder, SurveyFileName(y)), surveyWriters[t].Rows))]);
    }

    /// <summary>"2024-25": the academic year as it can appear in a file name.</summary>
    public static string FileYear(int academicYear) => AcademicYears.Display(academicYear).Replace('/', '-');
}
