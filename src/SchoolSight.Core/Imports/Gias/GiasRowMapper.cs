using System.Globalization;
using System.Text;
using CsvHelper;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// Turns one GIAS row into <see cref="SchoolDetails"/>, noting each value that cannot be read with its column.
/// Text is trimmed; a blank field and GIAS's "Not applicable" are both read as no value. Numbers are whole and not
/// negative (FSM is a decimal percentage); dates are dd-mm-yyyy as GIAS writes them.
/// </summary>
internal sealed class GiasRowMapper(IReadOnlyDictionary<GiasColumn, int> indexes, IReadOnlyDictionary<string, int> maxLengths)
{
    private const string DateFormat = "dd-MM-yyyy";
    private static readonly string StatusNames = "Open, Open, but proposed to close, Proposed to open or Closed";

    private CsvReader _reader = null!;
    private ProblemList _errors = null!;
    private readonly List<string> _failedColumns = [];
    private int _line;

    /// <summary>
    /// The details of the row, or null when any of its values is wrong (each added to <paramref name="errors"/>).
    /// A value SchoolSight cannot keep as GIAS gives it, though the row is sound, goes to <paramref name="notices"/>.
    /// </summary>
    public SchoolDetails? Map(CsvReader reader, int line, int laCode, ProblemList errors, ProblemList notices)
    {
        _reader = reader;
        _line = line;
        _errors = errors;
        _failedColumns.Clear();

        var details = new SchoolDetails
        {
            Name = Required(GiasColumns.Name, "a name"),
            LaCode = laCode,
            LaName = Text(GiasColumns.LaName),
            EstablishmentNumber = WholeNumber(GiasColumns.EstablishmentNumber),
            TypeOfEstablishment = Required(GiasColumns.Type, "a type of establishment"),
            EstablishmentTypeGroup = Text(GiasColumns.TypeGroup),
            Status = Status(),
            OpenDate = Date(GiasColumns.OpenDate),
            ReasonClosed = Text(GiasColumns.ReasonClosed),
            CloseDate = Date(GiasColumns.CloseDate),
            PhaseOfEducation = Text(GiasColumns.Phase),
            StatutoryLowAge = WholeNumber(GiasColumns.LowAge),
            StatutoryHighAge = WholeNumber(GiasColumns.HighAge),
            OfficialSixthForm = Text(GiasColumns.SixthForm),
            Gender = Text(GiasColumns.Gender),
            ReligiousCharacter = Text(GiasColumns.ReligiousCharacter),
            Diocese = Text(GiasColumns.Diocese),
            AdmissionsPolicy = Text(GiasColumns.AdmissionsPolicy),
            SchoolCapacity = WholeNumber(GiasColumns.Capacity),
            CensusDate = Date(GiasColumns.CensusDate),
            NumberOfPupils = WholeNumber(GiasColumns.Pupils),
            NumberOfBoys = WholeNumber(GiasColumns.Boys),
            NumberOfGirls = WholeNumber(GiasColumns.Girls),
            PercentageFsm = Percentage(GiasColumns.PercentageFsm),
            Trust = Text(GiasColumns.Trust),
            Ukprn = Text(GiasColumns.Ukprn),
            OfstedLastInspection = Date(GiasColumns.OfstedLastInspection),
            LastChangedDate = Date(GiasColumns.LastChanged),
            Street = Text(GiasColumns.Street),
            AddressLocality = Text(GiasColumns.Locality),
            Address3 = Text(GiasColumns.Address3),
            Town = Text(GiasColumns.Town),
            County = Text(GiasColumns.County),
            Postcode = Text(GiasColumns.Postcode),
            Website = Text(GiasColumns.Website),
            Telephone = Text(GiasColumns.Telephone),
            HeadTitle = Text(GiasColumns.HeadTitle),
            HeadFirstName = Text(GiasColumns.HeadFirstName),
            HeadLastName = Text(GiasColumns.HeadLastName),
            HeadJobTitle = Text(GiasColumns.HeadJobTitle),
            DistrictAdministrative = Text(GiasColumns.District),
            UrbanRural = Text(GiasColumns.UrbanRural),
            OfstedRating = Text(GiasColumns.OfstedRating),
        };

        // The rules every school record meets (SchoolDetails.Validate), reported against the column they are about
        // unless that column already has a problem on this row.
        foreach (var error in details.Validate())
        {
            var column = GiasColumns.ForProperty(error.Field)?.Header;
            if (column is null || !_failedColumns.Contains(column)) Fail(column, AsProblem(error.Message));
        }
        return _failedColumns.Count == 0 ? details : null;
    }

