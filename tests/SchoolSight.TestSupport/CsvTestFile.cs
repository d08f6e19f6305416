using System.Text;
using CsvHelper;

namespace SchoolSight.TestSupport;

/// <summary>
/// A real published CSV file (read in place from the shared data folder) as editable rows, for building test files:
/// change a value, drop a row or a column, then write it out again. Rows keep the field count they have in the file
/// (the DfE leaves trailing empty fields off). The real files have no line breaks inside fields, so row <c>i</c>
/// (0-based) of a written file starts on line <c>i + 2</c>.
/// </summary>
public sealed class CsvTestFile
{
    private CsvTestFile(List<string> header, List<List<string>> rows)
    {
        Header = header;
        Rows = rows;
    }

    public List<string> Header { get; }
    public List<List<string>> Rows { get; }

    public static CsvTestFile Load(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',' });
        var header = reader.Headers.Select(h => h.Trim()).ToList();
        var rows = new List<List<string>>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return new CsvTestFile(header, rows);
    }

    public CsvTestFile Copy() => new([.. Header], [.. Rows.Select(r => r.ToList())]);

    public int ColumnIndex(string column) => Header.IndexOf(column) is var i and >= 0 ? i : throw new ArgumentException($"No column {column}");

    public string Value(List<string> row, string column) => ColumnIndex(column) < row.Count ? row[ColumnIndex(column)] : "";

    public int RowIndex(Func<List<string>, bool> match) => Rows.FindIndex(r => match(r));

    /// <summary>The line a row starts on in the written file.</summary>
    public static int LineOf(int rowIndex) => rowIndex + 2;

    public CsvTestFile Set(int rowIndex, string column, string value)
    {
        var row = Rows[rowIndex];
        var index = ColumnIndex(column);
        while (row.Count <= index) row.Add("");
        row[index] = value;
        return this;
    }

    public CsvTestFile DropColumn(string column)
    {
        var index = ColumnIndex(column);
        Header.RemoveAt(index);
        foreach (var row in Rows.Where(r => r.Count > index)) row.RemoveAt(index);
        return this;
    }

    public CsvTestFile Keep(Func<List<string>, bool> match)
    {
        Rows.RemoveAll(r => !match(r));
        return this;
    }

    public byte[] ToBytes(bool byteOrderMark = true)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Header.Select(Quote))).Append("\r\n");
        foreach (var row in Rows) text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return byteOrderMark ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
