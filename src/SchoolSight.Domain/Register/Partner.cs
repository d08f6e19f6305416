using System.Text.Json.Serialization;

namespace SchoolSight.Domain.Register;

[JsonConverter(typeof(JsonStringEnumConverter<PartnerKind>))]
public enum PartnerKind
{
    SchoolNurseService,
    Police,
    ExtendedServices,
    Nhs,
    VoluntarySector,
    LocalAuthorityTeam,
    Other,
}

public static class PartnerKinds
{
    public static string DisplayName(this PartnerKind kind) => kind switch
    {
        PartnerKind.SchoolNurseService => "School nurse service",
        PartnerKind.Police => "Police",
        PartnerKind.ExtendedServices => "Extended services",
        PartnerKind.Nhs => "NHS",
        PartnerKind.VoluntarySector => "Voluntary sector",
        PartnerKind.LocalAuthorityTeam => "Local authority team",
        PartnerKind.Other => "Other",
    };
}

/// <summary>An outside agency or provider, with contact details and a validation/reference note (DOMAIN.md section 2).</summary>
public sealed class Partner : VersionedEntity
{
    private Partner() { Name = ""; }

    public Partner(string name, PartnerKind kind)
    {
        Name = "";
        Change(name, kind, null, null, null, null, null);
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public PartnerKind Kind { get; private set; }
    public string? ContactName { get; private set; }
    public string? Email { get; private set; }
    public string? Telephone { get; private set; }
    public string? Address { get; private set; }
    public string? ValidationNote { get; private set; }

    public void Change(string name, PartnerKind kind, string? contactName, string? email, string? telephone, string? address, string? validationNote)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException(RegisterErrors.NameRequired("partner"));
        if (name.Trim().Length > 200) throw new DomainException(RegisterErrors.NameTooLong("partner", 200));
        Name = name.Trim();
        Kind = kind;
        ContactName = Clean(contactName);
        Email = Clean(email);
        Telephone = Clean(telephone);
        Address = Clean(address);
        ValidationNote = Clean(validationNote);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
