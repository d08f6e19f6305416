using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Access;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Workflows;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Core.HealthySchools;

public sealed record OutcomeView(MeaningfulOutcome Outcome, string? IndicatorName, DataFigure? Current, bool? Reached,
    IReadOnlyList<OpenMove<MeaningfulOutcome, OutcomeState, OutcomeMove, OutcomeMoveContext>> Moves);

public sealed record ExchangeView(QuasEntry Entry, string ByName);

public sealed record EngagementView(
    int Urn, string SchoolName, HealthySchoolEngagement? Engagement, bool MayContribute, bool MayDecide,
    IReadOnlyDictionary<int, string> Partners, IReadOnlyList<LocalPriority> LocalPriorities, IReadOnlyDictionary<string, string> IndicatorNames,
    SchoolIndicatorsView? Data, IReadOnlyList<OutcomeView> Outcomes, IReadOnlyList<ExchangeView> Exchange,
    string? SharedGroupSchool, IReadOnlyList<GroupMember> SharedGroupMembers,
    IReadOnlyList<OpenMove<HealthySchoolEngagement, EnhancementStage, EnhancementMove, MoveContext>> Moves);

/// <summary>
/// A school's Healthy Schools record as its page shows it: the stage and what stands in the way of the next, the
/// group, the needs analysis opening with the school's own well-being indicators against their benchmarks (from
/// <see cref="GetSchoolIndicators"/>), the priorities, each outcome with the figure the data gives now, the early
/// success indicators (the barometer), the activities and the exchange with the QUAS.
/// </summary>
[Operation]
public sealed class GetEngagement(AppDbContext db, GetSchoolIndicators indicators, IndicatorCatalogueSource catalogue, PeopleNames people)
{
    public async Task<OperationResult<EngagementView>> RunAsync(int urn, int? year = null, CancellationToken ct = default)
    {
        if (db.Actor() is not { } actor || !actor.Role.Allows(Resource.HealthySchools, ResourceAction.Read))
            return OperationResult<EngagementView>.Fail(CoreErrors.Forbidden("Your role does not allow you to see Healthy Schools records."));
        if (!db.CurrentUser.Scope.Includes(urn)) return OperationResult<EngagementView>.Fail(CoreErrors.NotFound("school"));
        var name = await db.Schools.Where(s => s.Urn == urn).Select(s => s.Details.Name).FirstOrDefaultAsync(ct);
        if (name is null) return OperationResult<EngagementView>.Fail(CoreErrors.NotFound("school"));

        var e = await db.HealthySchoolEngagements.AsNoTracking().FirstOrDefaultAsync(x => x.Urn == urn, ct);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var locals = await db.LocalPriorities.AsNoTracking().Where(p => p.IsCurrent).OrderBy(p => p.Title).ToListAsync(ct);
        var names = catalogue.Catalogue.Indicators.ToDictionary(i => i.Id, i => i.Name);
        var mayContribute = actor.Role.Allows(Resource.HealthySchools, ResourceAction.Contribute);
        var mayDecide = actor.Role.Allows(Resource.HealthySchools, ResourceAction.Decide);
        if (e is null)
            return OperationResult<EngagementView>.Ok(new(urn, name, null, mayContribute, mayDecide, partners, locals, names, null, [], [], null, [], []));

        // The needs analysis opens with the school's own data; the figures outcomes are measured by come from the same view.
        var data = await indicators.RunAsync(urn, year, ct: ct);
        var context = db.MoveBy(actor, null);
        var outcomeContext = new OutcomeMoveContext(actor, db.UtcNow, db.Today(), null, "evidence", e.Stage == EnhancementStage.Review, null);
        var outcomes = e.CurrentOutcomes.Select(o =>
        {
            var current = o.IndicatorId is { } id ? OutcomeFigures.Find(data, id, o.PupilGroup ?? PupilGroup.All) : null;
            var moves = OutcomeReview.Workflow.MovesFor(o, outcomeContext with { CurrentFigure = current?.Value })
                .Select(m => m with { Unmet = [.. m.Unmet.Where(u => u.Code != "healthy.met-evidence")] }).ToList();
            return new OutcomeView(o, o.IndicatorId is { } i ? names.GetValueOrDefault(i, i) : null, current, current is { } c ? o.Reaches(c.Value) : null, moves);
        }).ToList();
        var who = await people.ResolverAsync(ct);
        var exchange = e.Exchange.Select(x => new ExchangeView(x, who(x.By))).ToList();

        string? sharedName = null;
        IReadOnlyList<GroupMember> sharedMembers = [];
        if (e.SharedGroupUrn is { } shared)
        {
            // A cluster's group is shared by its schools: its members are shown to each, nothing else of the other school's record.
            sharedName = await db.Schools.IgnoreQueryFilters().Where(s => s.Urn == shared).Select(s => s.Details.Name).FirstOrDefaultAsync(ct);
            sharedMembers = (await db.HealthySchoolEngagements.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Urn == shared, ct))?.Members ?? [];
        }
        return OperationResult<EngagementView>.Ok(new(urn, name, e, mayContribute, mayDecide, partners, locals, names, data, outcomes, exchange,
            sharedName, sharedMembers, EnhancementModel.Workflow.MovesFor(e, context)));
    }
}
