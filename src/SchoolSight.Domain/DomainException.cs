namespace SchoolSight.Domain;

/// <summary>A named domain error: the message is written for the person who caused it.</summary>
public sealed record DomainError(string Code, string Message, string? Field = null);

public sealed class DomainException(DomainError error) : Exception(error.Message)
{
    public DomainError Error { get; } = error;
}
