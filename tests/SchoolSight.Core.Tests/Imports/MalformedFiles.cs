using System.Text;

namespace SchoolSight.Core.Tests.Imports;

/// <summary>
/// One change to a valid file: its name, the file it makes, and whether SchoolSight must refuse it (a malformed
/// variant) or accept it (harmless: a byte order mark, a column SchoolSight does not read…). A refused file must name
/// at least one problem by line and column, unless the problem is with the whole file or its bytes (an empty file, the
/// wrong encoding, a NUL byte, a row too long to read): then <see cref="NamesColumn"/> is false.
/// </summary>
public sealed record FileVariant(string Name, byte[] Content, bool Refused = true, bool NamesColumn = true)
{
    public override string ToString() => Name;
}

/// <summary>Systematic changes to a source's valid example file, for the malformed-file battery.</summary>
public static class MalformedFiles
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    public static IEnumerable<FileVariant> For(ImportSource source)
    {
        var valid = source.Load();
        var text = valid.Text();
        var row = source.Row;
        var line = row + 2;
        byte[] Edit(Action<SampleFile> change)
        {
            var copy = valid.Copy();
            change(copy);
            return copy.Bytes();
        }
        byte[] Set(string column, string value) => Edit(f => f.Set(row, column, value));
        byte[] Lines(Func<List<string>, List<string>> change) =>
            Utf8.GetBytes(string.Join("\r\n", change([.. text.Split("\r\n")[..^1]])) + "\r\n");
        var rowText = text.Split("\r\n")[line - 1];
        var keyAt = valid.Index(source.Key);

        // Whole-file damage.
        yield return new("empty file", [], NamesColumn: false);
        yield return new("blank lines only", "\r\n\r\n\r\n"u8.ToArray(), NamesColumn: false);
        yield return new("a byte order mark only", [0xEF, 0xBB, 0xBF], NamesColumn: false);
        yield return new("header only", Utf8.GetBytes(text.Split("\r\n")[0] + "\r\n"), NamesColumn: false);
        yield return new("UTF-16 little-endian with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], NamesColumn: false);
        yield return new("UTF-16 big-endian with BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], NamesColumn: false);
        yield return new("UTF-16 without BOM", Encoding.Unicode.GetBytes(text), NamesColumn: false);
        yield return new("UTF-32 with BOM", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)], NamesColumn: false);
        yield return new("an Excel workbook", [(byte)'P', (byte)'K', 3, 4, .. Utf8.GetBytes(text)], NamesColumn: false);
        yield return new("embedded NUL", Lines(l => { l[line - 1] = l[line - 1].Insert(3, "\0"); return l; }), NamesColumn: false);
        yield return new("invalid UTF-8 with a byte no text encoding has", [.. Utf8.GetBytes(text[..text.IndexOf('\n')]), 0x81, .. Utf8.GetBytes(text[text.IndexOf('\n')..])], NamesColumn: false);
        yield return new("binary garbage", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 131 % 256))], NamesColumn: false);
        yield return new("the wrong file (another source's example)",
            ImportSource.All.First(s => s.Name != source.Name && s.Name != "GIAS" && (source.Name != "KS2" || s.Name != "KS4") && (source.Name != "KS4" || s.Name != "KS2")).Load().Bytes());

        // The header.
        yield return new("missing required header", Edit(f =>
        {
            var i = f.Index(source.Required);
            f.Header.RemoveAt(i);
            foreach (var r in f.Rows.Where(r => r.Count > i)) r.RemoveAt(i);
        }));
        yield return new("missing key header", Edit(f =>
        {
            f.Header.RemoveAt(keyAt);
            foreach (var r in f.Rows.Where(r => r.Count > keyAt)) r.RemoveAt(keyAt);
        }));
        yield return new("required header misspelt", Edit(f => f.Header[f.Index(source.Required)] = source.Required + "_X"));
        yield return new("duplicated header (a read column twice)", Edit(f =>
        {
            f.Header.Add(source.Numeric);
            foreach (var r in f.Rows)
            {
                while (r.Count < f.Header.Count - 1) r.Add("");
                r.Add("1");
            }
        }));
        // The second mark sticks to the first column's name: refused when SchoolSight reads that column (Ofsted's first is a web link it does not).
        yield return new("two BOMs", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(text)], Refused: source.Name != "Ofsted");
        yield return new("wrong delimiter (semicolon)", Utf8.GetBytes(text.Replace(',', ';')));
        yield return new("wrong delimiter (tab)", Utf8.GetBytes(text.Replace(',', '\t')));
        yield return new("header with an unclosed quote", Utf8.GetBytes("\"" + text));

        // The shape of a row.
        yield return new("truncated mid-row (inside the key)", Utf8.GetBytes(text[..(text.IndexOf(rowText, StringComparison.Ordinal) + FieldStart(rowText, keyAt) + 2)]));
        yield return new("truncated inside a quoted field", Utf8.GetBytes(text[..text.IndexOf(rowText, StringComparison.Ordinal)] + SampleFile.Quote("x,")[..3]));
        yield return new("extra field in a row", Lines(l => { l[line - 1] += ",surplus"; return l; }));
        yield return new("a row cut short before its key", Lines(l =>
        {
            var fields = l[line - 1].Split(',');
            l[line - 1] = keyAt == 0 ? "," + fields[1] : string.Join(",", fields.Take(keyAt));
            return l;
        }));
        yield return new("stray quote inside a field", Lines(l => { l[line - 1] = l[line - 1].Insert(FieldStart(l[line - 1], keyAt) + 2, "\""); return l; }));
        yield return new("text after a closing quote", Lines(l => { l[line - 1] = RawField(l[line - 1], keyAt, "\"123456\"x"); return l; }));
        yield return new("unbalanced quote at the end of the file", Utf8.GetBytes(text.TrimEnd() + ",\"open\r\n"));
        yield return new("a line break inside the key", Set(source.Key, valid.Rows[row][keyAt][..3] + "\n" + valid.Rows[row][keyAt][3..]));
        yield return new("BOM in the middle of the file (before a URN)", Lines(l => { l[line - 1] = l[line - 1].Insert(FieldStart(l[line - 1], keyAt), "\uFEFF"); return l; }));
        yield return new("the header again as a row", Lines(l => { l.Insert(line, l[0]); return l; }));
        yield return new("the file twice", Utf8.GetBytes(text + text));
        yield return new("very long field (5 MB)", Set(source.Key, new string('9', 5 << 20)), NamesColumn: false);

        // The key.
        yield return new("blank URN", Set(source.Key, ""));
        // A GIAS URN is any positive whole number (children's centres have five digits); the DfE's files hold schools' six- or seven-digit URNs.
        yield return new("URN too short", Set(source.Key, "12345"), Refused: source.Name != "GIAS");
        yield return new("URN too long", Set(source.Key, "123456789"), Refused: source.Name != "GIAS");
        yield return new("URN zero", Set(source.Key, "0"));
        yield return new("URN with letters", Set(source.Key, "ABC123"));
        yield return new("URN with a decimal point", Set(source.Key, valid.Rows[row][keyAt] + ".0"));
        yield return new("negative URN", Set(source.Key, "-" + valid.Rows[row][keyAt]));
        yield return new("formula injection in the URN", Set(source.Key, "=HYPERLINK(\"http://x\",\"1\")"));
        if (source.DuplicateRowIsAProblem) yield return new("duplicate key (a row twice)", Lines(l => { l.Insert(line, l[line - 1]); return l; }));

        // Values.
        yield return new("non-numeric in a numeric column", Set(source.Numeric, "abc"));
        yield return new("formula injection in a numeric column", Set(source.Numeric, "=1+1"));
        yield return new("a number with a thousands separator", Set(source.Numeric, "1,234"));
        yield return new("not a number (NaN)", Set(source.Numeric, "NaN"));
        yield return new("a very long number", Set(source.Numeric, new string('9', 400)));
        if (source.Count is { } count) yield return new("negative count", Set(count, "-5"));
        if (source.Count is { } whole) yield return new("fractional count", Set(whole, "2.25"));
        if (source.Percentage is { } percentage) yield return new("percentage out of range", Set(percentage, "150"));
        if (source.Percentage is { } negative) yield return new("negative percentage", Set(negative, "-1"));
        if (source.Date is { } date) yield return new("bad date", Set(date, source.BadDate!));
        if (source.Date is { } text2) yield return new("a date that is not a date", Set(text2, "soon"));
        if (source.KeptText is { } kept) yield return new("a kept text too long", Set(kept, new string('A', 400)));
        if (source.KeptText is { } blank && source.Name is "GIAS" or "pupils") yield return new("a required text blank", Set(blank, ""));

        // Harmless: accepted, not counted as malformed.
        yield return new("UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(text)], Refused: false);
        yield return new("LF line endings", Utf8.GetBytes(text.Replace("\r\n", "\n")), Refused: false);
        yield return new("CR-only line endings (old Mac)", Utf8.GetBytes(text.Replace("\r\n", "\r")), Refused: false);
        yield return new("trailing blank lines", Utf8.GetBytes(text + "\r\n\r\n"), Refused: false);
        yield return new("spaces around a number", Set(source.Numeric, " " + valid.Rows[row][valid.Index(source.Numeric)] + " "), Refused: false);
        yield return new("a column SchoolSight does not read, with formula text", Edit(f =>
        {
            f.Header.Add("Our notes");
            foreach (var r in f.Rows)
            {
                while (r.Count < f.Header.Count - 1) r.Add("");
                r.Add("=cmd|' /C calc'!A0");
            }
        }), Refused: false);
        yield return new("a column SchoolSight does not read, twice and unnamed", Edit(f =>
        {
            f.Header.AddRange(["Our notes", "our NOTES", ""]);
            foreach (var r in f.Rows)
            {
                while (r.Count < f.Header.Count - 3) r.Add("");
                r.AddRange(["a", "b", "c"]);
            }
        }), Refused: false);
        yield return new("header names in another case", Edit(f =>
        {
            for (var i = 0; i < f.Header.Count; i++) f.Header[i] = f.Header[i].ToLowerInvariant();
        }), Refused: false);
        if (source.KeptText is { } formula && source.Name is "GIAS")
            yield return new("formula text in a kept text (escaped on export)", Set(formula, "=SUM(A1:A2) School"), Refused: false);
        if (source.KeptText is { } latin && source.Name is "GIAS")
            yield return new("Windows-1252 text (é)", [.. Encoding.Latin1.GetBytes(valid.Copy().Set(row, latin, "Ecole Sainte-Thérèse").Text())], Refused: false);
    }

    /// <summary>The line with field <paramref name="index"/> (unquoted, as are the fields before it) written as <paramref name="raw"/>.</summary>
    private static string RawField(string line, int index, string raw)
    {
        var start = FieldStart(line, index);
        var end = line.IndexOf(',', start) is var comma and >= 0 ? comma : line.Length;
        return line[..start] + raw + line[end..];
    }

    /// <summary>Where field <paramref name="index"/> starts in an unquoted CSV line.</summary>
    private static int FieldStart(string line, int index)
    {
        var at = 0;
        for (var i = 0; i < index; i++) at = line.IndexOf(',', at) + 1;
        return at;
    }
}
