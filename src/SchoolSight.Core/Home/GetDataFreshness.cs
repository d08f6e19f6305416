using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Domain;
using SchoolSight.Domain.Imports;
using SchoolSight.Domain.Register;

namespace SchoolSight.Core.Home;

/// <summary>
/// One kind of data SchoolSight holds: what it is, the academic years held, how many schools it covers, and the latest
/// applied import it came from (its file, when, how many days ago). No import for establishments entered by hand.
/// </summary>
public sealed record HeldData(string What, ImportKind Kind, IReadOnlyList<int> Years, int Schools, long? ImportId, string? FileName, DateTime? ImportedAt, int? DaysOld)
{
    public string YearsText => Years.Count == 0 ? "Not by year" : string.Join(", ", Years.Select(AcademicYear.Format));
}

/// <summary>An open school with what SchoolSight lacks for it.</summary>
public sealed record SchoolGaps(int Urn, string Name, SchoolPhase Phase, IReadOnlyList<string> Missing);

public sealed record DataFreshness(DateOnly Today, int OpenSchools, IReadOnlyList<HeldData> Held, IReadOnlyList<SchoolGaps> Gaps);

/// <summary>
/// What data SchoolSight holds, from which file, for which years and how old it is, and what is missing for each open
/// school: pupil-level data and survey answers for the latest year held, and an Ofsted inspection. Read from the
/// stored records themselves (each block keeps the import it came from) and the import history.
/// </summary>
[Operation]
public sealed class GetDataFreshness(AppDbContext db)
{
    public async Task<DataFreshness> RunAsync(CancellationToken ct = default)
    {
        var today = db.Today();
        var applied = await db.Imports.AsNoTracking().Where(i => i.Outcome == ImportOutcome.Applied)
            .Select(i => new { i.Id, i.Kind, i.FileName, i.At }).ToListAsync(ct);
        var imports = applied.ToDictionary(i => i.Id);
        var schools = (await db.Schools.AsNoTracking().Select(s => new { s.Urn, s.Details.Name, s.Details.Status, s.Phase, s.Details.OfstedLastInspection }).ToListAsync(ct))
            .Where(s => s.Status.IsOpen()).OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();

        HeldData Held(string what, ImportKind kind, IReadOnlyCollection<int> years, int covered, IEnumerable<long> importIds)
        {
            var latest = importIds.Where(imports.ContainsKey).Select(id => imports[id]).OrderByDescending(i => i.At).FirstOrDefault()
                ?? applied.Where(i => i.Kind == kind).OrderByDescending(i => i.At).FirstOrDefault();
            var at = latest is null ? (DateTime?)null : DateTime.SpecifyKind(latest.At, DateTimeKind.Utc);
            return new HeldData(what, kind, [.. years.Order()], covered, latest?.Id, latest?.FileName, at, at is { } a ? today.DayNumber - db.Clock.DateOf(a).DayNumber : null);
        }

        var held = new List<HeldData> { Held("Establishments (Get Information about Schools)", ImportKind.Gias, [], schools.Count, []) };

        var pupils = await db.PupilDataBlocks.AsNoTracking().Select(b => new { b.Urn, b.AcademicYear, b.ImportId }).ToListAsync(ct);
        var surveys = await db.SurveyDataBlocks.AsNoTracking().Select(b => new { b.Urn, b.AcademicYear, b.ImportId }).ToListAsync(ct);
        foreach (var year in pupils.GroupBy(b => b.AcademicYear).OrderByDescending(g => g.Key))
            held.Add(Held($"Pupil-level data, {AcademicYear.Format(year.Key)}", ImportKind.Pupils, [year.Key], year.Select(b => b.Urn).Distinct().Count(), year.Select(b => b.ImportId)));
        foreach (var year in surveys.GroupBy(b => b.AcademicYear).OrderByDescending(g => g.Key))
            held.Add(Held($"Pupil and parent surveys, {AcademicYear.Format(year.Key)}", ImportKind.Surveys, [year.Key], year.Select(b => b.Urn).Distinct().Count(), year.Select(b => b.ImportId)));

        var published = await db.PublishedFigures.AsNoTracking().GroupBy(f => new { f.ImportId, f.AcademicYear })
            .Select(g => new { g.Key.ImportId, g.Key.AcademicYear, Schools = g.Where(f => f.AreaKind == Domain.Indicators.AreaKind.School).Select(f => f.AreaCode).Distinct().Count() })
            .ToListAsync(ct);
        foreach (var file in published.Where(p => imports.ContainsKey(p.ImportId)).GroupBy(p => imports[p.ImportId].Kind).OrderBy(g => g.Key))
            held.Add(Held($"Published {Published(file.Key)} figures", file.Key, [.. file.Select(p => p.AcademicYear).Distinct()], file.Max(p => p.Schools), file.Select(p => p.ImportId)));

        var ofsted = await db.OfstedInspections.AsNoTracking().Select(o => new { o.Urn, o.ImportId }).ToListAsync(ct);
        var inspected = ofsted.Select(o => o.Urn).ToList();
        if (ofsted.Count > 0) held.Add(Held("Ofsted inspection outcomes", ImportKind.Ofsted, [], inspected.Distinct().Count(), ofsted.Select(o => o.ImportId)));

        var latestPupilYear = pupils.Count == 0 ? (int?)null : pupils.Max(b => b.AcademicYear);
        var latestSurveyYear = surveys.Count == 0 ? (int?)null : surveys.Max(b => b.AcademicYear);
        var withPupils = pupils.Where(b => b.AcademicYear == latestPupilYear).Select(b => b.Urn).ToHashSet();
        var withSurveys = surveys.Where(b => b.AcademicYear == latestSurveyYear).Select(b => b.Urn).ToHashSet();
        var withOfsted = inspected.ToHashSet();
        var gaps = new List<SchoolGaps>();
        foreach (var s in schools)
        {
            var missing = new List<string>();
            if (latestPupilYear is { } py && !withPupils.Contains(s.Urn) && HasPupilRecords(s.Phase)) missing.Add($"Pupil-level data for {AcademicYear.Format(py)}");
            if (latestSurveyYear is { } sy && !withSurveys.Contains(s.Urn)) missing.Add($"Survey answers for {AcademicYear.Format(sy)}");
            if (!withOfsted.Contains(s.Urn) && s.OfstedLastInspection is null) missing.Add("An Ofsted inspection");
            if (missing.Count > 0) gaps.Add(new SchoolGaps(s.Urn, s.Name, s.Phase, missing));
        }
        return new DataFreshness(today, schools.Count, held, gaps);
    }

    private static string Published(ImportKind kind) => kind switch
    {
        ImportKind.Ks2 => "key stage 2",
        ImportKind.Ks4 => "key stage 4",
        ImportKind.Census => "school census",
        ImportKind.Absence => "absence",
        _ => kind.ToString(),
    };

    /// <summary>Nursery schools and early years settings send no pupil-level records (their parents answer the survey).</summary>
    private static bool HasPupilRecords(SchoolPhase phase) => phase is not (SchoolPhase.Nursery or SchoolPhase.EarlyYearsSetting);
}
