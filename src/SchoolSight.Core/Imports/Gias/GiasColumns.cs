using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Imports.Gias;

/// <summary>One column of the GIAS "all establishment data" CSV that SchoolSight reads, and the field it fills.</summary>
/// <param name="Header">The column name exactly as GIAS writes it, e.g. <c>LA (code)</c>.</param>
/// <param name="Property">The <see cref="SchoolDetails"/> property it fills (or <c>Urn</c>).</param>
public sealed record GiasColumn(string Header, string Property, bool Required = false)
{
    public override string ToString() => Header;
}

/// <summary>
/// The GIAS columns SchoolSight keeps, in the order GIAS publishes them. The other columns of the 111 are read
/// past (their fields must still be there: the field count of every row is checked).
/// </summary>
public static class GiasColumns
{
    public static readonly GiasColumn Urn = new("URN", "Urn", Required: true);
    public static readonly GiasColumn LaCode = new("LA (code)", nameof(SchoolDetails.LaCode), Required: true);
    public static readonly GiasColumn LaName = new("LA (name)", nameof(SchoolDetails.LaName));
    public static readonly GiasColumn EstablishmentNumber = new("EstablishmentNumber", nameof(SchoolDetails.EstablishmentNumber));
    public static readonly GiasColumn Name = new("EstablishmentName", nameof(SchoolDetails.Name), Required: true);
    public static readonly GiasColumn Type = new("TypeOfEstablishment (name)", nameof(SchoolDetails.TypeOfEstablishment), Required: true);
    public static readonly GiasColumn TypeGroup = new("EstablishmentTypeGroup (name)", nameof(SchoolDetails.EstablishmentTypeGroup));
    public static readonly GiasColumn Status = new("EstablishmentStatus (name)", nameof(SchoolDetails.Status), Required: true);
    public static readonly GiasColumn OpenDate = new("OpenDate", nameof(SchoolDetails.OpenDate));
    public static readonly GiasColumn ReasonClosed = new("ReasonEstablishmentClosed (name)", nameof(SchoolDetails.ReasonClosed));
    public static readonly GiasColumn CloseDate = new("CloseDate", nameof(SchoolDetails.CloseDate));
    public static readonly GiasColumn Phase = new("PhaseOfEducation (name)", nameof(SchoolDetails.PhaseOfEducation));
    public static readonly GiasColumn LowAge = new("StatutoryLowAge", nameof(SchoolDetails.StatutoryLowAge));
    public static readonly GiasColumn HighAge = new("StatutoryHighAge", nameof(SchoolDetails.StatutoryHighAge));
    public static readonly GiasColumn SixthForm = new("OfficialSixthForm (name)", nameof(SchoolDetails.OfficialSixthForm));
    public static readonly GiasColumn Gender = new("Gender (name)", nameof(SchoolDetails.Gender));
    public static readonly GiasColumn ReligiousCharacter = new("ReligiousCharacter (name)", nameof(SchoolDetails.ReligiousCharacter));
    public static readonly GiasColumn Diocese = new("Diocese (name)", nameof(SchoolDetails.Diocese));
    public static readonly GiasColumn AdmissionsPolicy = new("AdmissionsPolicy (name)", nameof(SchoolDetails.AdmissionsPolicy));
    public static readonly GiasColumn Capacity = new("SchoolCapacity", nameof(SchoolDetails.SchoolCapacity));
    public static readonly GiasColumn CensusDate = new("CensusDate", nameof(SchoolDetails.CensusDate));
    public static readonly GiasColumn Pupils = new("NumberOfPupils", nameof(SchoolDetails.NumberOfPupils));
    public static readonly GiasColumn Boys = new("NumberOfBoys", nameof(SchoolDetails.NumberOfBoys));
    public static readonly GiasColumn Girls = new("NumberOfGirls", nameof(SchoolDetails.NumberOfGirls));
    public static readonly GiasColumn PercentageFsm = new("PercentageFSM", nameof(SchoolDetails.PercentageFsm));
    public static readonly GiasColumn Trust = new("Trusts (name)", nameof(SchoolDetails.Trust));
    public static readonly GiasColumn Ukprn = new("UKPRN", nameof(SchoolDetails.Ukprn));
    public static readonly GiasColumn OfstedLastInspection = new("OfstedLastInsp", nameof(SchoolDetails.OfstedLastInspection));
    public static readonly GiasColumn LastChanged = new("LastChangedDate", nameof(SchoolDetails.LastChangedDate));
    public static readonly GiasColumn Street = new("Street", nameof(SchoolDetails.Street));
    public static readonly GiasColumn Locality = new("Locality", nameof(SchoolDetails.AddressLocality));
    public static readonly GiasColumn Address3 = new("Address3", nameof(SchoolDetails.Address3));
    public static readonly GiasColumn Town = new("Town", nameof(SchoolDetails.Town));
    public static readonly GiasColumn County = new("County (name)", nameof(SchoolDetails.County));
    public static readonly GiasColumn Postcode = new("Postcode", nameof(SchoolDetails.Postcode));
    public static readonly GiasColumn Website = new("SchoolWebsite", nameof(SchoolDetails.Website));
    public static readonly GiasColumn Telephone = new("TelephoneNum", nameof(SchoolDetails.Telephone));
    public static readonly GiasColumn HeadTitle = new("HeadTitle (name)", nameof(SchoolDetails.HeadTitle));
    public static readonly GiasColumn HeadFirstName = new("HeadFirstName", nameof(SchoolDetails.HeadFirstName));
    public static readonly GiasColumn HeadLastName = new("HeadLastName", nameof(SchoolDetails.HeadLastName));
    public static readonly GiasColumn HeadJobTitle = new("HeadPreferredJobTitle", nameof(SchoolDetails.HeadJobTitle));
    public static readonly GiasColumn District = new("DistrictAdministrative (name)", nameof(SchoolDetails.DistrictAdministrative));
    public static readonly GiasColumn UrbanRural = new("UrbanRural (name)", nameof(SchoolDetails.UrbanRural));
    public static readonly GiasColumn OfstedRating = new("OfstedRating (name)", nameof(SchoolDetails.OfstedRating));

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

    /// <summary>The column that fills a <see cref="SchoolDetails"/> property, to name it in an error.</summary>
    public static GiasColumn? ForProperty(string? property) => All.FirstOrDefault(c => c.Property == property);
}
