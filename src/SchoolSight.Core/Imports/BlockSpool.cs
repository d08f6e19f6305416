namespace SchoolSight.Core.Imports;

/// <summary>A school-year's rows, encoded and set aside in the <see cref="BlockSpool"/> (an import writes it meanwhile, uncommitted until the whole file has been checked).</summary>
public sealed record EncodedBlock(SchoolYear Key, int Rows, string Sha256, long Offset, int DataLength, int RefsLength);

/// <summary>
/// Encoded blocks of a file being imported, kept in a temporary file rather than in memory: a national pupil file is
/// about 8 million rows, and the file may come back to a school-year it had left, whose block so far is read back. The blocks hold pupil
/// references in clear, so the file is private to SchoolSight (<see cref="ImportTempFolder"/>) and deleted when disposed.
/// </summary>
public sealed class BlockSpool(ImportTempFolder? folder = null) : IDisposable
{
    public ImportTempFolder Folder { get; } = folder ?? ImportTempFolder.Default;

    private readonly FileStream _file = (folder ?? ImportTempFolder.Default).Create("blocks");

    public EncodedBlock Append(SchoolYear key, int rows, string sha256, byte[] data, byte[] refs)
    {
        _file.Seek(0, SeekOrigin.End);
        var offset = _file.Position;
        _file.Write(data);
        _file.Write(refs);
        return new EncodedBlock(key, rows, sha256, offset, data.Length, refs.Length);
    }

    public (byte[] Data, byte[] Refs) Read(EncodedBlock block)
    {
        var data = new byte[block.DataLength];
        var refs = new byte[block.RefsLength];
        _file.Seek(block.Offset, SeekOrigin.Begin);
        _file.ReadExactly(data);
        _file.ReadExactly(refs);
        return (data, refs);
    }

    public void Dispose() => _file.Dispose();
}
