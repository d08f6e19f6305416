using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using FluentValidation;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>A partner agency or provider with its contact details and validation/reference note.</summary>
public sealed record PartnerInput
{
    [Display(Name = "Name")] public string? Name { get; set; }
    [Display(Name = "Kind of partner")] public PartnerKind? Kind { get; set; }
    [Display(Name = "Contact name")] public string? ContactName { get; set; }
    [Display(Name = "Email address")] public string? Email { get; set; }
    [Display(Name = "Telephone")] public string? Telephone { get; set; }
    [Display(Name = "Address")] public string? Address { get; set; }
    [Display(Name = "Validation or reference note")] public string? ValidationNote { get; set; }

    /// <summary>The version the change was made from; required when editing.</summary>
    public int Version { get; set; }
}

public sealed class PartnerInputValidator : AbstractValidator<PartnerInput>
{
    public PartnerInputValidator(bool editing)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        if (editing) RuleFor(x => x.Version).GreaterThan(0).WithMessage("Give the version of the partner you are changing");
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Enter the partner's name")
            .Must(n => n!.Trim().Length <= 200).WithMessage("The partner's name must be 200 characters or fewer");
        RuleFor(x => x.Kind)
            .NotNull().WithMessage("Choose the kind of partner")
            .IsInEnum().WithMessage("Choose the kind of partner");
        RuleFor(x => x.ContactName).Must(v => v is null || v.Trim().Length <= 200).WithMessage("The contact name must be 200 characters or fewer");
        RuleFor(x => x.Email)
            .Must(e => e!.Trim().Length <= 256).WithMessage("The email address must be 256 characters or fewer")
            .Must(e => Regex.IsMatch(e!.Trim(), @"^[^@\s]+@[^@\s]+\.[^@\s]+$")).WithMessage("Enter an email address in the correct format, like name@example.org")
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.Telephone)
            .Must(t => t!.Trim().Length <= 40).WithMessage("The telephone number must be 40 characters or fewer")
            .Must(t => Regex.IsMatch(t!.Trim(), @"^[0-9 +()\-]+$")).WithMessage("Enter a telephone number, like 01632 960 001")
            .When(x => !string.IsNullOrWhiteSpace(x.Telephone));
        RuleFor(x => x.Address).Must(v => v is null || v.Trim().Length <= 500).WithMessage("The address must be 500 characters or fewer");
        RuleFor(x => x.ValidationNote).Must(v => v is null || v.Trim().Length <= 2000).WithMessage("The validation note must be 2,000 characters or fewer");
    }
}
