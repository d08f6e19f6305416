using System.ComponentModel.DataAnnotations;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>
/// The school details an LA administrator can set by hand (the GIAS fields a profile shows) plus the LA's own
/// grouping: locality and cluster memberships. The same input serves the create and edit pages and the API body.
/// Fields GIAS supplies that are not here (UKPRN, census date, ...) keep their imported values on an edit.
/// </summary>
public sealed record SchoolInput
{
    /// <summary>Only read when creating: the URN of an existing school never changes.</summary>
    [Display(Name = "URN")] public int? Urn { get; set; }
    [Display(Name = "School name")] public string? Name { get; set; }
    [Display(Name = "LA code")] public int? LaCode { get; set; }
    [Display(Name = "LA name")] public string? LaName { get; set; }
    [Display(Name = "Establishment number")] public int? EstablishmentNumber { get; set; }
    [Display(Name = "Type of establishment")] public string? TypeOfEstablishment { get; set; }
    [Display(Name = "Establishment type group")] public string? EstablishmentTypeGroup { get; set; }

    /// <summary>Open when creating and left out; unchanged when editing and left out.</summary>
    [Display(Name = "Status")] public SchoolStatus? Status { get; set; }
    [Display(Name = "Phase of education")] public string? PhaseOfEducation { get; set; }
    [Display(Name = "Lowest age")] public int? StatutoryLowAge { get; set; }
    [Display(Name = "Highest age")] public int? StatutoryHighAge { get; set; }
    [Display(Name = "Gender of entry")] public string? Gender { get; set; }
    [Display(Name = "Religious character")] public string? ReligiousCharacter { get; set; }
    [Display(Name = "Diocese")] public string? Diocese { get; set; }
    [Display(Name = "Capacity")] public int? SchoolCapacity { get; set; }
    [Display(Name = "Number of pupils")] public int? NumberOfPupils { get; set; }
    [Display(Name = "Number of boys")] public int? NumberOfBoys { get; set; }
    [Display(Name = "Number of girls")] public int? NumberOfGirls { get; set; }
    [Display(Name = "Pupils eligible for free school meals (%)")] public double? PercentageFsm { get; set; }
    [Display(Name = "Open date")] public DateOnly? OpenDate { get; set; }
    [Display(Name = "Close date")] public DateOnly? CloseDate { get; set; }
    [Display(Name = "Reason closed")] public string? ReasonClosed { get; set; }
    [Display(Name = "Trust")] public string? Trust { get; set; }
    [Display(Name = "Street")] public string? Street { get; set; }
    [Display(Name = "Locality (address)")] public string? AddressLocality { get; set; }
    [Display(Name = "Town")] public string? Town { get; set; }
    [Display(Name = "County")] public string? County { get; set; }
    [Display(Name = "Postcode")] public string? Postcode { get; set; }
    [Display(Name = "Website")] public string? Website { get; set; }
    [Display(Name = "Telephone")] public string? Telephone { get; set; }
    [Display(Name = "Headteacher's title")] public string? HeadTitle { get; set; }
    [Display(Name = "Headteacher's first name")] public string? HeadFirstName { get; set; }
    [Display(Name = "Headteacher's last name")] public string? HeadLastName { get; set; }
    [Display(Name = "Headteacher's job title")] public string? HeadJobTitle { get; set; }
    [Display(Name = "Ofsted rating")] public string? OfstedRating { get; set; }
    [Display(Name = "Date of last Ofsted inspection")] public DateOnly? OfstedLastInspection { get; set; }

    /// <summary>The LA's locality for the school (not in GIAS).</summary>
    [Display(Name = "Locality")] public int? LocalityId { get; set; }

    /// <summary>The clusters, networks and learning communities the school belongs to; left out (null) keeps them as they are.</summary>
    [Display(Name = "Clusters, networks and learning communities")] public List<int>? ClusterIds { get; set; }

    /// <summary>The version of the school the change was made from (from the profile or the edit form); required when editing.</summary>
    public int Version { get; set; }

