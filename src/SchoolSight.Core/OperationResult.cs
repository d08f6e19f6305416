using SchoolSight.Domain;

namespace SchoolSight.Core;

/// <summary>The outcome of a named operation: a value, or the errors to show the person who asked.</summary>
public sealed record OperationResult<T>
{
    private OperationResult(T? value, IReadOnlyList<DomainError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<DomainError> Errors { get; }
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Set when the failure was a stale edit: someone else saved the record first.</summary>
    public bool IsConflict => Errors.Any(e => e.Kind == ErrorKind.Conflict);
    public bool IsNotFound => Errors.Any(e => e.Kind == ErrorKind.NotFound);

    /// <summary>Set when the signed-in role may not do this at all (as opposed to bad input).</summary>
    public bool IsForbidden => Errors.Any(e => e.Kind == ErrorKind.Forbidden);

    public static OperationResult<T> Ok(T value) => new(value, []);
    public static OperationResult<T> Fail(params DomainError[] errors) => new(default, errors);
    public static OperationResult<T> Fail(IEnumerable<DomainError> errors) => new(default, errors.ToList());
}

public static class CoreErrors
{
    public const string ConflictCode = "concurrency.conflict";
    public const string NotFoundCode = "not-found";
    public const string ForbiddenCode = "forbidden";

    public static DomainError Conflict(string what, string? by, DateTime? at) =>
        DomainError.Conflict(ConflictCode,
            $"This {what} was changed by {by ?? "another user"}" +
            (at is { } when ? $" at {when:HH:mm} on {when:d MMMM yyyy}" : "") +
            " after you opened it. Your changes have not been saved. Review the current details and make your changes again.");

    /// <summary>A change to many records that met someone else's change to one of them: nothing was saved.</summary>
    public static DomainError ChangedMeanwhile(string what) =>
        DomainError.Conflict(ConflictCode, $"Someone else changed {what} while yours were being saved, so nothing has been saved. Look at them again and repeat.");

    public static DomainError NotFound(string what) => DomainError.NotFound(NotFoundCode, $"The {what} could not be found.");

    public static DomainError Forbidden(string message) => DomainError.Forbidden(ForbiddenCode, message);
}
