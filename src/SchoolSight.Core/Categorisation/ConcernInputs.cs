using System.ComponentModel.DataAnnotations;
using FluentValidation;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>A concern as LA staff record it: its kind ("safeguarding" or "management-or-governance"), when it was raised and what it is.</summary>
public sealed record ConcernInput
{
    public string? Kind { get; set; }
    [Display(Name = "The date the concern was raised")] public DateOnly? RaisedOn { get; set; }
    public string? Summary { get; set; }
}

/// <summary>Closing a concern: when, why, and the version of the concern the person saw.</summary>
public sealed record CloseConcernInput
{
    [Display(Name = "The date the concern was closed")] public DateOnly? ClosedOn { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }
}

public sealed class ConcernInputValidator : AbstractValidator<ConcernInput>
{
    public const int TextMaxLength = 4000;

    public ConcernInputValidator(DateOnly today)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Kind)
            .NotEmpty().WithMessage("Choose the kind of concern")
            .Must(k => ConcernKinds.TryParse(k, out _))
            .WithMessage(x => $"'{x.Kind}' is not a kind of concern: use safeguarding or management-or-governance");
        RuleFor(x => x.RaisedOn)
            .NotNull().WithMessage("Enter the date the concern was raised")
            .LessThanOrEqualTo(today).WithMessage("The date the concern was raised must be today or in the past")
            .GreaterThanOrEqualTo(new DateOnly(2000, 1, 1)).WithMessage("The date the concern was raised must be in 2000 or later");
        RuleFor(x => x.Summary)
            .NotEmpty().WithMessage("Describe the concern")
            .Must(s => s!.Trim().Length <= TextMaxLength).WithMessage($"The description must be {TextMaxLength:N0} characters or fewer");
    }
}

public sealed class CloseConcernInputValidator : AbstractValidator<CloseConcernInput>
{
    public CloseConcernInputValidator(DateOnly today)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(x => x.Version).GreaterThan(0).WithMessage("Give the version of the concern you are closing");
        RuleFor(x => x.ClosedOn)
            .NotNull().WithMessage("Enter the date the concern was closed")
            .LessThanOrEqualTo(today).WithMessage("The date the concern was closed must be today or in the past");
        RuleFor(x => x.Reason)
            .NotEmpty().WithMessage("Give the reason the concern is closed")
            .Must(s => s!.Trim().Length <= ConcernInputValidator.TextMaxLength).WithMessage($"The reason must be {ConcernInputValidator.TextMaxLength:N0} characters or fewer");
    }
}
