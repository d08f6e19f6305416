namespace SchoolSight.Domain;

/// <summary>A named domain error: the message is written for the person who caused it.</summary>
public sealed record DomainError(string Code, string Message, string? Field = null);

public sealed class DomainException(DomainError error, IReadOnlyList<DomainError>? errors = null) : Exception(error.Message)
{
    public DomainError Error { get; } = error;

    /// <summary>Every error found, when more than one thing stands in the way (the first is <see cref="Error"/>).</summary>
    public IReadOnlyList<DomainError> Errors { get; } = errors ?? [error];
}
