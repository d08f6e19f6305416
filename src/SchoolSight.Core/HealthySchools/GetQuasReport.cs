using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.HealthySchools;

/// <summary>
/// The QUAS report (<see cref="QuasReport"/>) for an academic year and, optionally, one locality. The page, its PDF and
/// Excel files, the API and the <c>schoolsight healthy-schools quas-report</c> command all run this one operation.
/// Recruitment counts the LA's open schools; a school is engaged when it took its first step by the report's day and
/// holds the status when it was current that day. The stage is the one each school stands at now; what waits for the
/// panel is today's queue.
/// </summary>
[Operation]
public sealed class GetQuasReport(AppDbContext db, GetQuasQueue queue, IndicatorCatalogueSource catalogue, HealthySchoolsConfiguration configuration)
{
    public async Task<OperationResult<QuasReport>> RunAsync(QuasReportFilter filter, CancellationToken ct = default)
    {
        if (!db.CurrentUser.Role.Allows(Resource.QuasReport, ResourceAction.Read))
            return OperationResult<QuasReport>.Fail(CoreErrors.Forbidden("Your role does not allow you to see the QUAS report."));
        var today = db.Today();
        var year = filter.Year ?? AcademicYear.Of(today);
        if (year < AcademicYear.Earliest || year > AcademicYear.Of(today))
            return OperationResult<QuasReport>.Fail(new DomainError("healthy.report-year", $"Choose an academic year from {AcademicYear.Format(AcademicYear.Earliest)} to {AcademicYear.Format(AcademicYear.Of(today))}", "Year"));
        var localities = await db.Localities.AsNoTracking().OrderBy(l => l.Name).Select(l => new ReportArea(l.Id, l.Name)).ToListAsync(ct);
        var locality = filter.LocalityId is { } id ? localities.FirstOrDefault(l => l.Id == id) : null;
        if (filter.LocalityId is not null && locality is null) return OperationResult<QuasReport>.Fail(CoreErrors.NotFound("locality"));
        var asAt = new DateOnly(year + 1, 8, 31) is var end && end < today ? end : today;

        var schools = (await db.Schools.AsNoTracking()
                .Where(s => locality == null || s.LocalityId == locality.Id)
                .Select(s => new { s.Urn, s.Details.Name, s.Details.Status, Locality = s.Locality != null ? s.Locality.Name : null })
                .ToListAsync(ct))
            .Where(s => s.Status.IsOpen()).ToDictionary(s => s.Urn);
        var urns = schools.Keys.ToList();
        var clusters = (await db.ClusterMemberships.AsNoTracking().Where(m => urns.Contains(m.Urn))
                .Select(m => new { m.Urn, m.Cluster.Name }).ToListAsync(ct))
            .GroupBy(m => m.Urn).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(m => m.Name).Order()]);
        IReadOnlyList<string> ClustersOf(int urn) => clusters.GetValueOrDefault(urn) ?? [];
        var engaged = (await db.HealthySchoolEngagements.AsNoTracking().Where(e => urns.Contains(e.Urn)).ToListAsync(ct))
            .Where(e => e.EngagedOn <= asAt).ToDictionary(e => e.Urn);
        var renewal = configuration.Settings.RenewalYears;
        var withStatus = (await db.HealthySchoolStatuses.AsNoTracking().Where(s => urns.Contains(s.Urn)).ToListAsync(ct))
            .Where(s => s.AchievedOn <= asAt && s.IsCurrent(asAt, renewal)).Select(s => s.Urn).ToHashSet();

        Recruitment Count(string area, IEnumerable<int> members)
        {
            var list = members.ToList();
            return new Recruitment(area, list.Count, list.Count(engaged.ContainsKey), list.Count(withStatus.Contains));
        }
        var byLocality = schools.Values.GroupBy(s => s.Locality ?? "No locality").OrderBy(g => g.Key).Select(g => Count(g.Key, g.Select(s => s.Urn))).ToList();
        var byCluster = urns.SelectMany(u => ClustersOf(u).Select(c => (Cluster: c, Urn: u))).GroupBy(x => x.Cluster).OrderBy(g => g.Key)
            .Select(g => Count(g.Key, g.Select(x => x.Urn))).ToList();

        List<AreaCount> Areas(IEnumerable<string> areas) => [.. areas.GroupBy(a => a).OrderBy(g => g.Key).Select(g => new AreaCount(g.Key, g.Count()))];
        var stages = EnhancementStages.All.Select(stage =>
        {
            var at = engaged.Values.Where(e => e.Stage == stage).Select(e => e.Urn).ToList();
            return new StageReached(stage, at.Count, Areas(at.Select(u => schools[u].Locality ?? "No locality")), Areas(at.SelectMany(ClustersOf)));
        }).ToList();

        var reportSchools = engaged.Values.Select(e => new ReportSchool(e.Urn, schools[e.Urn].Name, schools[e.Urn].Locality, ClustersOf(e.Urn), e.Stage, e.Cycle,
                e.EngagedOn, withStatus.Contains(e.Urn), e.Outcomes.Count, e.Outcomes.Count(o => IsMet(o, asAt))))
            .OrderBy(s => s.Name).ToList();

        var waiting = await queue.RunAsync(ct);
        if (!waiting.Succeeded) return OperationResult<QuasReport>.Fail(waiting.Errors);
        var pending = waiting.Value!.Where(i => schools.ContainsKey(i.Urn))
            .Select(i => new PendingApproval(i.Urn, i.SchoolName, KindOf(i), i.What, i.SentAt, db.Clock.DateOf(i.SentAt), i.DaysWaiting)).ToList();

        var outcomes = Enum.GetValues<PriorityKind>().Select(kind =>
        {
            var set = engaged.Values.SelectMany(e => e.Outcomes.Where(o => e.Priorities.Any(p => p.Number == o.PriorityNumber && p.Kind == kind))).ToList();
            return new OutcomesMet(kind, set.Count, set.Count(o => IsMet(o, asAt)), set.Count(o => o.State == OutcomeState.SubmittedAsMet));
        }).ToList();

        var localTitles = await db.LocalPriorities.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var indicators = catalogue.Catalogue.Indicators.ToDictionary(i => i.Id, i => i.Name);
        var current = engaged.Values.SelectMany(e => e.CurrentPriorities.Select(p => (School: schools[e.Urn].Name, Priority: p))).ToList();
        List<PriorityAcrossSchools> Grouped(IEnumerable<(string School, HealthPriority Priority)> priorities, int atLeast) =>
        [
            .. priorities.GroupBy(x => (x.Priority.Kind, Key: x.Priority.Kind == PriorityKind.Local ? $"{x.Priority.LocalPriorityId}" : x.Priority.IndicatorId))
                .Select(g => new PriorityAcrossSchools(
                    g.Key.Kind == PriorityKind.Local && g.First().Priority.LocalPriorityId is { } lp && localTitles.TryGetValue(lp, out var title)
                        ? title : string.Join("; ", g.Select(x => x.Priority.Title).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)),
                    g.Key.Kind, indicators.GetValueOrDefault(g.First().Priority.IndicatorId, g.First().Priority.IndicatorId),
                    [.. g.Select(x => x.School).Distinct().Order()],
                    [.. g.Where(x => x.Priority.NoServiceAvailable is not null).Select(x => $"{x.School}: {x.Priority.NoServiceAvailable}").Order()]))
                .Where(p => p.Schools.Count >= atLeast)
                .OrderByDescending(p => p.Schools.Count).ThenBy(p => p.Kind).ThenBy(p => p.Priority),
        ];

        var unpartnered = engaged.Values.Select(e => e.Activities.Count(a => a.PartnerId is null)).Where(n => n > 0).ToList();
        var firstDays = await db.HealthySchoolEngagements.AsNoTracking().Select(e => e.EngagedOn).ToListAsync(ct);
        var first = Math.Min(year, firstDays.Count == 0 ? AcademicYear.Of(today) : AcademicYear.Of(firstDays.Min()));
        IReadOnlyList<int> years = [.. Enumerable.Range(first, AcademicYear.Of(today) - first + 1).Reverse()];
        var la = await db.LocalAuthorities.Select(l => l.Name).FirstOrDefaultAsync(ct) ?? "The local authority";
        return OperationResult<QuasReport>.Ok(new QuasReport(la, year, years, asAt, locality?.Name, localities,
            Count(locality?.Name ?? "All localities", urns), byLocality, byCluster, stages, reportSchools, pending, outcomes,
            Grouped(current, 2), Grouped(current.Where(x => x.Priority.NoServiceAvailable is not null), 1),
            unpartnered.Sum(), unpartnered.Count));
    }

    private static bool IsMet(MeaningfulOutcome outcome, DateOnly asAt) => outcome.State == OutcomeState.Met && outcome.ConfirmedOn <= asAt;

    /// <summary>What a queue item is: an outcome's evidence names its outcome, a drawn annual review links to the review, the rest are stage 4 forms.</summary>
    private static PendingKind KindOf(QuasQueueItem item) =>
        item.OutcomeNumber is not null ? PendingKind.StageEightEvidence
        : item.Href.Contains("/AnnualReview", StringComparison.Ordinal) ? PendingKind.Moderation
        : PendingKind.StageFourForm;
}
