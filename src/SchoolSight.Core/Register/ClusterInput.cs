using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Register;

/// <summary>A cluster, network or learning community: what it is called, its kind and purpose, and schools joining or leaving it.</summary>
public sealed record ClusterInput
{
    [Display(Name = "Name")] public string? Name { get; set; }
    [Display(Name = "Kind of group")] public ClusterKind? Kind { get; set; }
    [Display(Name = "Purpose")] public string? Purpose { get; set; }

    /// <summary>URNs of schools to add as members.</summary>
    [Display(Name = "Add a school by URN")] public List<int>? AddUrns { get; set; }

    /// <summary>URNs of members to remove.</summary>
    [Display(Name = "Remove members")] public List<int>? RemoveUrns { get; set; }

    /// <summary>The version the change was made from; required when editing.</summary>
    public int Version { get; set; }
}

public sealed class ClusterInputValidator : AbstractValidator<ClusterInput>
{
    /// <param name="editing">The cluster being edited (null when creating): its own name does not count as taken.</param>
    public ClusterInputValidator(AppDbContext db, int? editing)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        if (editing is not null) RuleFor(x => x.Version).GreaterThan(0).WithMessage("Give the version of the cluster you are changing");
        RuleFor(x => x.Name)
            .NotEmpty().WithMessage("Enter the name of the cluster, network or learning community")
            .Must(n => n!.Trim().Length <= 150).WithMessage("The name must be 150 characters or fewer")
            .MustAsync(async (name, ct) =>
            {
                var trimmed = name!.Trim().ToLower();
                return !await db.Clusters.AnyAsync(c => c.Name.ToLower() == trimmed && c.Id != editing, ct);
            })
            .WithMessage(x => $"There is already a cluster, network or learning community called {x.Name!.Trim()}");
        RuleFor(x => x.Kind)
            .NotNull().WithMessage("Choose whether it is a cluster, a network or a learning community")
            .IsInEnum().WithMessage("Choose whether it is a cluster, a network or a learning community");
        RuleFor(x => x.Purpose).Must(p => p is null || p.Trim().Length <= 2000).WithMessage("The purpose must be 2,000 characters or fewer");
        RuleFor(x => x.AddUrns).CustomAsync(async (urns, context, ct) =>
        {
            if (urns is not { Count: > 0 }) return;
            if (!urns.All(RegisterEdits.IsUrn))
            {
                context.AddFailure("A URN must be a positive whole number, like 100001");
                return;
            }
            var missing = await MissingAsync(db, urns, ct);
            if (missing.Count > 0) context.AddFailure($"There is no school with URN {string.Join(", ", missing)} on the register");
        });
    }

    private static async Task<List<int>> MissingAsync(AppDbContext db, List<int> urns, CancellationToken ct)
    {
        var wanted = urns.Distinct().ToList();
        var found = await db.Schools.IgnoreQueryFilters().Where(s => wanted.Contains(s.Urn)).Select(s => s.Urn).ToListAsync(ct);
        return [.. wanted.Except(found)];
    }
}
