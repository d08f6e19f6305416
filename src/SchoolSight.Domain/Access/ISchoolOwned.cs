namespace SchoolSight.Domain.Access;

/// <summary>
/// A record that belongs to one school. Marking an entity with it is all it takes: the database query filter gives
/// each user only the rows of the resources their role may read (and, for resources held per school, only their
/// schools' rows), and the audit trail files every change under the school.
/// </summary>
public interface ISchoolOwned
{
    int Urn { get; }

    /// <summary>The resource the record is, as the access table names it.</summary>
    static abstract Resource Resource { get; }
}
