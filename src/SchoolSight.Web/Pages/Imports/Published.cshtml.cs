using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Published;
using SchoolSight.Domain.Published;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Imports;

/// <summary>
/// Upload a published file (DfE KS2, KS4, census, absence or Ofsted outcomes): the same <see cref="ImportPublished"/>
/// operation as the CLI and the API.
/// </summary>
[Authorize(Policy = Policies.LaAdministrator)]
[RequestSizeLimit(GiasModel.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = GiasModel.MaxUploadBytes)]
public sealed class PublishedModel(ImportPublished import) : PageModel
{
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? AcademicYear { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool AllSchools { get; set; }

    public PublishedImportResult? Result { get; private set; }

    public void OnGet(string? source) => Source = source;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!PublishedSources.TryParse(Source, out var source))
            ModelState.AddModelError(nameof(Source), "Select which published file this is");
        int? year = null;
        if (ModelState.IsValid && source.NeedsAcademicYear())
        {
            if (Domain.AcademicYear.TryParse(AcademicYear, out var start, out var error)) year = start;
            else ModelState.AddModelError(nameof(AcademicYear), error);
        }
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "Select the CSV file to import");
        if (!ModelState.IsValid) return Page();

        await using var content = Upload!.OpenReadStream();
        var outcome = await import.RunAsync(new PublishedImportRequest(source, content, Upload.FileName, year, AllSchools), ct: ct);
        if (!outcome.Succeeded) return this.Failed(outcome, prefix: "");
        Result = outcome.Value;
        return Page();
    }
}
