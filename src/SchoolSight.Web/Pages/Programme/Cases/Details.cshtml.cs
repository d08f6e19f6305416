using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Shared;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>A case's overview: its state, the decisions open to the reader, its sections, deadlines and decision log.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class DetailsModel(GetCase get) : CasePageModel(get)
{
    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => PageOrNotFoundAsync(id, ct);

    /// <summary>
    /// The lifecycle's moves open to the reader, each a link to the page where its reason is given (the baseline's to
    /// the entry page). A tier move to the tier the case is already in is not offered.
    /// </summary>
    public MovesPanel Decisions => MovesPanel.Of(View.Moves.Where(m => m.Unmet.All(e => e.Code != "programme.tier")),
        (move, needed) => move.Name == CaseMoveName.RecordBaseline
            ? new MoveChoice(move.Name.ToString(), move.Title, needed, $"/Programme/Cases/{CaseId}/Entry", BlockedLink: "Record the baseline")
            : new MoveChoice(move.Name.ToString(), move.Title, needed, $"/Programme/Cases/{CaseId}/Decide?move={move.Name}"),
        shown: e => e.Code != "programme.reason")
        with
    { Empty = "There is no decision for you to make at this stage." };

    /// <summary>An issued warning notice, exactly as the governing body received it.</summary>
    public async Task<IActionResult> OnGetWarningNoticeAsync(int id, int noticeId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var notice = Case.WarningNotices.FirstOrDefault(w => w.Id == noticeId && w.Status == WarningNoticeStatus.Issued);
        if (notice?.IssuedPdf is not { } pdf) return NotFound();
        return File(pdf, "application/pdf", $"warning-notice-{Case.Urn}-{notice.IssuedOn:yyyy-MM-dd}.pdf");
    }
}
