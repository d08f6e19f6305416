using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace SchoolSight.Core.Exports;

/// <summary>
/// A table as a page shows it, ready to download: column headings, rows (numbers as numbers, text as text, a
/// suppressed figure as its symbol) and notes that travel with it (what the figures are, the suppression rule applied).
/// Built from the same view the page renders, so an export shows exactly what the page shows.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<string> Notes);

public enum ExportFormat { Csv, Xlsx }

/// <summary>Writes an <see cref="ExportTable"/> as CSV or an Excel workbook, guarding every text cell against formula injection.</summary>
public static class TableExport
{
    public static ExportFormat? ParseFormat(string? format) => format?.ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static byte[] Write(ExportTable table, ExportFormat format) => format switch
    {
        ExportFormat.Csv => Csv(table),
        ExportFormat.Xlsx => Xlsx(table),
    };

    /// <summary>
    /// Text a spreadsheet would read as a formula (starting = + - @, a tab, a carriage return or NUL) gets a leading
    /// apostrophe, so a school or indicator name can never run as a formula when the file is opened.
    /// </summary>
    public static string Escape(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\0' ? "'" + text : text;

    /// <summary>The table with a header row (RFC 4180, UTF-8 with a byte order mark for Excel); then, after an empty line, one "Note" line per note.</summary>
    public static byte[] Csv(ExportTable table)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, Utf8WithMark, bufferSize: 16 * 1024, leaveOpen: true))
        {
            void Line(IEnumerable<string> fields)
            {
                var first = true;
                foreach (var field in fields)
                {
                    if (!first) text.Write(',');
                    text.Write(Quote(field));
                    first = false;
                }
                text.Write("\r\n");
            }
            Line(table.Columns.Select(Escape));
            foreach (var row in table.Rows) Line(row.Select(CsvCell));
            if (table.Notes.Count > 0)
            {
                text.Write("\r\n");
                foreach (var note in table.Notes) Line(["Note", Escape(note)]);
            }
        }
        return stream.ToArray();
    }

    private static readonly UTF8Encoding Utf8WithMark = new(encoderShouldEmitUTF8Identifier: true);

    // MiniExcel's own buffer is 512 K characters a part, a megabyte or more for every export; a table fits in far less.
    private static readonly OpenXmlConfiguration Workbooks = new() { BufferSize = 64 * 1024 };

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    /// <summary>A workbook with the table on its first sheet and the title and notes on a second.</summary>
    public static byte[] Xlsx(ExportTable table) => Workbook([("Data", table)], "About this table");

    /// <summary>
    /// A workbook of several tables, each on its own named sheet (sheet names are at most 31 characters, without
    /// <c>[]:*?/\</c>), then a "Notes" sheet with each table's title and notes.
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<(string Sheet, ExportTable Table)> tables) => Workbook(tables, "About these tables");

    private static byte[] Workbook(IReadOnlyList<(string Sheet, ExportTable Table)> tables, string notesHeading)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var (sheet, table) in tables) sheets[sheet] = SheetRows(table);
        sheets["Notes"] = tables.SelectMany(t => new[] { t.Table.Title }.Concat(t.Table.Notes))
            .Select(n => new Dictionary<string, object?> { [notesHeading] = Escape(n) }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: Workbooks);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> SheetRows(ExportTable table)
    {
        var rows = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < table.Columns.Count; i++)
                record[Escape(table.Columns[i])] = i < row.Count ? XlsxCell(row[i]) : null;
            return record;
        }).ToList();
        if (rows.Count == 0) rows.Add(table.Columns.ToDictionary(c => Escape(c), _ => (object?)null));
        return rows;
    }

    /// <summary>Several tables in one CSV file, one after another: each opens with a line holding its title and ends with an empty line.</summary>
    public static byte[] Csv(IReadOnlyList<ExportTable> tables)
    {
        var preamble = Encoding.UTF8.GetPreamble();
        using var stream = new MemoryStream();
        stream.Write(preamble);
        foreach (var table in tables)
        {
            stream.Write(Encoding.UTF8.GetBytes(Quote(Escape(table.Title)) + "\r\n"));
            stream.Write(Csv(table).AsSpan(preamble.Length));
            stream.Write("\r\n"u8);
        }
        return stream.ToArray();
    }

    private static string CsvCell(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        ExportNumber n => n.Text,
        string s => Escape(s),
        _ => Escape(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""),
    };

    private static object? XlsxCell(object? cell) => cell switch
    {
        null => null,
        double or int => cell,
        ExportNumber n => n.Value,
        string s => Escape(s),
        _ => Escape(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? ""),
    };
}

/// <summary>A number with the text the page shows for it ("90.0"): CSV writes the text, Excel the number (rounded the same way).</summary>
public sealed record ExportNumber(double Value, string Text)
{
    /// <summary>
    /// The number as the page shows it, to <paramref name="decimals"/> places: Excel gets the shown text's own value, so
    /// a figure at an exact half (61.25 shown as "61.2") is not rounded the other way in the workbook.
    /// </summary>
    public static ExportNumber Of(double value, int decimals)
    {
        var text = value.ToString("F" + decimals, CultureInfo.InvariantCulture);
        return new(double.Parse(text, CultureInfo.InvariantCulture), text);
    }
}
