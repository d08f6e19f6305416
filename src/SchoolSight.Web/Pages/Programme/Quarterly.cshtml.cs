using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Time;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme;

/// <summary>The quarterly report of all programme schools to the SMT: a page, a PDF and an Excel workbook.</summary>
[Authorize(Policy = Policies.ProgrammeStaff)]
public sealed class QuarterlyModel(GetQuarterlyReport quarterly, IPdfRenderer pdf, AppDbContext db, LaClock clock) : PageModel
{
    public GetQuarterlyReport.Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int? year, int? q, CancellationToken ct)
    {
        if (Quarter(year, q) is not { } quarter) return NotFound();
        Report = await quarterly.RunAsync(quarter, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(int? year, int? q, CancellationToken ct)
    {
        if (Quarter(year, q) is not { } quarter) return NotFound();
        var report = await quarterly.RunAsync(quarter, ct);
        var la = await db.LocalAuthorities.Select(l => l.Name).FirstOrDefaultAsync(ct) ?? "The local authority";
        return File(await pdf.RenderAsync(GetQuarterlyReport.Html(report, la), ct), "application/pdf", $"programme-quarterly-report-{quarter.Year}-q{quarter.Number}.pdf");
    }

    public async Task<IActionResult> OnGetExcelAsync(int? year, int? q, CancellationToken ct)
    {
        if (Quarter(year, q) is not { } quarter) return NotFound();
        var report = await quarterly.RunAsync(quarter, ct);
        return File(GetQuarterlyReport.Excel(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"programme-quarterly-report-{quarter.Year}-q{quarter.Number}.xlsx");
    }

    private GetQuarterlyReport.Quarter? Quarter(int? year, int? q)
    {
        if (year is null && q is null) return GetQuarterlyReport.Quarter.Of(clock.Today);
        if (year is not (>= 2000 and <= 2100) || q is not (>= 1 and <= 4)) return null;
        return new GetQuarterlyReport.Quarter(year.Value, q.Value);
    }
}
