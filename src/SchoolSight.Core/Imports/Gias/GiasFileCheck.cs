using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// The first pass over a file's bytes: its SHA-256, its length, and which encoding it is in. GIAS downloads are
/// UTF-8; a file re-saved by older Excel is Windows-1252. Valid UTF-8 (with or without a byte order mark) is read as
/// UTF-8; anything else as Windows-1252, unless it holds bytes no Windows-1252 text has (NUL, a UTF-16 byte order
/// mark, the five unassigned bytes): then the file is refused as being in the wrong encoding.
/// </summary>
public sealed record GiasFileCheck(string Sha256, long Length, Encoding? Encoding, string EncodingName, ImportProblem? Error)
{
    /// <summary>Whether the file holds a double quote anywhere: without one, no field spans lines, so every line break ends a row.</summary>
    public bool Quoted { get; init; }

    private const int ChunkSize = 1 << 20;
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly SearchValues<byte> Unassigned1252 = SearchValues.Create([0x81, 0x8D, 0x8F, 0x90, 0x9D]);
    private const string SaveAsCsv = "Open it in Excel and save it as 'CSV UTF-8 (comma delimited)', then upload that file";

    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>Reads <paramref name="stream"/> from where it is to its end.</summary>
    public static async Task<GiasFileCheck> RunAsync(Stream stream, Action<long>? bytesRead, CancellationToken ct)
    {
        // Two buffers: the hash of one chunk is worked out on another thread while this one checks it and reads the next.
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(ChunkSize), ArrayPool<byte>.Shared.Rent(ChunkSize)];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashed = Task.CompletedTask;
        try
        {
            var decoder = StrictUtf8.GetDecoder();
            var (isUtf8, quoted) = (true, false);
            long length = 0, lineBreaks = 0;
            long? nulLine = null;
            (long Line, byte Value)? unassigned = null;
            var head = new byte[4];
            int read;
            for (var next = 0; ; next ^= 1)
            {
                var buffer = buffers[next];
                if ((read = await stream.ReadAsync(buffer.AsMemory(0, ChunkSize), ct)) == 0) break;
                await hashed;
                var hashing = read;
                hashed = Task.Run(() => hash.AppendData(buffer, 0, hashing), CancellationToken.None);
                var chunk = buffer.AsSpan(0, read);
                if (length < head.Length) chunk[..Math.Min(read, head.Length - (int)length)].CopyTo(head.AsSpan((int)length));
                if (isUtf8) isUtf8 = IsUtf8(decoder, chunk, flush: false);
                quoted = quoted || chunk.Contains((byte)'"');
                if (nulLine is null && chunk.IndexOf((byte)0) is var nul and >= 0)
                    nulLine = lineBreaks + chunk[..nul].Count((byte)'\n') + 1;
                if (unassigned is null && chunk.IndexOfAny(Unassigned1252) is var bad and >= 0)
                    unassigned = (lineBreaks + chunk[..bad].Count((byte)'\n') + 1, chunk[bad]);
                lineBreaks += chunk.Count((byte)'\n');
                length += read;
                bytesRead?.Invoke(length);
            }
            if (isUtf8) isUtf8 = IsUtf8(decoder, [], flush: true);
            await hashed;
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());

            GiasFileCheck Refused(ImportProblem error) => new(sha, length, null, "", error);
            if (length == 0)
                return Refused(new ImportProblem(null, null, "the file is empty: it has no header row and no establishments"));
            if (head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
                return Refused(new ImportProblem(1, null, $"the file is saved as UTF-16 (Excel's 'Unicode text'), not as a UTF-8 or Windows-1252 CSV file. {SaveAsCsv}"));
            if (head is [(byte)'P', (byte)'K', 3, 4])
                return Refused(new ImportProblem(null, null, $"this is an Excel workbook or another zipped file, not a CSV file. {SaveAsCsv}"));
            if (nulLine is { } line)
                return Refused(new ImportProblem((int)line, null, $"the file contains NUL bytes, so it is not UTF-8 or Windows-1252 text: it may be saved as UTF-16 or not be a text file at all. {SaveAsCsv}"));
            if (isUtf8)
            {
                var bom = head is [0xEF, 0xBB, 0xBF, ..];
                return new GiasFileCheck(sha, length, null, bom ? "UTF-8 with byte order mark" : "UTF-8", null) { Quoted = quoted };
            }
            if (unassigned is { } u)
                return Refused(new ImportProblem((int)u.Line, null, $"byte 0x{u.Value:X2} is not a character in UTF-8 or in Windows-1252, so the file is in some other encoding. {SaveAsCsv}"));
            return new GiasFileCheck(sha, length, Windows1252, "Windows-1252", null) { Quoted = quoted };
        }
        finally
        {
            try
            {
                await hashed;
            }
            finally
            {
                foreach (var buffer in buffers) ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static bool IsUtf8(Decoder decoder, ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            decoder.GetCharCount(bytes, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
