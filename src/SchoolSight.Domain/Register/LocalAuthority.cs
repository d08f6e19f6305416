namespace SchoolSight.Domain.Register;

/// <summary>The local authority that runs SchoolSight (DOMAIN.md section 2). Keyed by its DfE LA code, e.g. 919.</summary>
public sealed class LocalAuthority
{
    private LocalAuthority() { Name = ""; }

    public LocalAuthority(int code, string name)
    {
        if (code is < 100 or > 999) throw new DomainException(RegisterErrors.BadLaCode(code));
        Code = code;
        Name = name.Trim();
    }

    public int Code { get; private set; }
    public string Name { get; private set; }
}
