using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Exports;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.HealthySchools;

/// <summary>
/// The QUAS report, the evidence for commissioning the panel gives the LA, for an academic year and a locality; as
/// CSV, Excel and PDF too (<c>?format=csv|xlsx|pdf</c>). A year or locality that cannot be used is said in the error
/// summary over the current year's report for the whole LA.
/// </summary>
[Authorize(Policy = Policies.QuasReportReader)]
public sealed class ReportModel(GetQuasReport report, IPdfRenderer pdf) : PageModel
{
    [FromQuery(Name = "year")] public string? Year { get; set; }
    [FromQuery(Name = "locality")] public string? Locality { get; set; }

    public QuasReport Report { get; private set; } = null!;
    public IReadOnlyList<QuasReportSection> Sections { get; private set; } = [];

    /// <summary>The filters as a query string, for the download links.</summary>
    public string Query => $"year={Report.Year}{(Report.Localities.FirstOrDefault(l => l.Name == Report.Locality) is { } l ? $"&locality={l.Id}" : "")}";

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        var filter = new QuasReportFilter(Number("year", Year, "Choose an academic year from the list"), Number("locality", Locality, "Choose a locality from the list"));
        var result = await report.RunAsync(filter, ct);
        if (result.IsForbidden) return Forbid();
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(e.Kind == Domain.ErrorKind.NotFound ? "locality" : "year", e.Kind == Domain.ErrorKind.NotFound ? "Choose a locality from the list" : e.Message);
            result = await report.RunAsync(new QuasReportFilter(), ct);
            if (this.Refusal(result) is { } refused) return refused;
        }
        Report = result.Value!;
        Sections = QuasReportDocuments.Sections(Report);
        if (!ModelState.IsValid && format is not null) return BadRequest("Check the filters: " + string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        var name = QuasReportDocuments.FileName(Report);
        return format?.ToLowerInvariant() switch
        {
            null or "" => Page(),
            "pdf" => File(await pdf.RenderAsync(QuasReportDocuments.Html(Report), ct), "application/pdf", name + ".pdf"),
            "csv" => File(QuasReportDocuments.Csv(Report), TableExport.ContentType(ExportFormat.Csv), name + ".csv"),
            "xlsx" => File(QuasReportDocuments.Xlsx(Report), TableExport.ContentType(ExportFormat.Xlsx), name + ".xlsx"),
            _ => BadRequest($"Unknown format '{format}': use csv, xlsx or pdf."),
        };
    }

    /// <summary>A whole number from the query string; empty is null; anything else is an error on the field (and null).</summary>
    private int? Number(string field, string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        ModelState.AddModelError(field, message);
        return null;
    }
}
