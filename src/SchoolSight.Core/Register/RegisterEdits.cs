using FluentValidation;
using SchoolSight.Core.Data;
using SchoolSight.Domain;

namespace SchoolSight.Core.Register;

/// <summary>What the register's create and edit operations share: running a validator and touching a record's version.</summary>
internal static class RegisterEdits
{
    /// <summary>
    /// Runs <paramref name="validator"/> and gives its failures as errors named by field ("Name", "ClusterIds"),
    /// one per field, so a page can list them in its error summary and an API in its validation problem.
    /// </summary>
    public static async Task<List<DomainError>> CheckAsync<T>(this IValidator<T> validator, T input, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(input, ct);
        return result.Errors
            .Select(e => new DomainError("validation." + e.ErrorCode, e.ErrorMessage, FieldOf(e.PropertyName)))
            .DistinctBy(e => e.Field)
            .ToList();
    }

    /// <summary>"ClusterIds[2]" → "ClusterIds": a list is one field on the form.</summary>
    private static string FieldOf(string propertyName)
    {
        var bracket = propertyName.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? propertyName : propertyName[..bracket];
    }

    /// <summary>
    /// Marks a record as changed when only its links changed (a school's clusters, a cluster's members), so the save
    /// moves its version on and checks the version the user started from.
    /// </summary>
    public static void Touch(this AppDbContext db, VersionedEntity entity) =>
        db.Entry(entity).Property(e => e.UpdatedAt).IsModified = true;

    /// <summary>Cleans an optional text field: blank becomes null, the rest is trimmed.</summary>
    public static string? Clean(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A GIAS unique reference number: a positive whole number.</summary>
    public static bool IsUrn(int urn) => Domain.Register.Urns.IsUrn(urn);
}
