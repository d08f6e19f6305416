using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Indicators.Storage;
using SchoolSight.Core.Sip;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Core.Voice;

/// <summary>A school's survey report; <see cref="AcademicYear"/> is null when the school has no survey yet.</summary>
public sealed record SurveyReportView(int Urn, string SchoolName, int? AcademicYear, int? LastYear, int SmallestGroup,
    IReadOnlyList<string> Compared, IReadOnlyList<SurveyReportSection> Sections)
{
    public string? Title => AcademicYear is { } y ? Domain.AcademicYear.Format(y) : null;

    public string SmallGroupsNote =>
        $"Groups of fewer than {SmallestGroup} people are not shown, so that nobody's answers can be picked out; where the other figures would let a hidden group be worked out, another group is hidden too.";
}

/// <summary>
/// A school's survey report, private to the school, its SIP and the LA: each question and scored scale of the school's
/// latest survey against the LA, its similar schools and its own last survey, with significance, broken down by year
/// group and gender, groups under the smallest reported size hidden (<see cref="SurveyReportFigures"/>).
/// </summary>
[Operation]
public sealed class GetSurveyReport(AppDbContext db, IndicatorCatalogueSource source)
{
    public async Task<OperationResult<SurveyReportView>> RunAsync(int urn, CancellationToken ct = default)
    {
        var (actor, refusal) = await db.CheckAsync(urn, Resource.PupilSurvey, ResourceAction.Read, "see the school's survey report", ct);
        if (actor is null) return OperationResult<SurveyReportView>.Fail(refusal!);
        var school = await db.Schools.AsNoTracking().Where(s => s.Urn == urn).Select(s => new { s.Details.Name, s.Details.LaCode }).FirstAsync(ct);
        var smallest = source.SmallestSurveyGroup;
        var held = await db.SurveyDataBlocks.AsNoTracking().Where(b => b.Urn == urn && b.RespondentCount > 0)
            .OrderByDescending(b => b.AcademicYear).Take(2).Select(b => new { b.AcademicYear, b.Data }).ToListAsync(ct);
        if (held.Count == 0) return OperationResult<SurveyReportView>.Ok(new(urn, school.Name, null, null, smallest, [], []));

        var year = held[0].AcademicYear;
        var mine = SurveyBlockCodec.Decode(held[0].Data);
        // The LA's and the similar schools' figures are sums over many schools: no school's own answers are shown.
        var laSchools = await db.Schools.IgnoreQueryFilters().AsNoTracking().Where(s => s.Details.LaCode == school.LaCode).Select(s => s.Urn).ToListAsync(ct);
        var similarSet = await db.SimilarSchoolSets.AsNoTracking().Where(s => s.Urn == urn && s.AcademicYear <= year)
            .OrderByDescending(s => s.AcademicYear).FirstOrDefaultAsync(ct);
        var similar = similarSet?.MemberList().Select(m => m.Urn).ToList() ?? [];
        var blocks = await db.SurveyDataBlocks.IgnoreQueryFilters().AsNoTracking()
            .Where(b => b.AcademicYear == year && (laSchools.Contains(b.Urn) || similar.Contains(b.Urn)))
            .Select(b => new { b.Urn, b.Data }).ToListAsync(ct);
        var decoded = blocks.ToDictionary(b => b.Urn, b => SurveyBlockCodec.Decode(b.Data));

        var comparisons = new List<SurveyComparison> { new($"LA {school.LaCode}", [.. decoded.Where(d => laSchools.Contains(d.Key)).Select(d => d.Value)]) };
        var similarHeld = decoded.Where(d => similar.Contains(d.Key)).Select(d => d.Value).ToList();
        if (similarHeld.Count > 0) comparisons.Add(new($"{similarHeld.Count} similar schools", similarHeld));
        int? lastYear = held.Count > 1 ? held[1].AcademicYear : null;
        if (lastYear is { } last) comparisons.Add(new($"Last survey ({Domain.AcademicYear.Format(last)})", [SurveyBlockCodec.Decode(held[1].Data)]));

        var sections = new[] { RespondentType.Pupil, RespondentType.Parent }
            .Select(type => SurveyReportFigures.Section(source.Questionnaire, type, mine, comparisons, smallest))
            .Where(s => s.Count > 0).ToList();
        return OperationResult<SurveyReportView>.Ok(new(urn, school.Name, year, lastYear, smallest, [.. comparisons.Select(c => c.Label)], sections));
    }
}
