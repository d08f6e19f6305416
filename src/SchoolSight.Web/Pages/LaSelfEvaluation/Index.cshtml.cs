using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Documents;
using SchoolSight.Core.LaSelfEvaluation;
using SchoolSight.Domain;
using SchoolSight.Domain.QualityStandards;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Shared;

namespace SchoolSight.Web.Pages.LaSelfEvaluation;

/// <summary>The RAG dashboard: the LA's self-evaluation for a year, phase by standard, with its overall ratings, history and sign-off; as Excel, CSV and PDF too.</summary>
[Authorize(Policy = Policies.LaSelfEvaluationReader)]
public sealed class IndexModel(GetSelfEvaluation get, MoveSelfEvaluation moves, IPdfRenderer pdf) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }

    public SelfEvaluationDashboard Dashboard { get; private set; } = null!;

    public MovesPanel Moves => MovesPanel.Of(Dashboard.Moves, (move, needed) => new MoveChoice(move.Name.ToString(), move.Title, needed,
        ReasonLabel: move.Name == SelfEvaluationMove.SignOff ? "What the sign-off rests on (optional)" : "Why it is reopened")) with
    {
        Action = $"/LaSelfEvaluation?handler=Move&year={Dashboard.AcademicYear}",
        Hidden = new Dictionary<string, string> { ["version"] = Dashboard.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        return DataExports.File(format, FileName, () => SelfEvaluationDocuments.Table(Dashboard)) ?? Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        return File(await pdf.RenderAsync(SelfEvaluationDocuments.Html(Dashboard), ct), "application/pdf", FileName + ".pdf");
    }

    public async Task<IActionResult> OnPostMoveAsync(SelfEvaluationMove? move, string? reason, int version, CancellationToken ct)
    {
        if (move is not { } m || Year is not { } year)
            return await this.NoMoveChosenAsync(() => LoadAsync(ct));
        var result = await moves.RunAsync(year, m, reason, version, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = m == SelfEvaluationMove.SignOff ? $"The self-evaluation for {AcademicYear.Format(year)} is signed off." : $"The self-evaluation for {AcademicYear.Format(year)} is reopened.";
            return Redirect($"/LaSelfEvaluation?year={year}");
        }
        return await this.FailedAsync(result, async _ => await LoadAsync(ct) is null, prefix: "");
    }

    private string FileName => $"la-self-evaluation-{AcademicYear.Format(Dashboard.AcademicYear).Replace('/', '-')}";

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await get.RunAsync(Year, ct);
        if (!result.Succeeded) return this.Refusal(result) ?? BadRequest();
        Dashboard = result.Value!;
        return null;
    }
}
