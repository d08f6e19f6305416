using System.Text;
using SchoolSight.Core.Demo.Synthetic;
using SchoolSight.Core.Imports.Pupils;
using SchoolSight.Core.Imports.Surveys;
using SchoolSight.Domain.Register;

namespace SchoolSight.TestSupport;

/// <summary>
/// A generated pupil or survey file as editable rows, for tests: change a value, drop a column, then write it out.
/// The generated files have no quoted fields, so row <c>i</c> (0-based) starts on line <c>i + 2</c>.
/// </summary>
public sealed class DataFile
{
    private DataFile(List<string> header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public List<string> Header { get; }
    public List<string[]> Rows { get; }

    /// <summary>A pupil file for primary schools of the given URNs (R to year 6, 60 pupils a school) in the given academic years.</summary>
    public static DataFile Pupils(IReadOnlyList<int> urns, int firstYear = 2024, int years = 1, long seed = 1, SchoolPhase phase = SchoolPhase.Primary) =>
        Parse(Bytes(urns, firstYear, years, seed, phase, survey: false));

    public static DataFile Surveys(IReadOnlyList<int> urns, int firstYear = 2024, int years = 1, long seed = 1) =>
        Parse(Bytes(urns, firstYear, years, seed, SchoolPhase.Primary, survey: true));

    /// <summary>The generator's own bytes for these schools (what <c>schoolsight demo generate</c> writes).</summary>
    public static byte[] Bytes(IReadOnlyList<int> urns, int firstYear, int years, long seed, SchoolPhase phase, bool survey)
    {
        var schools = urns.Select(u => phase switch
        {
            SchoolPhase.Secondary => new SyntheticSchool(u, phase, 250, 7, 11),
            _ => new SyntheticSchool(u, phase, 140, 0, 6),
        });
        var stream = new MemoryStream();
        using (var pupils = new PupilFileWriter(survey ? Stream.Null : stream))
        using (var surveys = new SurveyFileWriter(survey ? stream : Stream.Null))
            foreach (var school in PupilDataGenerator.Generate(schools, firstYear, years, seed))
                foreach (var year in school)
                {
                    pupils.Write(year.Urn, year.AcademicYear, year.Pupils);
                    surveys.Write(year.Urn, year.AcademicYear, year.Survey);
                }
        return stream.ToArray();
    }

    public static DataFile Parse(byte[] bytes)
    {
        var lines = Encoding.UTF8.GetString(bytes).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return new DataFile([.. lines[0].Split(',')], [.. lines.Skip(1).Select(l => l.Split(','))]);
    }

    public int Column(string name) => Header.IndexOf(name) is var i and >= 0 ? i : throw new ArgumentException($"No column {name}");

    public string Value(int row, string column) => Rows[row][Column(column)];

    /// <summary>The first row (0-based) that matches, e.g. a year 4 pupil.</summary>
    public int RowWhere(string column, string value, int skip = 0) =>
        Rows.Select((r, i) => (r, i)).Where(x => x.r[Column(column)] == value).Skip(skip).First().i;

    public static int LineOf(int row) => row + 2;

    public DataFile Set(int row, string column, string value)
    {
        Rows[row][Column(column)] = value;
        return this;
    }

    public DataFile DropColumn(string column)
    {
        var index = Column(column);
        Header.RemoveAt(index);
        for (var i = 0; i < Rows.Count; i++) Rows[i] = [.. Rows[i].Where((_, k) => k != index)];
        return this;
    }

    public string ToText() => string.Join("\r\n", new[] { string.Join(',', Header) }.Concat(Rows.Select(r => string.Join(',', r)))) + "\r\n";

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToText());
}
