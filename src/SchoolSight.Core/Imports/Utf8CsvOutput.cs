using System.Globalization;
using System.Text;

namespace SchoolSight.Core.Imports;

/// <summary>
/// A fast writer of plain CSV rows as UTF-8 bytes, for files with millions of rows whose values never need quoting
/// (codes, numbers, references checked to hold no comma, quote or line break). Lines end in CRLF.
/// </summary>
internal sealed class Utf8CsvOutput(Stream stream) : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 20];
    private int _at;
    private bool _first = true;

    public void Field(ReadOnlySpan<byte> utf8)
    {
        Room(utf8.Length + 1);
        Separator();
        utf8.CopyTo(_buffer.AsSpan(_at));
        _at += utf8.Length;
    }

    public void Field(string text)
    {
        Room(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
        Separator();
        _at += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_at));
    }

    public void Field(int value)
    {
        Room(12);
        Separator();
        value.TryFormat(_buffer.AsSpan(_at), out var written, default, CultureInfo.InvariantCulture);
        _at += written;
    }

    /// <summary>The shortest text that reads back as the same float; NaN is written as a blank field.</summary>
    public void Field(float value)
    {
        Room(32);
        Separator();
        if (float.IsNaN(value)) return;
        value.TryFormat(_buffer.AsSpan(_at), out var written, default, CultureInfo.InvariantCulture);
        _at += written;
    }

    public void Blank()
    {
        Room(1);
        Separator();
    }

    public void EndRow()
    {
        Room(2);
        _buffer[_at++] = (byte)'\r';
        _buffer[_at++] = (byte)'\n';
        _first = true;
    }

    public void Flush()
    {
        stream.Write(_buffer, 0, _at);
        _at = 0;
        stream.Flush();
    }

    public void Dispose() => Flush();

    private void Separator()
    {
        if (!_first) _buffer[_at++] = (byte)',';
        _first = false;
    }

    private void Room(int bytes)
    {
        if (_at + bytes + 1 <= _buffer.Length) return;
        stream.Write(_buffer, 0, _at);
        _at = 0;
    }
}
