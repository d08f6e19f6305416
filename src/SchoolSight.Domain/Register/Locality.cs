namespace SchoolSight.Domain.Register;

/// <summary>A locality of the LA (Hertfordshire calls them quadrants), each with its School Effectiveness Board.</summary>
public sealed class Locality : VersionedEntity
{
    private Locality() { Name = ""; }

    public Locality(int laCode, string name, string? boardName = null, string? description = null)
    {
        LaCode = laCode;
        Rename(name, boardName, description);
        Name = name.Trim();
    }

    public int Id { get; private set; }
    public int LaCode { get; private set; }
    public string Name { get; private set; }
    public string? BoardName { get; private set; }
    public string? Description { get; private set; }

    public void Rename(string name, string? boardName, string? description)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException(RegisterErrors.NameRequired("locality"));
        if (name.Trim().Length > 100) throw new DomainException(RegisterErrors.NameTooLong("locality", 100));
        Name = name.Trim();
        BoardName = string.IsNullOrWhiteSpace(boardName) ? null : boardName.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }
}
