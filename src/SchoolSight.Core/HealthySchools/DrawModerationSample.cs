using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;

namespace SchoolSight.Core.HealthySchools;

public sealed record ModerationDrawInput
{
    /// <summary>The academic year (its first calendar year); the current one when empty.</summary>
    public int? Year { get; set; }

    /// <summary>The seed of the draw; a random one is chosen (and shown) when empty.</summary>
    public long? Seed { get; set; }
}

/// <summary>One drawn review: the school, its moderator and the outcome so far.</summary>
public sealed record DrawnReview(int Urn, string SchoolName, string Moderator, ModerationOutcome? Outcome);

public sealed record ModerationDrawView(int Year, long Seed, double Share, string Method, int Reviews, DateTime DrawnAt, string DrawnBy, bool Checks, IReadOnlyList<DrawnReview> Drawn);

/// <summary>
/// Draws a year's annual reviews for moderation by the QUAS: at least the LA's share (10% by default) of the
/// self-validated reviews, by the reproducible method of <see cref="ModerationSample"/> from a seed that is kept and
/// shown; each drawn review is assigned in turn to the QUAS panel members. One draw per year.
/// </summary>
[Operation]
public sealed class DrawModerationSample(AppDbContext db, HealthySchoolsConfiguration configuration, PeopleNames people)
{
    public const string What = "moderation draw";

    public async Task<OperationResult<ModerationDrawView>> RunAsync(ModerationDrawInput input, CancellationToken ct = default)
    {
        if (db.Actor() is not { } actor || !actor.Role.Allows(Resource.HealthySchoolsLa, ResourceAction.Decide))
            return OperationResult<ModerationDrawView>.Fail(CoreErrors.Forbidden("Only a QUAS panel member or the Healthy Schools coordinator draws annual reviews for moderation."));
        var year = db.YearOf(input.Year);
        if (await db.ModerationDraws.AnyAsync(d => d.Year == year, ct))
            return OperationResult<ModerationDrawView>.Fail(DomainError.Conflict("healthy.drawn", $"The annual reviews of {AcademicYear.Format(year)} have already been drawn for moderation: the draw is done once a year."));
        var panel = await db.Users.Where(u => u.Role == Role.QuasPanelMember && u.UserName != null).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(ct);
        if (panel.Count == 0) return OperationResult<ModerationDrawView>.Fail(DomainError.Rule("healthy.no-panel", "There is no QUAS panel member to assign the drawn reviews to."));
        var reviews = await db.AnnualReviews.IgnoreQueryFilters().Where(r => r.Year == year && r.SelfValidatedOn != null).ToListAsync(ct);
        ModerationDraw draw;
        try
        {
            draw = ModerationDraw.Make(year, input.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue), configuration.Settings.ModerationShare,
                reviews.Select(r => r.Urn), actor, db.UtcNow);
            db.ModerationDraws.Add(draw);
            await db.SaveChangesAsync(ct);
            for (var i = 0; i < draw.Drawn.Count; i++)
                reviews.Single(r => r.Urn == draw.Drawn[i]).DrawForModeration(draw.Id, panel[i % panel.Count]);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            db.ChangeTracker.Clear();
            return OperationResult<ModerationDrawView>.Fail(e.Errors);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return OperationResult<ModerationDrawView>.Fail(DomainError.Conflict("healthy.drawn", $"The annual reviews of {AcademicYear.Format(year)} have just been drawn by someone else."));
        }
        return OperationResult<ModerationDrawView>.Ok((await ModerationViews.OfAsync(db, people, [draw], ct)).Single());
    }
}

/// <summary>Every year's moderation draw, newest first, with the drawn schools, moderators and outcomes, and whether re-doing the draw gives the same schools.</summary>
[Operation]
public sealed class ListModerationDraws(AppDbContext db, PeopleNames people)
{
    public async Task<IReadOnlyList<ModerationDrawView>> RunAsync(CancellationToken ct = default) =>
        db.CurrentUser.Role.Allows(Resource.HealthySchoolsLa, ResourceAction.Read)
            ? await ModerationViews.OfAsync(db, people, await db.ModerationDraws.AsNoTracking().OrderByDescending(d => d.Year).ToListAsync(ct), ct)
            : [];
}

internal static class ModerationViews
{
    public static async Task<IReadOnlyList<ModerationDrawView>> OfAsync(AppDbContext db, PeopleNames people, IReadOnlyList<ModerationDraw> draws, CancellationToken ct)
    {
        var ids = draws.Select(d => d.Id).ToList();
        var reviews = await db.AnnualReviews.IgnoreQueryFilters().AsNoTracking().Where(r => r.ModerationDrawId != null && ids.Contains(r.ModerationDrawId.Value))
            .Select(r => new { r.ModerationDrawId, r.Urn, r.Moderator, r.ModerationOutcome }).ToListAsync(ct);
        var urns = reviews.Select(r => r.Urn).ToList();
        var names = await db.Schools.IgnoreQueryFilters().Where(s => urns.Contains(s.Urn)).ToDictionaryAsync(s => s.Urn, s => s.Details.Name, ct);
        var who = await people.ResolverAsync(ct);
        return [.. draws.Select(d => new ModerationDrawView(d.Year, d.Seed, d.Share, d.Method, d.Population.Count, d.DrawnAt, who(d.DrawnBy), d.Checks(),
            [.. d.Drawn.Select(u => reviews.FirstOrDefault(r => r.Urn == u && r.ModerationDrawId == d.Id) is { } r
                ? new DrawnReview(u, names.GetValueOrDefault(u, $"URN {u}"), who(r.Moderator), r.ModerationOutcome)
                : new DrawnReview(u, names.GetValueOrDefault(u, $"URN {u}"), "", null))]))];
    }
}
