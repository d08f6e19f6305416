using System.Globalization;
using CsvHelper;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>
/// Writes establishments in the GIAS "all establishment data" layout: the 111 columns in GIAS's order, every field
/// quoted, CRLF line ends, dates dd-mm-yyyy, as GIAS publishes it. The columns SchoolSight keeps (<see cref="GiasColumns"/>)
/// are filled from <see cref="SchoolDetails"/>; the others are left blank. Used for the synthetic establishment lists
/// (<c>schoolsight demo generate</c>) and by tests that build GIAS files.
/// </summary>
public static class GiasFileWriter
{
    /// <summary>The 111 column names of the GIAS "all establishment data" CSV, in GIAS's order.</summary>
    public static readonly IReadOnlyList<string> Headers =
    [
        "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName", "TypeOfEstablishment (name)",
        "EstablishmentTypeGroup (name)", "EstablishmentStatus (name)", "ReasonEstablishmentOpened (name)", "OpenDate",
        "ReasonEstablishmentClosed (name)", "CloseDate", "PhaseOfEducation (name)", "StatutoryLowAge", "StatutoryHighAge",
        "Boarders (name)", "NurseryProvision (name)", "OfficialSixthForm (name)", "Gender (name)", "ReligiousCharacter (name)",
        "ReligiousEthos (name)", "Diocese (name)", "AdmissionsPolicy (name)", "SchoolCapacity", "SpecialClasses (name)", "CensusDate",
        "NumberOfPupils", "NumberOfBoys", "NumberOfGirls", "PercentageFSM", "TrustSchoolFlag (name)", "Trusts (name)",
        "SchoolSponsorFlag (name)", "SchoolSponsors (name)", "FederationFlag (name)", "Federations (name)", "UKPRN", "FEHEIdentifier",
        "FurtherEducationType (name)", "OfstedLastInsp", "LastChangedDate", "Street", "Locality", "Address3", "Town", "County (name)",
        "Postcode", "SchoolWebsite", "TelephoneNum", "HeadTitle (name)", "HeadFirstName", "HeadLastName", "HeadPreferredJobTitle",
        "BSOInspectorateName (name)", "InspectorateReport", "DateOfLastInspectionVisit", "NextInspectionVisit", "TeenMoth (name)",
        "TeenMothPlaces", "CCF (name)", "SENPRU (name)", "EBD (name)", "PlacesPRU", "FTProv (name)", "EdByOther (name)",
        "Section41Approved (name)", "SEN1 (name)", "SEN2 (name)", "SEN3 (name)", "SEN4 (name)", "SEN5 (name)", "SEN6 (name)",
        "SEN7 (name)", "SEN8 (name)", "SEN9 (name)", "SEN10 (name)", "SEN11 (name)", "SEN12 (name)", "SEN13 (name)",
        "TypeOfResourcedProvision (name)", "ResourcedProvisionOnRoll", "ResourcedProvisionCapacity", "SenUnitOnRoll", "SenUnitCapacity",
        "GOR (name)", "DistrictAdministrative (name)", "AdministrativeWard (name)", "ParliamentaryConstituency (name)",
        "UrbanRural (name)", "GSSLACode (name)", "Easting", "Northing", "MSOA (name)", "LSOA (name)", "InspectorateName (name)", "SENStat",
        "SENNoStat", "PropsName", "OfstedRating (name)", "RSCRegion (name)", "Country (name)", "UPRN", "SiteName", "QABName (name)",
        "EstablishmentAccredited (name)", "QABReport", "CHNumber", "MSOA (code)", "LSOA (code)", "FSM", "Linked establishments"
    ];

    private static readonly Dictionary<string, System.Reflection.PropertyInfo> Properties =
        typeof(SchoolDetails).GetProperties().ToDictionary(p => p.Name);

    /// <summary>Writes the header row and one row per establishment to <paramref name="output"/> (UTF-8, no byte order mark).</summary>
    public static void Write(Stream output, IEnumerable<(int Urn, SchoolDetails Details)> establishments)
    {
        using var writer = CsvWriter.Create(output, CsvWriterOptions.Default with { Quoting = CsvQuoting.Always, NewLine = "\r\n" }, leaveOpen: true);
        writer.WriteRecord(Headers.ToArray());
        var columns = Headers.Select(h => GiasColumns.All.FirstOrDefault(c => c.Header == h)).ToArray();
        var row = new string[Headers.Count];
        foreach (var (urn, details) in establishments)
        {
            for (var i = 0; i < row.Length; i++)
                row[i] = columns[i] is { } column ? Format(column == GiasColumns.Urn ? urn : Properties[column.Property].GetValue(details)) : "";
            writer.WriteRecord(row);
        }
    }

    /// <summary>Writes rows already in the GIAS layout (a header and its rows, each a list of fields) as GIAS does.</summary>
    public static void WriteRows(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var writer = CsvWriter.Create(output, CsvWriterOptions.Default with { Quoting = CsvQuoting.Always, ValidateFieldCount = false }, leaveOpen: true);
        writer.WriteRecord(header.ToArray());
        foreach (var row in rows) writer.WriteRecord(row.ToArray());
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("0.0", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        SchoolStatus status => status.DisplayName(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
