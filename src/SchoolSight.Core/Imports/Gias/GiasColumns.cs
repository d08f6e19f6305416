using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

public enum GiasValueKind
{
    Text,
    WholeNumber,
    Decimal,
    Date,
    Status,
}

/// <summary>One column of the GIAS "all establishment data" CSV that SchoolSight reads, and the field it fills.</summary>
/// <param name="Header">The column name exactly as GIAS writes it, e.g. <c>LA (code)</c>.</param>
/// <param name="Property">The <see cref="SchoolDetails"/> property it fills (or <c>Urn</c>).</param>
public sealed record GiasColumn(string Header, string Property, GiasValueKind Kind, bool Required = false)
{
    public override string ToString() => Header;
}

/// <summary>
/// The GIAS columns SchoolSight keeps, in the order GIAS publishes them. The other columns of the 111 are read
/// past (their fields must still be there: the field count of every row is checked).
/// </summary>
public static class GiasColumns
{
    public static readonly GiasColumn Urn = new("URN", "Urn", GiasValueKind.WholeNumber, Required: true);
    public static readonly GiasColumn LaCode = new("LA (code)", nameof(SchoolDetails.LaCode), GiasValueKind.WholeNumber, Required: true);
    public static readonly GiasColumn LaName = new("LA (name)", nameof(SchoolDetails.LaName), GiasValueKind.Text);
    public static readonly GiasColumn EstablishmentNumber = new("EstablishmentNumber", nameof(SchoolDetails.EstablishmentNumber), GiasValueKind.WholeNumber);
    public static readonly GiasColumn Name = new("EstablishmentName", nameof(SchoolDetails.Name), GiasValueKind.Text, Required: true);
    public static readonly GiasColumn Type = new("TypeOfEstablishment (name)", nameof(SchoolDetails.TypeOfEstablishment), GiasValueKind.Text, Required: true);
    public static readonly GiasColumn TypeGroup = new("EstablishmentTypeGroup (name)", nameof(SchoolDetails.EstablishmentTypeGroup), GiasValueKind.Text);
    public static readonly GiasColumn Status = new("EstablishmentStatus (name)", nameof(SchoolDetails.Status), GiasValueKind.Status, Required: true);
    public static readonly GiasColumn OpenDate = new("OpenDate", nameof(SchoolDetails.OpenDate), GiasValueKind.Date);
    public static readonly GiasColumn ReasonClosed = new("ReasonEstablishmentClosed (name)", nameof(SchoolDetails.ReasonClosed), GiasValueKind.Text);
    public static readonly GiasColumn CloseDate = new("CloseDate", nameof(SchoolDetails.CloseDate), GiasValueKind.Date);
    public static readonly GiasColumn Phase = new("PhaseOfEducation (name)", nameof(SchoolDetails.PhaseOfEducation), GiasValueKind.Text);
    public static readonly GiasColumn LowAge = new("StatutoryLowAge", nameof(SchoolDetails.StatutoryLowAge), GiasValueKind.WholeNumber);
    public static readonly GiasColumn HighAge = new("StatutoryHighAge", nameof(SchoolDetails.StatutoryHighAge), GiasValueKind.WholeNumber);
    public static readonly GiasColumn SixthForm = new("OfficialSixthForm (name)", nameof(SchoolDetails.OfficialSixthForm), GiasValueKind.Text);
    public static readonly GiasColumn Gender = new("Gender (name)", nameof(SchoolDetails.Gender), GiasValueKind.Text);
    public static readonly GiasColumn ReligiousCharacter = new("ReligiousCharacter (name)", nameof(SchoolDetails.ReligiousCharacter), GiasValueKind.Text);
    public static readonly GiasColumn Diocese = new("Diocese (name)", nameof(SchoolDetails.Diocese), GiasValueKind.Text);
    public static readonly GiasColumn AdmissionsPolicy = new("AdmissionsPolicy (name)", nameof(SchoolDetails.AdmissionsPolicy), GiasValueKind.Text);
    public static readonly GiasColumn Capacity = new("SchoolCapacity", nameof(SchoolDetails.SchoolCapacity), GiasValueKind.WholeNumber);
    public static readonly GiasColumn CensusDate = new("CensusDate", nameof(SchoolDetails.CensusDate), GiasValueKind.Date);
    public static readonly GiasColumn Pupils = new("NumberOfPupils", nameof(SchoolDetails.NumberOfPupils), GiasValueKind.WholeNumber);
    public static readonly GiasColumn Boys = new("NumberOfBoys", nameof(SchoolDetails.NumberOfBoys), GiasValueKind.WholeNumber);
    public static readonly GiasColumn Girls = new("NumberOfGirls", nameof(SchoolDetails.NumberOfGirls), GiasValueKind.WholeNumber);
    public static readonly GiasColumn PercentageFsm = new("PercentageFSM", nameof(SchoolDetails.PercentageFsm), GiasValueKind.Decimal);
    public static readonly GiasColumn Trust = new("Trusts (name)", nameof(SchoolDetails.Trust), GiasValueKind.Text);
    public static readonly GiasColumn Ukprn = new("UKPRN", nameof(SchoolDetails.Ukprn), GiasValueKind.Text);
    public static readonly GiasColumn OfstedLastInspection = new("OfstedLastInsp", nameof(SchoolDetails.OfstedLastInspection), GiasValueKind.Date);
    public static readonly GiasColumn LastChanged = new("LastChangedDate", nameof(SchoolDetails.LastChangedDate), GiasValueKind.Date);
    public static readonly GiasColumn Street = new("Street", nameof(SchoolDetails.Street), GiasValueKind.Text);
    public static readonly GiasColumn Locality = new("Locality", nameof(SchoolDetails.AddressLocality), GiasValueKind.Text);
    public static readonly GiasColumn Address3 = new("Address3", nameof(SchoolDetails.Address3), GiasValueKind.Text);
    public static readonly GiasColumn Town = new("Town", nameof(SchoolDetails.Town), GiasValueKind.Text);
    public static readonly GiasColumn County = new("County (name)", nameof(SchoolDetails.County), GiasValueKind.Text);
    public static readonly GiasColumn Postcode = new("Postcode", nameof(SchoolDetails.Postcode), GiasValueKind.Text);
    public static readonly GiasColumn Website = new("SchoolWebsite", nameof(SchoolDetails.Website), GiasValueKind.Text);
    public static readonly GiasColumn Telephone = new("TelephoneNum", nameof(SchoolDetails.Telephone), GiasValueKind.Text);
    public static readonly GiasColumn HeadTitle = new("HeadTitle (name)", nameof(SchoolDetails.HeadTitle), GiasValueKind.Text);
    public static readonly GiasColumn HeadFirstName = new("HeadFirstName", nameof(SchoolDetails.HeadFirstName), GiasValueKind.Text);
    public static readonly GiasColumn HeadLastName = new("HeadLastName", nameof(SchoolDetails.HeadLastName), GiasValueKind.Text);
    public static readonly GiasColumn HeadJobTitle = new("HeadPreferredJobTitle", nameof(SchoolDetails.HeadJobTitle), GiasValueKind.Text);
    public static readonly GiasColumn District = new("DistrictAdministrative (name)", nameof(SchoolDetails.DistrictAdministrative), GiasValueKind.Text);
    public static readonly GiasColumn UrbanRural = new("UrbanRural (name)", nameof(SchoolDetails.UrbanRural), GiasValueKind.Text);
    public static readonly GiasColumn OfstedRating = new("OfstedRating (name)", nameof(SchoolDetails.OfstedRating), GiasValueKind.Text);

