using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Indicators;
using SchoolSight.Domain;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;

namespace SchoolSight.Core.Voice;

/// <summary>
/// Opens an online survey for chosen schools (the LA) or for one's own school: a window per school, and one-time
/// access codes for each class of the chosen year groups and, when asked, for parents. The codes name the class only.
/// </summary>
[Operation]
public sealed class OpenSurveyWindow(AppDbContext db, IndicatorCatalogueSource source)
{
    public sealed record Request(
        IReadOnlyList<int> Urns, string Title, DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<byte> YearGroups,
        int ClassesPerYearGroup = 1, int CodesPerClass = 30, int ParentCodes = 0);

    public sealed record Opened(long WindowId, int Urn, int Codes);

    /// <summary>Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L, 5/S, 2/Z).</summary>
    public const string CodeAlphabet = "ABCDEFGHJKMNPQRTUVWXY346789";

    public const int CodeLength = 8;

    public async Task<OperationResult<IReadOnlyList<Opened>>> RunAsync(Request request, CancellationToken ct = default)
    {
        var user = db.CurrentUser;
        var errors = new List<DomainError>();
        var title = request.Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add(new DomainError("survey.title", "Enter a name for the survey", "Title"));
        else if (title.Length > 200) errors.Add(new DomainError("survey.title", "The survey's name must be 200 characters or fewer", "Title"));
        if (request.ClosesOn < request.OpensOn) errors.Add(new DomainError("survey.dates", "The survey must close on or after the day it opens", "ClosesOn"));
        if (request.ClosesOn < db.Today()) errors.Add(new DomainError("survey.dates", "The survey must close today or later", "ClosesOn"));
        if (request.ClosesOn.DayNumber - request.OpensOn.DayNumber > 120) errors.Add(new DomainError("survey.dates", "A survey can be open for at most 120 days", "ClosesOn"));
        if (request.YearGroups.Count == 0 && request.ParentCodes == 0) errors.Add(new DomainError("survey.years", "Choose at least one year group, or ask parents", "YearGroups"));
        if (request.YearGroups.Any(y => y < 1 || y > PupilFields.YearGroups.Count)) errors.Add(new DomainError("survey.years", "Choose year groups from Reception to Year 13", "YearGroups"));
        if (request.ClassesPerYearGroup is < 1 or > 12) errors.Add(new DomainError("survey.classes", "Enter from 1 to 12 classes per year group", "ClassesPerYearGroup"));
        if (request.CodesPerClass is < 1 or > 60) errors.Add(new DomainError("survey.codes", "Enter from 1 to 60 codes per class", "CodesPerClass"));
        if (request.ParentCodes is < 0 or > 2000) errors.Add(new DomainError("survey.parents", "Enter from 0 to 2,000 parent codes", "ParentCodes"));
        var urns = request.Urns.Distinct().ToList();
        if (urns.Count == 0) errors.Add(new DomainError("survey.schools", "Choose at least one school", "Urns"));
        if (errors.Count > 0) return OperationResult<IReadOnlyList<Opened>>.Fail(errors);

        foreach (var urn in urns)
            if (!user.Role.Allows(user.Scope, Resource.PupilSurvey, ResourceAction.Run, urn))
                return OperationResult<IReadOnlyList<Opened>>.Fail(CoreErrors.Forbidden($"You cannot open a survey for school {urn}."));
        var known = await db.Schools.Where(s => urns.Contains(s.Urn)).Select(s => s.Urn).ToListAsync(ct);
        if (urns.Except(known).FirstOrDefault() is var missing and > 0)
            return OperationResult<IReadOnlyList<Opened>>.Fail(CoreErrors.NotFound($"school {missing}"));

        var questionnaire = source.Questionnaire;
        var academicYear = AcademicYear.Of(request.OpensOn);
        var opened = new List<Opened>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var urn in urns)
        {
            var window = new SurveyWindow(urn, academicYear, title, request.OpensOn, request.ClosesOn, request.YearGroups,
                request.ParentCodes > 0, questionnaire.Version, user.UserName, db.UtcNow);
            db.SurveyWindows.Add(window);
            await db.SaveChangesAsync(ct);
            var codes = new List<SurveyCode>();
            foreach (var year in request.YearGroups.Distinct().Order())
                for (var c = 1; c <= request.ClassesPerYearGroup; c++)
                {
                    var group = ClassName(year, c, request.ClassesPerYearGroup);
                    for (var k = 0; k < request.CodesPerClass; k++)
                        codes.Add(new SurveyCode(window.Id, urn, NewCode(), RespondentType.Pupil, year, group));
                }
            for (var k = 0; k < request.ParentCodes; k++)
                codes.Add(new SurveyCode(window.Id, urn, NewCode(), RespondentType.Parent, 0, "Parents"));
            db.SurveyCodes.AddRange(codes);
            await db.SaveChangesAsync(ct);
            opened.Add(new Opened(window.Id, urn, codes.Count));
        }
        await transaction.CommitAsync(ct);
        return OperationResult<IReadOnlyList<Opened>>.Ok(opened);
    }

    public static string ClassName(byte yearGroup, int number, int classes)
    {
        var year = yearGroup == 1 ? "Reception" : $"Year {PupilFields.YearGroups[yearGroup - 1]}";
        return classes == 1 ? year : $"{year}, class {number}";
    }

    /// <summary>A year group as written (R, 1 … 13) as its code of <see cref="PupilFields.YearGroups"/>; null when it is not one.</summary>
    public static byte? YearGroupCode(string written)
    {
        var index = PupilFields.YearGroups.ToList().FindIndex(y => string.Equals(y, written.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (byte)(index + 1);
    }

    public static string NewCode() => string.Create(CodeLength, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
    });

    /// <summary>A code as typed (any case, spaces or hyphens), in the form it is stored; null when it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null) return null;
        var code = new string([.. typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant)]);
        return code.Length == CodeLength && code.All(CodeAlphabet.Contains) ? code : null;
    }

    /// <summary>A code as printed: two groups of four.</summary>
    public static string Printed(string code) => code.Length == CodeLength ? $"{code[..4]}-{code[4..]}" : code;
}