    public static SchoolInput From(int urn, SchoolDetails d, int? localityId, IEnumerable<int> clusterIds, int version) => new()
    {
        Urn = urn,
        Name = d.Name,
        LaCode = d.LaCode,
        LaName = d.LaName,
        EstablishmentNumber = d.EstablishmentNumber,
        TypeOfEstablishment = d.TypeOfEstablishment,
        EstablishmentTypeGroup = d.EstablishmentTypeGroup,
        Status = d.Status,
        PhaseOfEducation = d.PhaseOfEducation,
        StatutoryLowAge = d.StatutoryLowAge,
        StatutoryHighAge = d.StatutoryHighAge,
        Gender = d.Gender,
        ReligiousCharacter = d.ReligiousCharacter,
        Diocese = d.Diocese,
        SchoolCapacity = d.SchoolCapacity,
        NumberOfPupils = d.NumberOfPupils,
        NumberOfBoys = d.NumberOfBoys,
        NumberOfGirls = d.NumberOfGirls,
        PercentageFsm = d.PercentageFsm,
        OpenDate = d.OpenDate,
        CloseDate = d.CloseDate,
        ReasonClosed = d.ReasonClosed,
        Trust = d.Trust,
        Street = d.Street,
        AddressLocality = d.AddressLocality,
        Town = d.Town,
        County = d.County,
        Postcode = d.Postcode,
        Website = d.Website,
        Telephone = d.Telephone,
        HeadTitle = d.HeadTitle,
        HeadFirstName = d.HeadFirstName,
        HeadLastName = d.HeadLastName,
        HeadJobTitle = d.HeadJobTitle,
        OfstedRating = d.OfstedRating,
        OfstedLastInspection = d.OfstedLastInspection,
        LocalityId = localityId,
        ClusterIds = [.. clusterIds],
        Version = version,
    };

    /// <summary>The details with this input applied over <paramref name="current"/> (null when creating).</summary>
    public SchoolDetails ToDetails(SchoolDetails? current)
    {
        var basis = current ?? new SchoolDetails { Name = "", LaCode = 0, TypeOfEstablishment = "" };
        return basis with
        {
            Name = Name?.Trim() ?? "",
            LaCode = LaCode ?? 0,
            LaName = LaName.Clean(),
            EstablishmentNumber = EstablishmentNumber,
            TypeOfEstablishment = TypeOfEstablishment?.Trim() ?? "",
            EstablishmentTypeGroup = EstablishmentTypeGroup.Clean(),
            Status = Status ?? basis.Status,
            PhaseOfEducation = PhaseOfEducation.Clean(),
            StatutoryLowAge = StatutoryLowAge,
            StatutoryHighAge = StatutoryHighAge,
            Gender = Gender.Clean(),
            ReligiousCharacter = ReligiousCharacter.Clean(),
            Diocese = Diocese.Clean(),
            SchoolCapacity = SchoolCapacity,
            NumberOfPupils = NumberOfPupils,
            NumberOfBoys = NumberOfBoys,
            NumberOfGirls = NumberOfGirls,
            PercentageFsm = PercentageFsm,
            OpenDate = OpenDate,
            CloseDate = CloseDate,
            ReasonClosed = ReasonClosed.Clean(),
            Trust = Trust.Clean(),
            Street = Street.Clean(),
            AddressLocality = AddressLocality.Clean(),
            Town = Town.Clean(),
            County = County.Clean(),
            Postcode = Postcode.Clean()?.ToUpperInvariant(),
            Website = Website.Clean(),
            Telephone = Telephone.Clean(),
            HeadTitle = HeadTitle.Clean(),
            HeadFirstName = HeadFirstName.Clean(),
            HeadLastName = HeadLastName.Clean(),
            HeadJobTitle = HeadJobTitle.Clean(),
            OfstedRating = OfstedRating.Clean(),
            OfstedLastInspection = OfstedLastInspection,
        };
    }
}
