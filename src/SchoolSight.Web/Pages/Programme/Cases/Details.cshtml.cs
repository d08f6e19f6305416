using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>A case's overview: its state, the decisions open to the reader, its sections, deadlines and decision log.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class DetailsModel(GetCase get) : CasePageModel(get)
{
    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => PageOrNotFoundAsync(id, ct);

    /// <summary>An issued warning notice, exactly as the governing body received it.</summary>
    public async Task<IActionResult> OnGetWarningNoticeAsync(int id, int noticeId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var notice = Case.WarningNotices.FirstOrDefault(w => w.Id == noticeId && w.Status == WarningNoticeStatus.Issued);
        if (notice?.IssuedPdf is not { } pdf) return NotFound();
        return File(pdf, "application/pdf", $"warning-notice-{Case.Urn}-{notice.IssuedOn:yyyy-MM-dd}.pdf");
    }
}
