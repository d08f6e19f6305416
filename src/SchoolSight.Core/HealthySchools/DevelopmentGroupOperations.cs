using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

public sealed record GroupMemberInput
{
    public string? Name { get; set; }
    public string? GroupRole { get; set; }
    public GroupRepresentation? Represents { get; set; }

    /// <summary>The partner from the register, for a member who represents a partner.</summary>
    public int? PartnerId { get; set; }
    public int? Version { get; set; }
}

/// <summary>Adds a member to the school's health and well-being development group (stage 1).</summary>
[Operation]
public sealed class AddGroupMember(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int urn, GroupMemberInput input, CancellationToken ct = default)
    {
        if (input.PartnerId is { } partnerId && !await db.Partners.AnyAsync(p => p.Id == partnerId, ct))
            return OperationResult<int>.Fail(new DomainError("healthy.partner", "Choose a partner from the register", nameof(input.PartnerId)));
        return await db.ChangeAsync(urn, input.Version, (e, actor) =>
            e.AddMember(input.Name ?? "", input.GroupRole ?? "", EngagementChanges.Require(input.Represents, nameof(input.Represents), "Choose whom the member represents"), input.PartnerId, actor), ct);
    }
}

/// <summary>Removes a member from the school's development group.</summary>
[Operation]
public sealed class RemoveGroupMember(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, int number, int? version, CancellationToken ct = default) =>
        db.ChangeAsync(urn, version, (e, actor) => e.RemoveMember(number, actor), ct);
}

/// <summary>Records the development group's key tasks.</summary>
[Operation]
public sealed class SetKeyTasks(AppDbContext db)
{
    public Task<OperationResult<int>> RunAsync(int urn, string? keyTasks, int? version, CancellationToken ct = default) =>
        db.ChangeAsync(urn, version, (e, actor) => e.SetKeyTasks(keyTasks ?? "", actor), ct);
}

/// <summary>
/// The school shares the development group of another school of one of its clusters (a cluster's group), or stops
/// sharing. Each school keeps its own priorities, outcomes, indicators and recognition.
/// </summary>
[Operation]
public sealed class ShareDevelopmentGroup(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(int urn, int? sharedUrn, int? version, CancellationToken ct = default)
    {
        if (sharedUrn is { } other)
        {
            var clusters = db.ClusterMemberships.Where(m => m.Urn == urn).Select(m => m.ClusterId);
            if (!await db.ClusterMemberships.IgnoreQueryFilters().AnyAsync(m => m.Urn == other && clusters.Contains(m.ClusterId), ct))
                return OperationResult<int>.Fail(new DomainError("healthy.share-cluster", "Choose a school in one of the school's clusters", "SharedGroupUrn"));
            if (!await db.HealthySchoolEngagements.IgnoreQueryFilters().AnyAsync(e => e.Urn == other && e.SharedGroupUrn == null && e.Stage != EnhancementStage.DevelopmentGroup, ct))
                return OperationResult<int>.Fail(DomainError.Rule("healthy.share-not-ready", "That school has not set up its development group yet.", "SharedGroupUrn"));
        }
        return await db.ChangeAsync(urn, version, (e, actor) => e.ShareGroupOf(sharedUrn, actor), ct);
    }
}
