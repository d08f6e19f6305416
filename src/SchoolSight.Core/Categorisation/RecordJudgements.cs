using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Register;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// Records one source's judgements of a school for an academic year, several areas at once: the school's
/// self-evaluation (its own staff, or the LA's school improvement officers) or its SIP's (the assigned SIP, or the
/// same officers). Each area is one <see cref="SchoolJudgement"/>, created or changed; a change is made only from the
/// version the person saw, so a judgement someone recorded since is never silently overwritten.
/// </summary>
[Operation]
public sealed class RecordJudgements(AppDbContext db)
{
    /// <returns>The academic year recorded (the year it starts).</returns>
    public async Task<OperationResult<int>> RunAsync(int urn, JudgementsInput input, CancellationToken ct = default)
    {
        var (allowed, refusal) = await db.CheckAsync(urn, EvidenceRoles.JudgementRecorders, "record judgements", ct);
        if (allowed is null) return OperationResult<int>.Fail(refusal!);
        var errors = await new JudgementsInputValidator(db.Today()).CheckAsync(input, ct);
        if (errors.Count > 0) return OperationResult<int>.Fail(errors);

        var sheet = ParsedJudgements.From(input);
        if (!allowed.Role.MayRecord(sheet.Source))
            return OperationResult<int>.Fail(CoreErrors.Forbidden(sheet.Source == JudgementSource.SelfEvaluation
                ? "Only the school's own staff or the LA's school improvement officers can record the school's self-evaluation judgements."
                : "Only the school's own school improvement partner or the LA's school improvement officers can record the SIP's judgements."));

        var recorded = await db.SchoolJudgements
            .Where(j => j.Urn == urn && j.AcademicYear == sheet.AcademicYear && j.Source == sheet.Source)
            .ToDictionaryAsync(j => j.Area, ct);
        if (await TakenFromWellbeingAsync(urn, sheet, recorded, ct) is { } taken) return OperationResult<int>.Fail(taken);
        var scale = JudgementScales.For(sheet.JudgedOn);
        if (scale == JudgementScale.FourPoint && !recorded.ContainsKey(JudgementArea.OverallEffectiveness) && sheet.Grades.GetValueOrDefault(JudgementArea.OverallEffectiveness) is null)
            return OperationResult<int>.Fail(new DomainError("judgements.overall", "Choose the overall effectiveness judgement",
                JudgementsInput.GradeField(JudgementArea.OverallEffectiveness)));

        if (scale == JudgementScale.ReportCard && sheet.Grades.Values.All(g => g is null) && !recorded.Values.Any(j => j.Graded.Scale == scale))
            return OperationResult<int>.Fail(new DomainError("judgements.report-card", "Grade at least one of the report card's evaluation areas",
                JudgementsInput.GradeField(JudgementArea.LeadershipAndGovernance)));

        var who = db.CurrentUser.UserName;
        foreach (var (area, grade) in sheet.Grades)
        {
            var seen = sheet.Versions.GetValueOrDefault(area);
            var current = recorded.GetValueOrDefault(area);
            if (current is null)
            {
                if (grade is null) continue;
                if (seen > 0) return Stale(area, null);
                db.SchoolJudgements.Add(new SchoolJudgement(urn, sheet.AcademicYear, sheet.Source, area, grade.Value, sheet.JudgedOn, sheet.Note, who));
                continue;
            }
            if (grade is { } g && Unchanged(current, g, sheet)) continue;
            if (seen != current.Version) return Stale(area, current);
            db.ExpectVersion(current, seen);
            if (grade is { } changed) current.Change(changed, sheet.JudgedOn, sheet.Note, who);
            else db.SchoolJudgements.Remove(current);
        }
        return await SaveAsync(urn, sheet, ct);
    }

    /// <summary>The school's personal development judgement of a year with a completed well-being self-evaluation is taken from it, not recorded here.</summary>
    private async Task<DomainError?> TakenFromWellbeingAsync(int urn, ParsedJudgements sheet, Dictionary<JudgementArea, SchoolJudgement> recorded, CancellationToken ct)
    {
        if (sheet.Source != JudgementSource.SelfEvaluation) return null;
        var changed = sheet.Grades.Where(g => g.Key is JudgementArea.PersonalDevelopment or JudgementArea.PersonalDevelopmentAndWellbeing
            && recorded.GetValueOrDefault(g.Key)?.Graded != g.Value).Select(g => g.Key).ToList();
        if (changed.Count == 0 || !await db.WellbeingSelfEvaluations.AnyAsync(w => w.Urn == urn && w.AcademicYear == sheet.AcademicYear && w.CompletedOn != null, ct))
            return null;
        return DomainError.Rule("judgements.from-wellbeing",
            $"The school's {changed[0].Describe().ToLowerInvariant()} judgement for {Domain.AcademicYear.Format(sheet.AcademicYear)} is taken from its completed well-being self-evaluation: reopen an outcome there to change it.",
            JudgementsInput.GradeField(changed[0]));
    }

    private static bool Unchanged(SchoolJudgement current, JudgementGrade grade, ParsedJudgements sheet) =>
        current.Graded == grade && current.JudgedOn == sheet.JudgedOn && current.Note == (string.IsNullOrWhiteSpace(sheet.Note) ? null : sheet.Note.Trim());

    private OperationResult<int> Stale(JudgementArea area, SchoolJudgement? current)
    {
        db.ChangeTracker.Clear();
        return OperationResult<int>.Fail(db.Conflict(What(area), current?.UpdatedBy, current?.UpdatedAt));
    }

    private static string What(JudgementArea area) => $"{area.Describe().ToLowerInvariant()} judgement";

    /// <summary>Saves; a judgement changed, removed or first recorded by someone else meanwhile makes the whole save a conflict.</summary>
    private async Task<OperationResult<int>> SaveAsync(int urn, ParsedJudgements sheet, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return OperationResult<int>.Ok(sheet.AcademicYear);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var entry = e.Entries.First();
            var area = ((SchoolJudgement)entry.Entity).Area;
            var now = await entry.GetDatabaseValuesAsync(ct);
            db.ChangeTracker.Clear();
            return OperationResult<int>.Fail(db.Conflict(What(area),
                now?.GetValue<string?>(nameof(VersionedEntity.UpdatedBy)), now?.GetValue<DateTime?>(nameof(VersionedEntity.UpdatedAt))));
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<SchoolJudgement>().Any(x => x.State == EntityState.Added))
        {
            // Two people recording the same area for the first time at once: the unique index lets only one in.
            var added = db.ChangeTracker.Entries<SchoolJudgement>().Where(x => x.State == EntityState.Added).Select(x => x.Entity.Area).ToList();
            db.ChangeTracker.Clear();
            var first = await db.SchoolJudgements.AsNoTracking()
                .Where(j => j.Urn == urn && j.AcademicYear == sheet.AcademicYear && j.Source == sheet.Source && added.Contains(j.Area))
                .FirstOrDefaultAsync(ct);
            if (first is null) throw;
            return OperationResult<int>.Fail(db.Conflict(What(first.Area), first.UpdatedBy, first.UpdatedAt));
        }
    }
}
