using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Documents;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Boards;

/// <summary>A board meeting's pack, as a page and as a PDF.</summary>
[Authorize(Policy = Policies.RiskRegisterReader)]
public sealed class PackModel(GetBoardPack packs, GetLevelsOverTime overTime, IPdfRenderer pdf) : PageModel
{
    public BoardPack Pack { get; private set; } = null!;
    public bool MayOrganise { get; private set; }

    /// <summary>The board's schools' levels over the year to the meeting, per locality, for the charts.</summary>
    public IReadOnlyList<AreaLevels> OverTime { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        if (await packs.RunAsync(id, ct) is not { } pack) return NotFound();
        Pack = pack;
        MayOrganise = User.GetRole() is { } role && BoardRoles.Organisers.Contains(role);
        if (format is null) OverTime = await overTime.RunAsync(pack.Meeting.MeetsOn, pack.Meeting.LocalityId, ct: ct);
        return DataExports.File(format, FileName(pack), () => BoardPackTable.Table(pack)) ?? Page();
    }

    private static string FileName(BoardPack pack) =>
        $"board-pack-{(pack.Meeting.LocalityId is { } l ? $"locality-{l}" : "sseb")}-{pack.Meeting.MeetsOn:yyyy-MM-dd}";

    public async Task<IActionResult> OnGetPdfAsync(int id, CancellationToken ct)
    {
        if (await packs.RunAsync(id, ct) is not { } pack) return NotFound();
        var levels = await overTime.RunAsync(pack.Meeting.MeetsOn, pack.Meeting.LocalityId, ct: ct);
        return File(await pdf.RenderAsync(BoardPackDocument.Html(pack, levels), ct), "application/pdf", FileName(pack) + ".pdf");
    }
}
