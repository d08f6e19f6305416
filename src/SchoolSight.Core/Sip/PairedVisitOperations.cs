using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Register;
using SchoolSight.Domain.Sip;

namespace SchoolSight.Core.Sip;

/// <summary>A paired visit as the page and the API post it; grades 1–4 per aspect with their evidence.</summary>
public sealed record PairedVisitInput
{
    /// <summary>The SIP's record of the visit the adviser joined (it names the school and the SIP).</summary>
    public int VisitId { get; set; }
    public DateOnly? VisitedOn { get; set; }
    public string? LengthOfVisit { get; set; }
    public string? Programme { get; set; }
    public Dictionary<PairedVisitAspect, int?> Grades { get; set; } = [];
    public Dictionary<PairedVisitAspect, string?> Evidence { get; set; } = [];
    public string? HeadFeedback { get; set; }
    public string? Strengths { get; set; }
    public string? AreasForDevelopment { get; set; }

    /// <summary>Send the written summary to the headteacher and the LA with this save.</summary>
    public bool SendSummary { get; set; }
    public int Version { get; set; }

    public PairedVisitContent ToContent(DateOnly visitedOn) => new(visitedOn, LengthOfVisit, Programme,
        PairedVisitAspects.All.ToDictionary(a => a, a => new AspectGrade(Grades.GetValueOrDefault(a) is { } g ? (PairedVisitGrade)g : null, Evidence.GetValueOrDefault(a))),
        HeadFeedback, Strengths, AreasForDevelopment);
}

/// <summary>
/// A senior adviser records a paired visit with a SIP (new, or changing a draft from the version they saw), and sends
/// the written summary to the headteacher and the LA when every aspect is graded with evidence.
/// </summary>
[Operation]
public sealed class SavePairedVisit(AppDbContext db)
{
    public const string What = "paired visit";

    public async Task<OperationResult<int>> RunAsync(int? pairedVisitId, PairedVisitInput input, CancellationToken ct = default)
    {
        var visit = await db.SipVisits.AsNoTracking().Where(v => v.Id == input.VisitId).Select(v => new { v.Urn, v.SipUserId, v.SipName }).FirstOrDefaultAsync(ct);
        if (visit is null) return OperationResult<int>.Fail(CoreErrors.NotFound(SipAccess.What));
        var (actor, refusal) = await db.CheckAsync(visit.Urn, Resource.PairedVisit, ResourceAction.Record, "record a paired visit", ct);
        if (actor is null) return OperationResult<int>.Fail(refusal!);
        PairedVisit paired;
        if (pairedVisitId is { } id)
        {
            var found = await db.PairedVisits.FirstOrDefaultAsync(p => p.Id == id, ct);
            if (found is null) return OperationResult<int>.Fail(CoreErrors.NotFound(What));
            if (found.Version != input.Version) return OperationResult<int>.Fail(db.Conflict(What, found.UpdatedBy, found.UpdatedAt));
            db.ExpectVersion(found, input.Version);
            paired = found;
        }
        else
        {
            paired = PairedVisit.Plan(visit.Urn, visit.SipUserId, visit.SipName, input.VisitId, actor);
            db.PairedVisits.Add(paired);
        }
        try
        {
            if (input.VisitedOn is not { } day) throw new DomainException(SipErrors.Required("VisitedOn", "Enter the day of the paired visit"));
            if (input.Grades.Values.Any(g => g is not null and (< 1 or > 4))) throw new DomainException(SipErrors.BadGrade("Grades"));
            paired.Write(input.ToContent(day), db.Today());
            if (input.SendSummary) paired.SendSummary(db.Today());
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        if (pairedVisitId is null)
        {
            await db.SaveChangesAsync(ct);
            return OperationResult<int>.Ok(paired.Id);
        }
        db.Entry(paired).Property(x => x.UpdatedAt).IsModified = true;
        return await db.SaveVersionedAsync(paired, What, () => paired.Id, ct);
    }
}

/// <summary>One paired visit, if the signed-in person may read it: the school's head only once the summary is sent, a SIP only their own.</summary>
[Operation]
public sealed class GetPairedVisit(AppDbContext db)
{
    public async Task<OperationResult<PairedVisit>> RunAsync(int id, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.PairedVisit, ResourceAction.Read))
            return OperationResult<PairedVisit>.Fail(CoreErrors.Forbidden("Your role does not allow you to read paired visits."));
        var paired = await db.PairedVisits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (paired is null || (db.CurrentUser.Role is { } role && role.IsSchoolBound() && paired.SummarySentOn is null)
            || (db.CurrentUser.Role == Role.SchoolImprovementPartner && paired.SipUserId != db.CurrentUser.UserId))
            return OperationResult<PairedVisit>.Fail(CoreErrors.NotFound(SavePairedVisit.What));
        return OperationResult<PairedVisit>.Ok(paired);
    }
}

public sealed record SipProfileInput
{
    public bool HasHeadshipExperience { get; set; }
    public SchoolPhase? HeadshipPhase { get; set; }
    public int? Version { get; set; }
}

/// <summary>The LA records a SIP's headship experience and its phase.</summary>
[Operation]
public sealed class SaveSipProfile(AppDbContext db)
{
    public async Task<OperationResult<int>> RunAsync(string userId, SipProfileInput input, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.SipService, ResourceAction.Edit))
            return OperationResult<int>.Fail(CoreErrors.Forbidden("Your role does not allow you to change SIPs' profiles."));
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.Role == Role.SchoolImprovementPartner, ct))
            return OperationResult<int>.Fail(CoreErrors.NotFound("school improvement partner"));
        var profile = await db.SipProfiles.FirstOrDefaultAsync(p => p.UserId == userId, ct);
        try
        {
            if (profile is null) db.SipProfiles.Add(profile = new SipProfile(userId, input.HasHeadshipExperience, input.HeadshipPhase));
            else
            {
                if (input.Version is { } v)
                {
                    if (profile.Version != v) return OperationResult<int>.Fail(db.Conflict("SIP profile", profile.UpdatedBy, profile.UpdatedAt));
                    db.ExpectVersion(profile, v);
                }
                profile.Change(input.HasHeadshipExperience, input.HeadshipPhase);
            }
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(e.Errors);
        }
        return await db.SaveVersionedAsync(profile, "SIP profile", () => profile.Version, ct);
    }
}