    private ReadOnlySpan<byte> Field(GiasColumn column, out bool present)
    {
        var index = indexes[column];
        present = index >= 0;
        return present ? _reader.GetSpan(index).Trim(" \t"u8) : default;
    }

    private static bool IsBlank(ReadOnlySpan<byte> value) => value.IsEmpty || value.SequenceEqual("Not applicable"u8);

    private string? Text(GiasColumn column)
    {
        var index = indexes[column];
        if (index < 0) return null;
        var value = _reader.GetString(index).Trim();
        if (value.Length == 0 || value == GiasColumns.NotApplicable) return null;
        if (maxLengths.TryGetValue(column.Property, out var max) && value.Length > max)
            Fail(column.Header, $"the value is {value.Length} characters long; SchoolSight keeps at most {max}");
        return value;
    }

    private string Required(GiasColumn column, string what)
    {
        var value = Text(column);
        if (value is null) Fail(column.Header, $"this is blank: every establishment needs {what}");
        return value ?? "";
    }

    private SchoolStatus Status()
    {
        var value = Text(GiasColumns.Status);
        if (SchoolStatuses.TryParseGias(value, out var status)) return status;
        Fail(GiasColumns.Status.Header, value is null
            ? $"the status is blank: expected {StatusNames}"
            : $"'{value}' is not a GIAS establishment status (expected {StatusNames})");
        return status;
    }

    private int? WholeNumber(GiasColumn column)
    {
        var value = Field(column, out var present);
        if (!present || IsBlank(value)) return null;
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= 0) return number;
        Fail(column.Header, $"'{Show(value)}' is not a whole number of 0 or more");
        return null;
    }

    private double? Percentage(GiasColumn column)
    {
        var value = Field(column, out var present);
        if (!present || IsBlank(value)) return null;
        if (double.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return number;
        Fail(column.Header, $"'{Show(value)}' is not a number (expected a percentage such as 21.7)");
        return null;
    }

    private DateOnly? Date(GiasColumn column)
    {
        var value = Field(column, out var present);
        if (!present || IsBlank(value)) return null;
        Span<char> chars = stackalloc char[16];
        if (value.Length <= chars.Length)
        {
            var text = chars[..Encoding.UTF8.GetChars(value, chars)];
            if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            if (HasDateShape(text))
            {
                Fail(column.Header, $"'{text}' is not a real date (expected dd-mm-yyyy)");
                return null;
            }
        }
        Fail(column.Header, $"'{Show(value)}' is not a date in the form dd-mm-yyyy, such as 01-09-2021");
        return null;
    }

    private static bool HasDateShape(ReadOnlySpan<char> text)
    {
        if (text.Length != DateFormat.Length) return false;
        for (var i = 0; i < text.Length; i++)
            if (i is 2 or 5 ? text[i] != '-' : !char.IsAsciiDigit(text[i])) return false;
        return true;
    }

    private void Fail(string? column, string problem)
    {
        _errors.Add(_line, column, problem);
        _failedColumns.Add(column ?? "");
    }

    /// <summary>A value quoted in a message, cut short if long.</summary>
    internal static string Show(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value);
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    /// <summary>A domain rule's message ("Boys (3) and girls (4) add up to…") as the problem after "Line n, column c:".</summary>
    private static string AsProblem(string message)
    {
        var text = message.TrimEnd('.');
        return text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
