using System.Text;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Imports.Pupils;

/// <summary>
/// Writes pupil-level rows in SchoolSight's pupil file format (docs/imports/pupils.md): a header of URN, AcademicYear,
/// PupilRef and every <see cref="PupilFields"/> column, then one row per pupil, codes as their letters, numbers in
/// their shortest form, blanks where a field does not apply. What <see cref="PupilFileReader"/> reads back unchanged.
/// </summary>
public sealed class PupilFileWriter : IDisposable
{
    private static readonly byte[][][] CodeText = [.. PupilFields.All.Select(f => f.AllowedCodes.Select(c => Encoding.UTF8.GetBytes(c)).ToArray())];
    private readonly Utf8CsvOutput _output;

    public PupilFileWriter(Stream stream)
    {
        _output = new Utf8CsvOutput(stream);
        _output.Field(PupilFields.UrnColumn);
        _output.Field(PupilFields.AcademicYearColumn);
        _output.Field(PupilFields.PupilRefColumn);
        foreach (var field in PupilFields.All) _output.Field(field.Name);
        _output.EndRow();
    }

    public long Rows { get; private set; }

    public void Write(int urn, int academicYear, PupilColumns pupils)
    {
        var year = Encoding.UTF8.GetBytes(AcademicYears.Display(academicYear));
        var codes = PupilFields.All.Select(f => f.Kind == PupilFieldKind.Code ? pupils.Codes(f) : null).ToArray();
        var numbers = PupilFields.All.Select(f => f.Kind == PupilFieldKind.Number ? pupils.Numbers(f) : null).ToArray();
        for (var i = 0; i < pupils.Count; i++)
        {
            _output.Field(urn);
            _output.Field(year);
            _output.Field(pupils.PupilRefs[i]);
            for (var f = 0; f < codes.Length; f++)
            {
                if (codes[f] is { } column)
                {
                    if (column[i] == 0) _output.Blank();
                    else _output.Field(CodeText[f][column[i] - 1]);
                }
                else _output.Field(numbers[f]![i]);
            }
            _output.EndRow();
        }
        Rows += pupils.Count;
    }

    public void Dispose() => _output.Dispose();
}
