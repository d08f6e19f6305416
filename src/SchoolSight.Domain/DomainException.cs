namespace SchoolSight.Domain;

/// <summary>What kind of failure an error is: it decides the answer a person gets (and the HTTP status of the API).</summary>
public enum ErrorKind
{
    /// <summary>A value is missing or malformed: the person can correct the form.</summary>
    Validation,

    /// <summary>The values are fine but a rule of the process stands in the way (the wrong state, an unmet precondition).</summary>
    Rule,

    /// <summary>The record does not exist, or is not one the person may know of.</summary>
    NotFound,

    /// <summary>Someone else changed the record first.</summary>
    Conflict,

    /// <summary>The person's role or school scope does not allow this.</summary>
    Forbidden,
}

/// <summary>A named domain error: the message is written for the person who caused it.</summary>
public sealed record DomainError(string Code, string Message, string? Field = null, ErrorKind Kind = ErrorKind.Validation)
{
    public static DomainError Rule(string code, string message, string? field = null) => new(code, message, field, ErrorKind.Rule);
    public static DomainError NotFound(string code, string message) => new(code, message, null, ErrorKind.NotFound);
    public static DomainError Conflict(string code, string message) => new(code, message, null, ErrorKind.Conflict);
    public static DomainError Forbidden(string code, string message) => new(code, message, null, ErrorKind.Forbidden);
}

public sealed class DomainException(DomainError error, IReadOnlyList<DomainError>? errors = null) : Exception(error.Message)
{
    public DomainError Error { get; } = error;

    /// <summary>Every error found, when more than one thing stands in the way (the first is <see cref="Error"/>).</summary>
    public IReadOnlyList<DomainError> Errors { get; } = errors ?? [error];
}
