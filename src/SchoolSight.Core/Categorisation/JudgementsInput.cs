using System.ComponentModel.DataAnnotations;
using FluentValidation;
using FluentValidation.Results;
using SchoolSight.Domain.Categorisation;

namespace SchoolSight.Core.Categorisation;

/// <summary>
/// One source's judgements of a school for one academic year, as the form and the API send them, in the slugs of
/// the rule set files, on the scale of the date they were made: before 10 November 2025 overall effectiveness and
/// the key areas, four-point (<c>{"judgedOn":"2025-10-02","grades":{"overall-effectiveness":"good"}}</c>); from then
/// the report card's evaluation areas, five-point (<c>{"judgedOn":"2025-11-12","grades":{"inclusion":"expected-standard"}}</c>).
/// An area with a grade is recorded; an area given as blank (null or "") is not judged, and a grade already recorded
/// for it is removed; an area left out is left as it is. <see cref="Versions"/> are the versions of the recorded
/// judgements the person saw (none for an area they saw no grade for).
/// </summary>
public sealed record JudgementsInput
{
    public string? AcademicYear { get; set; }
    public string? Source { get; set; }
    [Display(Name = "The date the judgements were made")] public DateOnly? JudgedOn { get; set; }
    [Display(Name = "Note")] public string? Note { get; set; }
    public Dictionary<string, string?> Grades { get; set; } = [];
    public Dictionary<string, int> Versions { get; set; } = [];

    /// <summary>The field name of an area's grade in errors ("Grades.quality-of-education").</summary>
    public static string GradeField(JudgementArea area) => $"{nameof(Grades)}.{area.Slug()}";
}

/// <summary>The shape of a set of judgements; who may record them and stale versions are checked by <see cref="RecordJudgements"/>.</summary>
public sealed class JudgementsInputValidator : AbstractValidator<JudgementsInput>
{
    public const int EarliestYear = 2000;

    public JudgementsInputValidator(DateOnly today)
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
        var current = Domain.AcademicYear.Of(today);

        RuleFor(x => x.AcademicYear)
            .NotEmpty().WithMessage("Enter the academic year the judgements are about, like " + Domain.AcademicYear.Format(current))
            .Custom((text, context) =>
            {
                if (!Domain.AcademicYear.TryParse(text, out var year, out var error))
                    context.AddFailure(error.Replace("the file is about", "the judgements are about", StringComparison.Ordinal));
                else if (year > current)
                    context.AddFailure($"The academic year cannot be after the current one, {Domain.AcademicYear.Format(current)}");
                else if (year < EarliestYear)
                    context.AddFailure($"The academic year must be {Domain.AcademicYear.Format(EarliestYear)} or later");
            });
        RuleFor(x => x.Source)
            .NotEmpty().WithMessage("Choose whose judgements these are: the school's self-evaluation or the SIP's")
            .Must(s => JudgementSources.TryParseSource(s, out _))
            .WithMessage(x => $"'{x.Source}' is not a source of judgements: use self-evaluation or sip");
        RuleFor(x => x.JudgedOn)
            .NotNull().WithMessage("Enter the date the judgements were made")
            .LessThanOrEqualTo(today).WithMessage("The date the judgements were made must be today or in the past")
            .GreaterThanOrEqualTo(new DateOnly(EarliestYear, 1, 1)).WithMessage($"The date the judgements were made must be in {EarliestYear} or later");
        RuleFor(x => x.Note)
            .Must(n => n is null || n.Trim().Length <= SchoolJudgement.NoteMaxLength)
            .WithMessage($"The note must be {SchoolJudgement.NoteMaxLength:N0} characters or fewer");
        RuleFor(x => x).Custom((input, context) =>
        {
            // The scale is the one of the day the judgements were made; without a date, a grade of either scale is read.
            foreach (var (key, value) in input.Grades)
            {
                if (!JudgementVocabulary.TryParseArea(key, out var area))
                {
                    context.AddFailure(new ValidationFailure($"Grades.{key}", $"'{key}' is not an area: use one of {AreaList}"));
                    continue;
                }
                if (input.JudgedOn is not { } judgedOn)
                {
                    if (!string.IsNullOrWhiteSpace(value) && !JudgementScale.FourPoint.TryParseGrade(value, out _) && !JudgementScale.ReportCard.TryParseGrade(value, out _))
                        context.AddFailure(new ValidationFailure(JudgementsInput.GradeField(area),
                            $"'{value}' is not a grade: use {string.Join(", ", JudgementScale.FourPoint.Grades().Select(g => g.Slug))} before 10 November 2025, or {string.Join(", ", JudgementScale.ReportCard.Grades().Select(g => g.Slug))} from then"));
                    continue;
                }
                var scale = JudgementScales.For(judgedOn);
                if (!scale.Areas().Contains(area))
                {
                    if (!string.IsNullOrWhiteSpace(value))
                        context.AddFailure(new ValidationFailure(JudgementsInput.GradeField(area),
                            $"Judgements made on {judgedOn:d MMMM yyyy} are on the {scale.Describe()}, which does not judge {area.Describe().ToLowerInvariant()}: judge {string.Join(", ", scale.Areas().Select(a => a.Slug()))}"));
                    continue;
                }
                if (string.IsNullOrWhiteSpace(value))
                {
                    if (area == JudgementArea.OverallEffectiveness)
                        context.AddFailure(new ValidationFailure(JudgementsInput.GradeField(area), "Choose the overall effectiveness judgement: it cannot be left blank"));
                }
                else if (!scale.TryParseGrade(value, out _))
                    context.AddFailure(new ValidationFailure(JudgementsInput.GradeField(area),
                        $"'{value}' is not a grade for {area.Describe().ToLowerInvariant()} on the {scale.Describe()}: use {string.Join(", ", scale.Grades().Select(g => g.Slug))}"));
            }
            foreach (var key in input.Versions.Keys.Where(k => !JudgementVocabulary.TryParseArea(k, out _)))
                context.AddFailure(new ValidationFailure($"Versions.{key}", $"'{key}' is not an area: use one of {AreaList}"));
        });
    }

    private static readonly string AreaList = string.Join(", ", JudgementVocabulary.Areas.Select(a => a.Slug()));
}

/// <summary>A <see cref="JudgementsInput"/> that passed validation, read into the domain's values.</summary>
internal sealed record ParsedJudgements(int AcademicYear, JudgementSource Source, DateOnly JudgedOn, string? Note,
    IReadOnlyDictionary<JudgementArea, JudgementGrade?> Grades, IReadOnlyDictionary<JudgementArea, int> Versions)
{
    public static ParsedJudgements From(JudgementsInput input)
    {
        Domain.AcademicYear.TryParse(input.AcademicYear, out var year, out _);
        JudgementSources.TryParseSource(input.Source, out var source);
        var scale = JudgementScales.For(input.JudgedOn!.Value);
        var grades = new Dictionary<JudgementArea, JudgementGrade?>();
        foreach (var (key, value) in input.Grades)
        {
            JudgementVocabulary.TryParseArea(key, out var area);
            // An area of the other scale left blank is not judged on this one: nothing to record or remove.
            if (!scale.Areas().Contains(area)) continue;
            grades[area] = scale.TryParseGrade(value, out var grade) ? grade : null;
        }
        var versions = new Dictionary<JudgementArea, int>();
        foreach (var (key, value) in input.Versions)
            if (JudgementVocabulary.TryParseArea(key, out var area)) versions[area] = value;
        return new ParsedJudgements(year, source, input.JudgedOn!.Value, input.Note, grades, versions);
    }
}
