using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Indicators;
using static SchoolSight.Core.Categorisation.CategorisationText;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// What changed for each school after a board's previous meeting, up to this one, a line each: its level, a new Ofsted
/// inspection, its new published results (a results file imported in that time with figures for it), the new
/// judgements of its school improvement partner and its own self-evaluation (each on the scale of its day), its
/// programme case's stage or tier, and — for LA staff who keep the LA's concerns — how many concerns are open; and the
/// published results imported in that time, one line per file, for the pack as a whole.
/// </summary>
internal sealed class SinceLastMeeting
{
    private static readonly ImportKind[] Results = [ImportKind.Ks2, ImportKind.Ks4, ImportKind.Absence];

    private readonly SchoolStandings _standings;
    private readonly DateOnly _from;
    private readonly DateOnly _to;
    private readonly ILookup<int, SchoolConcern>? _concerns;
    private readonly ILookup<int, string> _results;
    private readonly ILookup<int, SchoolJudgement> _judgements;

    private SinceLastMeeting(SchoolStandings standings, DateOnly from, DateOnly to, ILookup<int, SchoolConcern>? concerns, IReadOnlyList<string> newResults,
        ILookup<int, string> results, ILookup<int, SchoolJudgement> judgements)
    {
        (_standings, _from, _to, _concerns, _results, _judgements) = (standings, from, to, concerns, results, judgements);
        NewResults = newResults;
    }

    /// <summary>The published results imported after the previous meeting, up to this one: one line per file.</summary>
    public IReadOnlyList<string> NewResults { get; }

    public static async Task<SinceLastMeeting> LoadAsync(AppDbContext db, SchoolStandings standings, IReadOnlyCollection<int> urns, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var list = urns.ToList();
        ILookup<int, SchoolConcern>? concerns = null;
        if (db.CurrentUser.Role is { } role && EvidenceRoles.ConcernKeepers.Contains(role))
        {
            concerns = (await db.SchoolConcerns.AsNoTracking().Where(c => list.Contains(c.Urn)).ToListAsync(ct)).ToLookup(c => c.Urn);
        }
        var imports = (await db.Imports.AsNoTracking().Where(i => Results.Contains(i.Kind) && i.Outcome == ImportOutcome.Applied)
            .Select(i => new { i.Id, i.Kind, i.At }).ToListAsync(ct))
            .Select(i => (i.Id, i.Kind, On: db.Clock.DateOf(i.At))).Where(i => i.On > from && i.On <= to).OrderBy(i => i.On).ThenBy(i => i.Id).ToList();
        var results = imports.Select(i => $"{Describe(i.Kind)} imported on {Date(i.On)}").Distinct().ToList();
        var ids = imports.Select(i => i.Id).ToList();
        var codes = urns.Select(u => u.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var figures = ids.Count == 0 ? [] : await db.PublishedFigures.AsNoTracking()
            .Where(f => f.AreaKind == AreaKind.School && ids.Contains(f.ImportId) && codes.Contains(f.AreaCode))
            .Select(f => new { f.AreaCode, f.ImportId, f.AcademicYear }).Distinct().ToListAsync(ct);
        var schoolResults = imports.SelectMany(i => figures.Where(f => f.ImportId == i.Id).GroupBy(f => f.AreaCode)
                .Select(g => (Urn: int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture),
                    Line: $"New {Describe(i.Kind).ToLowerInvariant()} for {string.Join(", ", g.Select(f => f.AcademicYear).Distinct().Order().Select(AcademicYears.Display))}, imported on {Date(i.On)}")))
            .Distinct().ToLookup(r => r.Urn, r => r.Line);
        var judgements = (await db.SchoolJudgements.AsNoTracking().Where(j => list.Contains(j.Urn) && j.JudgedOn > from && j.JudgedOn <= to).ToListAsync(ct))
            .ToLookup(j => j.Urn);
        return new SinceLastMeeting(standings, from, to, concerns, results, schoolResults, judgements);
    }

    /// <summary>What changed for one school, oldest first; empty when nothing did.</summary>
    public IReadOnlyList<string> For(int urn)
    {
        var lines = new List<string>();
        foreach (var d in _standings.Decisions(urn).Where(d => Between(d.DecidedOn) && d.PreviousLevel != d.Level))
            lines.Add($"Level moved from {Level(d.PreviousLevel).ToLowerInvariant()} to {d.Level.Describe().ToLowerInvariant()} on {Date(d.DecidedOn)}");
        if (_standings.OfstedOn(urn, _to) is { } ofsted && Between(ofsted.InspectionDate))
            lines.Add($"Inspected by Ofsted: {Ofsted(ofsted)}");
        lines.AddRange(_results[urn]);
        foreach (var made in _judgements[urn].GroupBy(j => (j.Source, j.JudgedOn)).OrderBy(g => g.Key.JudgedOn).ThenBy(g => g.Key.Source))
            lines.Add($"New judgements by {Judge(made.Key.Source)} on {Date(made.Key.JudgedOn)}: "
                + string.Join(", ", made.OrderBy(j => j.Area).Select(j => $"{j.Area.Describe().ToLowerInvariant()} {j.Graded.Describe().ToLowerInvariant()}")));
        var before = _standings.CaseOn(urn, _from);
        var now = _standings.CaseOn(urn, _to);
        if (before != now && (before is not null || now is not null))
            lines.Add($"Programme: {(before is null ? "not in the programme" : Case(before).ToLowerInvariant())} → {(now is null ? "left the programme" : Case(now).ToLowerInvariant())}");
        if (_concerns is not null)
        {
            int Open(DateOnly day) => _concerns[urn].Count(c => c.RaisedOn <= day && (c.ClosedOn is null || c.ClosedOn > day));
            var (then, open) = (Open(_from), Open(_to));
            if (then != open) lines.Add($"Open concerns recorded by the LA: {then} → {open}");
        }
        return lines;
    }

    private bool Between(DateOnly day) => day > _from && day <= _to;

    private static string Judge(JudgementSource source) => source switch
    {
        JudgementSource.SchoolImprovementPartner => "the school improvement partner",
        JudgementSource.SelfEvaluation => "the school's self-evaluation",
    };

    private static string Describe(ImportKind kind) => kind switch
    {
        ImportKind.Ks2 => "Key stage 2 results",
        ImportKind.Ks4 => "Key stage 4 results",
        ImportKind.Absence => "Absence figures",
        _ => kind.ToString(),
    };
}
