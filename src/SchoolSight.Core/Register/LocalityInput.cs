using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;

namespace SchoolSight.Core.Register;

/// <summary>A locality as an LA administrator names it: its name, its School Effectiveness Board and a description.</summary>
public sealed record LocalityInput
{
    [Display(Name = "Name")] public string? Name { get; set; }
    [Display(Name = "School Effectiveness Board")] public string? BoardName { get; set; }
    [Display(Name = "Description")] public string? Description { get; set; }

    /// <summary>The version the change was made from; required when editing.</summary>
    public int Version { get; set; }
}

public sealed class LocalityInputValidator : AbstractValidator<LocalityInput>
{
    /// <param name="editing">The locality being edited (null when creating): its own name does not count as taken.</param>
    public LocalityInputValidator(AppDbContext db, int? editing)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        if (editing is not null) RuleFor(x => x.Version).GreaterThan(0).WithMessage("Give the version of the locality you are changing");
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Enter the locality name")
            .Must(n => n!.Trim().Length <= 100).WithMessage("The locality name must be 100 characters or fewer")
            .MustAsync(async (name, ct) =>
            {
                var trimmed = name!.Trim().ToLower();
                return !await db.Localities.AnyAsync(l => l.Name.ToLower() == trimmed && l.Id != editing, ct);
            })
            .WithMessage(x => $"There is already a locality called {x.Name!.Trim()}");
        RuleFor(x => x.BoardName).Must(b => b is null || b.Trim().Length <= 150)
            .WithMessage("The board name must be 150 characters or fewer");
        RuleFor(x => x.Description).Must(d => d is null || d.Trim().Length <= 2000)
            .WithMessage("The description must be 2,000 characters or fewer");
    }
}
