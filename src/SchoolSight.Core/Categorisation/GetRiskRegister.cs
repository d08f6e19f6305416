using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Published;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Categorisation;

/// <summary>The latest change of a school's level: which way, from and to, and the day the SMT decided it.</summary>
public sealed record LevelMovement(int Direction, LevelOfSupport? From, LevelOfSupport To, DateOnly On);

/// <summary>
/// A source's latest judgement in brief, on its own scale: overall effectiveness (four-point, before 10 November
/// 2025), or on the report card scale the worst-graded area of its latest judgements; and the academic year.
/// </summary>
public sealed record OverallJudgement(JudgementGrade Grade, int AcademicYear, JudgementArea Area);

public sealed record RiskRegisterRow(
    int Urn, string Name, int? LocalityId, string? Locality, SchoolPhase Phase,
    LevelOfSupport? Level, LevelMovement? Movement, IReadOnlyList<string> Reasons, LevelOfSupport? ProposedLevel,
    HeadlineTrend? Trend, OfstedAsAt? Ofsted, OverallJudgement? Sip, OverallJudgement? SelfEvaluation, CaseStanding? Case);

public sealed record RiskRegister(string LaName, DateOnly AsAt, RiskRegisterFilter Filter, IReadOnlyList<(int Id, string Name)> Localities, IReadOnlyList<RiskRegisterRow> Rows);

/// <summary>
/// The risk register (DOMAIN.md 4): every open school of the LA with its level of support and the reasons, which way
/// its level last moved, any open proposal for a different level, its headline indicator trend, its latest Ofsted
/// outcome, its SIP's and its own latest overall-effectiveness judgements and any open Improving Outcomes Programme
/// case. Filtered by locality, phase and level; most support first, then by name. Each kind of record is read in one
/// query, so it costs the same few queries for 500 schools as for 5.
/// </summary>
[Operation]
public sealed class GetRiskRegister(AppDbContext db, IndicatorCatalogueSource source, FiguresCache? figuresCache = null)
{
    public async Task<RiskRegister> RunAsync(RiskRegisterFilter filter, CancellationToken ct = default)
    {
        var las = await db.LocalAuthorities.AsNoTracking().OrderBy(l => l.Code).Select(l => new { l.Code, l.Name }).ToListAsync(ct);
        var laCodes = las.Select(l => l.Code).ToList();
        var today = db.Today();
        var localities = await db.Localities.AsNoTracking().Where(l => EF.Parameter(laCodes).Contains(l.LaCode)).OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name }).ToListAsync(ct);

        var query = db.Schools.AsNoTracking().Where(s => EF.Parameter(laCodes).Contains(s.Details.LaCode)
            && (s.Details.Status == SchoolStatus.Open || s.Details.Status == SchoolStatus.OpenButProposedToClose));
        if (filter.LocalityId is { } localityId) query = query.Where(s => s.LocalityId == localityId);
        if (filter.Phase is { } phase) query = query.Where(s => s.Phase == phase);
        var schools = await query.Select(s => new { s.Urn, s.Details.Name, s.LocalityId, Locality = s.Locality != null ? s.Locality.Name : null, s.Phase }).ToListAsync(ct);
        var urns = schools.Select(s => s.Urn).ToList();

        var standings = await SchoolStandings.LoadAsync(db, urns, ct);
        var proposals = (await db.LevelProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Open && EF.Parameter(urns).Contains(p.Urn))
                .Select(p => new { p.Urn, p.ProposedLevel, p.ProposedAt, p.Id }).ToListAsync(ct))
            .GroupBy(p => p.Urn).ToDictionary(g => g.Key, g => g.OrderBy(p => p.ProposedAt).ThenBy(p => p.Id).Last().ProposedLevel);
        var judgements = (await db.SchoolJudgements.AsNoTracking().Where(j => EF.Parameter(urns).Contains(j.Urn))
                .Select(j => new { j.Urn, j.Source, j.Area, j.Grade, j.ReportCardGrade, j.AcademicYear, j.JudgedOn }).ToListAsync(ct))
            .GroupBy(j => (j.Urn, j.Source))
            .ToDictionary(g => g.Key, g => Brief([.. g.Select(j => (j.Area, JudgementGrade.From(j.Grade, j.ReportCardGrade), j.AcademicYear, j.JudgedOn))]));
        var trends = await HeadlineTrends.LoadAsync(db, source, [.. schools.Select(s => (s.Urn, s.Phase))], ct, figuresCache);

        var rows = new List<RiskRegisterRow>();
        foreach (var s in schools)
        {
            var latest = standings.Latest(s.Urn);
            if (!filter.Admits(latest?.Level)) continue;
            var change = standings.Decisions(s.Urn).LastOrDefault(d => d.PreviousLevel != d.Level);
            var movement = change is null ? null : new LevelMovement(change.Movement, change.PreviousLevel, change.Level, change.DecidedOn);
            var proposed = proposals.TryGetValue(s.Urn, out var p) && p != latest?.Level ? p : (LevelOfSupport?)null;
            var openCase = standings.Cases(s.Urn).Where(c => c.IsOpen).OrderByDescending(c => c.ProposedOn).ThenByDescending(c => c.Id)
                .Select(c => new CaseStanding(c.Id, c.Tier, c.State)).FirstOrDefault();
            rows.Add(new RiskRegisterRow(s.Urn, s.Name, s.LocalityId, s.Locality, s.Phase, latest?.Level, movement, latest?.ReasonLines ?? [], proposed,
                trends.GetValueOrDefault(s.Urn), standings.OfstedOn(s.Urn, DateOnly.MaxValue),
                judgements.GetValueOrDefault((s.Urn, JudgementSource.SchoolImprovementPartner)),
                judgements.GetValueOrDefault((s.Urn, JudgementSource.SelfEvaluation)), openCase));
        }
        var ordered = rows.OrderByDescending(r => r.Level is { } l ? (int)l : -1).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Urn).ToList();
        return new RiskRegister(las.FirstOrDefault()?.Name ?? "The local authority", today, filter, [.. localities.Select(l => (l.Id, l.Name))], ordered);
    }

    /// <summary>The source's latest judgement on the scale of its most recent one: overall effectiveness, or the worst report card area.</summary>
    internal static OverallJudgement? Brief(IReadOnlyList<(JudgementArea Area, JudgementGrade Grade, int Year, DateOnly On)> judged)
    {
        var newest = judged.OrderBy(j => j.Year).ThenBy(j => j.On).Last();
        if (newest.Grade.Scale == JudgementScale.FourPoint)
            return judged.Where(j => j.Area == JudgementArea.OverallEffectiveness && j.Grade.Scale == JudgementScale.FourPoint)
                .OrderBy(j => j.Year).ThenBy(j => j.On).Select(j => new OverallJudgement(j.Grade, j.Year, j.Area)).LastOrDefault();
        var worst = judged.Where(j => j.Year == newest.Year && j.Grade.Scale == JudgementScale.ReportCard)
            .OrderByDescending(j => j.Grade.ReportCard).ThenBy(j => j.Area).First();
        return new OverallJudgement(worst.Grade, worst.Year, worst.Area);
    }
}
