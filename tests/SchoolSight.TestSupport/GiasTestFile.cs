using System.Text;
using CsvHelper;
using SchoolSight.Core.Imports.Gias;

namespace SchoolSight.TestSupport;

/// <summary>
/// The real GIAS extract (<see cref="SharedData.GiasHampshireSurrey"/>) as editable rows, for building test files:
/// change a value, drop a row or a column, then write it out again in the GIAS layout (every field quoted, CRLF).
/// The real file has no line breaks inside fields, so row <c>i</c> (0-based) of a written file starts on line <c>i + 2</c>.
/// </summary>
public sealed class GiasTestFile
{
    private GiasTestFile(List<string> header, List<List<string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public List<string> Header { get; }

    /// <summary>Each row's fields; some real rows have extra trailing fields (GIAS's "Linked establishments" overflow).</summary>
    public List<List<string>> Rows { get; }

    public static GiasTestFile Real()
    {
        using var reader = CsvReader.FromFile(SharedData.GiasHampshireSurrey, CsvReaderOptions.Default with { Separator = ',' });
        var header = reader.Headers.ToList();
        var rows = new List<List<string>>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return new GiasTestFile(header, rows);
    }

    public int ColumnIndex(string column) => Header.IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException($"No column {column}");

    public string Value(List<string> row, string column) => row[ColumnIndex(column)];

    public IEnumerable<List<string>> RowsOf(int laCode) => Rows.Where(r => Value(r, "LA (code)") == laCode.ToString());

    public int Urn(List<string> row) => int.Parse(Value(row, "URN"));

    public List<string> Row(int urn) => Rows.Single(r => Urn(r) == urn);

    /// <summary>The line of the written file where the row of <paramref name="urn"/> starts.</summary>
    public int LineOf(int urn) => Rows.FindIndex(r => Urn(r) == urn) + 2;

    /// <summary>The first open school of an LA, skipping <paramref name="skip"/> of them.</summary>
    public List<string> OpenSchool(int laCode, int skip = 0) => RowsOf(laCode).Where(r => Value(r, "EstablishmentStatus (name)") == "Open").Skip(skip).First();

    public GiasTestFile Set(int urn, string column, string value)
    {
        Row(urn)[ColumnIndex(column)] = value;
        return this;
    }

    public GiasTestFile Remove(int urn)
    {
        Rows.Remove(Row(urn));
        return this;
    }

    public GiasTestFile KeepOnly(Func<List<string>, bool> keep)
    {
        Rows.RemoveAll(r => !keep(r));
        return this;
    }

    public GiasTestFile DropColumn(string column)
    {
        var index = ColumnIndex(column);
        Header.RemoveAt(index);
        foreach (var row in Rows) row.RemoveAt(index);
        return this;
    }

    public string ToText()
    {
        var text = new StringWriter { NewLine = "\r\n" };
        GiasFileWriter.WriteRows(text, Header, Rows);
        return text.ToString();
    }

    public byte[] ToBytes(Encoding? encoding = null) => (encoding ?? new UTF8Encoding(false)).GetBytes(ToText());

    /// <summary>Writes the file to a new temporary path (deleted by the caller or left to the OS's temp cleaning).</summary>
    public string WriteTemp(Encoding? encoding = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"schoolsight-gias-test-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, ToBytes(encoding));
        return path;
    }
}