    /// <summary>
    /// GIAS writes an establishment's links (predecessor, successor…) into this last column, one extra field per link
    /// beyond the first, without widening the header: rows may have more fields than the header only because of it.
    /// </summary>
    public const string LinkedEstablishments = "Linked establishments";

    /// <summary>GIAS's own "no value" for its lookup columns; read as blank.</summary>
    public const string NotApplicable = "Not applicable";

    public static readonly IReadOnlyList<GiasColumn> All =
    [
        Urn, LaCode, LaName, EstablishmentNumber, Name, Type, TypeGroup, Status, OpenDate, ReasonClosed, CloseDate, Phase,
        LowAge, HighAge, SixthForm, Gender, ReligiousCharacter, Diocese, AdmissionsPolicy, Capacity, CensusDate, Pupils, Boys,
        Girls, PercentageFsm, Trust, Ukprn, OfstedLastInspection, LastChanged, Street, Locality, Address3, Town, County,
        Postcode, Website, Telephone, HeadTitle, HeadFirstName, HeadLastName, HeadJobTitle, District, UrbanRural, OfstedRating,
    ];

    public static IEnumerable<GiasColumn> RequiredColumns => All.Where(c => c.Required);

    /// <summary>The column that fills a <see cref="SchoolDetails"/> property, to name it in an error.</summary>
    public static GiasColumn? ForProperty(string? property) => All.FirstOrDefault(c => c.Property == property);
}
