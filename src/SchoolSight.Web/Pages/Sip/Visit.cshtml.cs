using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Sip;
using SchoolSight.Domain.Sip;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Shared;

namespace SchoolSight.Web.Pages.Sip;

/// <summary>
/// One record of visit: the report as it stands with its seven features; for the SIP the draft's form and the issue
/// move; for the headteacher the accurate/inaccurate answer (the shared moves partial); for a reviewer the two
/// features they judge; and the report as PDF.
/// </summary>
[Authorize(Policy = Policies.SipVisitReader)]
public sealed class VisitModel(GetVisit get, SaveVisit save, MoveVisit move, ReviewVisit review, GetSipDocuments documents, SipOptions options) : PageModel
{
    [BindProperty] public VisitInput Input { get; set; } = new();
    [BindProperty] public ReviewInput Review { get; set; } = new();
    [BindProperty] public VisitMoveInput Decision { get; set; } = new();
    [BindProperty] public string? Move { get; set; }

    public string RoleName => options.RoleName;
    public VisitView View { get; private set; } = null!;
    public RecordOfVisit Visit => View.Visit;

    public MovesPanel Moves => MovesPanel.Of(View.Moves, (m, needed) => new MoveChoice(m.Name.ToString(), m.Title, needed,
            ReasonLabel: m.Name == VisitMove.MarkInaccurate ? "What is inaccurate in the report" : null), e => e.Code != "sip.comment")
        with
    {
        Action = $"/Sip/Visits/{Visit.Id}?handler=Move",
        ReasonField = "Decision.Comment",
        Hidden = new Dictionary<string, string> { ["Decision.Version"] = $"{Visit.Version}" },
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        var result = await documents.ReportAsync(id, ct);
        return result.Succeeded ? File(result.Value!.Pdf, "application/pdf", result.Value.FileName) : this.Refusal(result) ?? NotFound();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        var result = await save.RunAsync(id, Input, ct);
        return result.Succeeded ? Redirect($"/Sip/Visits/{id}") : await this.FailedAsync(result, _ => LoadAsync(id, ct));
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct)
    {
        if (!Enum.TryParse<VisitMove>(Move, out var which))
            return await this.NoMoveChosenAsync(async () => await LoadAsync(id, ct) ? null : NotFound());
        var result = await move.RunAsync(id, which, Decision, ct);
        return result.Succeeded ? Redirect($"/Sip/Visits/{id}") : await this.FailedAsync(result, _ => LoadAsync(id, ct), "Decision");
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken ct)
    {
        var result = await review.RunAsync(id, Review, ct);
        return result.Succeeded ? Redirect($"/Sip/Visits/{id}") : await this.FailedAsync(result, _ => LoadAsync(id, ct), "Review");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var result = await get.RunAsync(id, ct);
        if (result.Value is null) return false;
        View = result.Value;
        return true;
    }

    public static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy") ?? "";

    /// <summary>An action's owner and timescale in brackets, leaving out whichever was not given.</summary>
    public static string OwnerAndTimescale(string? owner, DateOnly? dueBy)
    {
        var parts = new[] { owner, dueBy is { } d ? $"by {Day(d)}" : null }.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    public static string Has(bool? has) => has switch { true => "Yes", false => "No", null => "Not judged yet" };

    public static string Describe(FeatureSettledBy by) => by == FeatureSettledBy.Record ? "decided from the record" : "judged by a reviewer";
}
