using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Domain;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.HealthySchools;

/// <summary>
/// A school's Healthy Schools status and annual review: the LA's status and renewal period, which joining pathway
/// applies and why the school may or may not join, the criteria of the four themes confirmed with evidence (and files),
/// self-validation, and the QUAS's moderation when the review was drawn.
/// </summary>
[Authorize(Policy = Policies.HealthySchoolsReader)]
[RequestSizeLimit(AttachmentOptions.LargestRequest)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentOptions.LargestRequest)]
public sealed class AnnualReviewModel(GetAnnualReview get, OpenReviewFile open, IServiceProvider services) : PageModel
{
    [BindProperty] public StatusInput Status { get; set; } = new();
    [BindProperty] public CriterionInput Criterion { get; set; } = new();
    [BindProperty] public ModerationInput Moderation { get; set; } = new();
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public int? Version { get; set; }
    [FromQuery] public int? Year { get; set; }

    public AnnualReviewView View { get; private set; } = null!;

    public string Here => $"/Schools/{View.Urn}/HealthySchools/AnnualReview" + (Year is { } y ? $"?year={y}" : "");

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) => await LoadAsync(urn, ct) ?? Page();

    public async Task<IActionResult> OnGetFileAsync(int urn, Guid fileId, CancellationToken ct)
    {
        var result = await open.RunAsync(urn, Year, fileId, ct);
        if (this.Refusal(result) is { } refused) return refused;
        AttachmentDownloads.Prepare(Response);
        return File(result.Value!.Content, result.Value.File.ContentType, result.Value.File.FileName);
    }

    public Task<IActionResult> OnPostStatusAsync(int urn, CancellationToken ct) =>
        Run<RecordStatus>(urn, nameof(Status), (op, c) => op.RunAsync(urn, Status, c),
            () => Status.LapsedOn is { } lapsed ? $"Recorded that the {View.Settings.StatusName} lapsed on {DisplayFormats.LongDate(lapsed)}"
                : $"Recorded the {View.Settings.StatusName} as achieved on {DisplayFormats.LongDate(Status.AchievedOn)}", ct);

    public async Task<IActionResult> OnPostConfirmAsync(int urn, CancellationToken ct)
    {
        await using var content = Upload?.OpenReadStream();
        var file = Upload is null ? null : new AttachFile.Upload(content, Upload.FileName);
        return await Run<ConfirmCriterion>(urn, nameof(Criterion), (op, c) => op.RunAsync(urn, Criterion with { Year = Year }, file, c),
            () => $"Confirmed \"{View.Criteria.Find(Criterion.CriterionId ?? "")?.Text}\"{(Upload is null ? "" : $" with the file {Upload.FileName}")}", ct);
    }

    public Task<IActionResult> OnPostValidateAsync(int urn, CancellationToken ct) =>
        Run<SelfValidateReview>(urn, "", (op, c) => op.RunAsync(urn, Year, Version, c),
            () => $"The annual review {AcademicYear.Format(View.Year)} is self-validated: every criterion of the four themes is confirmed", ct);

    public Task<IActionResult> OnPostModerateAsync(int urn, CancellationToken ct) =>
        Run<RecordModeration>(urn, nameof(Moderation), (op, c) => op.RunAsync(urn, Moderation with { Year = Year }, c),
            () => Moderation.Outcome == ModerationOutcome.Agreed ? "Moderation recorded: the panel agrees with the school's self-validation" : "Moderation recorded: the panel does not agree, and the school sees why", ct);

    private async Task<IActionResult> Run<TOperation>(int urn, string prefix, Func<TOperation, CancellationToken, Task<OperationResult<int>>> run, Func<string> success, CancellationToken ct)
        where TOperation : notnull
    {
        if (await LoadAsync(urn, ct) is { } refused) return refused;
        ModelState.Clear();
        var result = await run(services.GetRequiredService<TOperation>(), ct);
        if (result.Succeeded)
        {
            TempData["Success"] = success();
            return Redirect(Here);
        }
        return await this.FailedAsync(result, async _ => await LoadAsync(urn, ct) is null, prefix);
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, Year, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        return null;
    }
}
