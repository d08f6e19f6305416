using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Attachments;
using SchoolSight.Core.LaIndicators;
using SchoolSight.Core.LaSelfEvaluation;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.LaSelfEvaluation;

/// <summary>One cell of the dashboard: a standard for a phase with its criteria per level, the evidence and the figures; the SMT and QA manager rate it here.</summary>
[Authorize(Policy = Policies.LaSelfEvaluationReader)]
[RequestSizeLimit(AttachmentOptions.LargestRequest)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentOptions.LargestRequest)]
public sealed class CellModel(GetSelfEvaluation get, RateStandard rate, GetNeighbourComparison neighbours, ListAttachments files, AttachRatingFile attach, OpenRatingFile open) : PageModel
{
    public sealed class RatingForm
    {
        public RagRating? Rating { get; set; }
        public List<string> CriteriaMet { get; set; } = [];
        public string? Evidence { get; set; }
        public string? OverrideReason { get; set; }
        public RagRating? ExternalRating { get; set; }
        public string? ExternalNote { get; set; }
        public int Version { get; set; }
    }

    [FromQuery(Name = "year")] public int Year { get; set; }
    [FromQuery(Name = "standard")] public string StandardId { get; set; } = "";
    [FromQuery(Name = "phase")] public SefPhase Phase { get; set; }
    [BindProperty] public RatingForm Input { get; set; } = new();
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public string? FileDescription { get; set; }
    [BindProperty] public int FileVersion { get; set; }

    public SelfEvaluationDashboard Dashboard { get; private set; } = null!;
    public QualityStandard Standard { get; private set; } = null!;
    public RatingCell Cell { get; private set; } = null!;
    public IReadOnlyList<AttachmentRow> Files { get; private set; } = [];

    /// <summary>The LA against England, its region and its neighbours, when the standard's criteria speak of its national position.</summary>
    public NeighbourComparison? Comparison { get; private set; }
    public IReadOnlyList<NeighbourComparisonRow> NationalPosition { get; private set; } = [];

    public bool MayRate => User.GetRole().Allows(Resource.LaSelfEvaluation, ResourceAction.Record) && Dashboard.State != SelfEvaluationState.SignedOff;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        Input = FormOf(Cell);
        if (Cell.Rating is null)
            Input.CriteriaMet = [.. Standard.CriteriaFor(Phase).Where(c => Dashboard.Figures.Met(c, Phase) == true).Select(c => c.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await rate.RunAsync(new RateStandardInput(Year, StandardId, Phase, Input.Rating, Input.CriteriaMet, Input.Evidence, Input.OverrideReason,
            Input.ExternalRating, Input.ExternalNote, Input.Version), ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"Standard {StandardId} for {Phase.Describe()} is rated {Input.Rating!.Value.Describe()}.";
            return Redirect($"/LaSelfEvaluation?year={Year}");
        }
        return await this.FailedAsync(result, async conflict =>
        {
            if (await LoadAsync(ct) is not null) return false;
            if (conflict) Input = new RatingForm { Rating = Cell.Rating, CriteriaMet = [.. Cell.Met], Version = Cell.Version };
            return true;
        });
    }

    /// <summary>Attaches a document to the rating's evidence, from the version of the rating seen.</summary>
    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        await using var content = Upload?.OpenReadStream();
        var result = await attach.RunAsync(Year, StandardId, Phase, FileVersion, new AttachFile.Upload(content, Upload?.FileName, FileDescription), ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"Attached {result.Value!.FileName} to the evidence.";
            return Redirect($"/LaSelfEvaluation/Cell?year={Year}&standard={Uri.EscapeDataString(StandardId)}&phase={Phase}");
        }
        if (this.Refusal(result) is { } refused) return refused;
        if (await LoadAsync(ct) is { } gone) return gone;
        Input = FormOf(Cell);
        ModelState.AddOperationErrors(result.Errors, "");
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid fileId, CancellationToken ct)
    {
        var result = await open.RunAsync(Year, StandardId, Phase, fileId, ct);
        if (this.Refusal(result) is { } refused) return refused;
        if (!result.Succeeded) return NotFound();
        AttachmentDownloads.Prepare(Response);
        return File(result.Value!.Content, result.Value.File.ContentType, result.Value.File.FileName);
    }

    /// <summary>The rating form as the cell stands.</summary>
    private static RatingForm FormOf(RatingCell cell) => new()
    {
        Rating = cell.Rating,
        CriteriaMet = [.. cell.Met],
        Evidence = string.Join("\n", cell.Evidence.Select(e => e.Link is null ? e.Title : $"{e.Title} | {e.Link}")),
        OverrideReason = cell.OverrideReason,
        ExternalRating = cell.External,
        ExternalNote = cell.ExternalNote,
        Version = cell.Version,
    };

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await get.RunAsync(Year, ct);
        if (!result.Succeeded) return this.Refusal(result) ?? BadRequest();
        Dashboard = result.Value!;
        if (Dashboard.Standards.Standard(StandardId) is not { } standard || Dashboard.Cell(standard.Id, Phase) is not { } cell) return NotFound();
        (Standard, Cell) = (standard, cell);
        if (NeighbourEvidence.SpeaksOfNationalPosition(standard, Phase))
        {
            Comparison = await neighbours.RunAsync(ct);
            NationalPosition = NeighbourEvidence.For(standard, Phase, Comparison);
        }
        Files = await files.RunAsync(RatingFiles.OwnerOf(Year, standard.Id, Phase), ct);
        return null;
    }
}
