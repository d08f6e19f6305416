namespace SchoolSight.Domain.Register;

/// <summary>
/// What Get Information about Schools (GIAS) publishes about an establishment and SchoolSight keeps.
/// A value: two imports of the same row give equal details, which is how a re-import is seen to change nothing.
/// </summary>
public sealed record SchoolDetails
{
    public required string Name { get; init; }
    public required int LaCode { get; init; }
    public string? LaName { get; init; }
    public int? EstablishmentNumber { get; init; }
    public required string TypeOfEstablishment { get; init; }
    public string? EstablishmentTypeGroup { get; init; }
    public SchoolStatus Status { get; init; } = SchoolStatus.Open;
    public string? PhaseOfEducation { get; init; }
    public int? StatutoryLowAge { get; init; }
    public int? StatutoryHighAge { get; init; }
    public string? Gender { get; init; }
    public string? ReligiousCharacter { get; init; }
    public string? Diocese { get; init; }
    public string? AdmissionsPolicy { get; init; }
    public string? OfficialSixthForm { get; init; }
    public int? SchoolCapacity { get; init; }
    public int? NumberOfPupils { get; init; }
    public int? NumberOfBoys { get; init; }
    public int? NumberOfGirls { get; init; }
    public double? PercentageFsm { get; init; }
    public DateOnly? CensusDate { get; init; }
    public DateOnly? OpenDate { get; init; }
    public DateOnly? CloseDate { get; init; }
    public string? ReasonClosed { get; init; }
    public string? Trust { get; init; }
    public string? Ukprn { get; init; }
    public string? Street { get; init; }
    public string? AddressLocality { get; init; }
    public string? Address3 { get; init; }
    public string? Town { get; init; }
    public string? County { get; init; }
    public string? Postcode { get; init; }
    public string? Website { get; init; }
    public string? Telephone { get; init; }
    public string? HeadTitle { get; init; }
    public string? HeadFirstName { get; init; }
    public string? HeadLastName { get; init; }
    public string? HeadJobTitle { get; init; }
    public string? DistrictAdministrative { get; init; }
    public string? UrbanRural { get; init; }
    public DateOnly? OfstedLastInspection { get; init; }
    public string? OfstedRating { get; init; }
    public DateOnly? LastChangedDate { get; init; }

    public SchoolPhase Phase => SchoolPhases.FromGias(PhaseOfEducation, TypeOfEstablishment, EstablishmentTypeGroup);

    /// <summary>State-funded mainstream, state-funded special, alternative provision, independent or non-maintained special.</summary>
    public SchoolTypeGroup TypeGroup => EstablishmentTypes.TypeGroupOf(TypeOfEstablishment, EstablishmentTypeGroup);

    public string? HeadteacherName =>
        string.Join(' ', new[] { HeadTitle, HeadFirstName, HeadLastName }.Where(p => !string.IsNullOrWhiteSpace(p) && p != "Not applicable")) is { Length: > 0 } n ? n : null;

    public string Address =>
        string.Join(", ", new[] { Street, AddressLocality, Address3, Town, County, Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>Checks the rules every school record must meet, whoever supplies it.</summary>
    public IReadOnlyList<DomainError> Validate()
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(RegisterErrors.NameRequired("school"));
        else if (Name.Length > 200) errors.Add(RegisterErrors.NameTooLong("school", 200));
        if (LaCode is < 100 or > 999) errors.Add(RegisterErrors.BadLaCode(LaCode));
        if (CloseDate is { } close && OpenDate is { } open && close < open) errors.Add(RegisterErrors.CloseBeforeOpen);
        if (PercentageFsm is < 0 or > 100) errors.Add(RegisterErrors.PercentageOutOfRange(nameof(PercentageFsm)));
        // Boys and girls are not checked against the number of pupils: GIAS's own figures can differ by a few
        // (they come from different census counts), and GIAS is the source SchoolSight keeps faithfully.
        if (NumberOfPupils is < 0 || NumberOfBoys is < 0 || NumberOfGirls is < 0 || SchoolCapacity is < 0)
            errors.Add(RegisterErrors.NegativeCount);
        return errors;
    }

    /// <summary>Names of the fields that differ between two versions of the details, for import summaries and audit.</summary>
    public IReadOnlyList<string> DifferencesFrom(SchoolDetails other)
    {
        var changed = new List<string>();
        foreach (var property in typeof(SchoolDetails).GetProperties())
        {
            if (!property.CanWrite) continue;
            if (!Equals(property.GetValue(this), property.GetValue(other))) changed.Add(property.Name);
        }
        return changed;
    }
}
