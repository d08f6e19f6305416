using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Imports;

namespace SchoolSight.Web.Pages.Imports;

/// <summary>
/// An upload page for a pupil-level or survey file: binds the file, runs the Core import and shows the outcome
/// (<c>_DataImport</c>). The pages differ only in the operation they call and the words they use.
/// </summary>
public abstract class DataImportPageModel : PageModel
{
    public const long MaxUploadBytes = ImportUpload.MaxDataBlockBytes;

    [BindProperty] public IFormFile? Upload { get; set; }

    public DataImportResult? Result { get; private set; }

    public abstract string Title { get; }
    public abstract string What { get; }
    public abstract string Path { get; }
    public abstract string Guide { get; }

    /// <summary>The import the page runs: <see cref="Core.Imports.Pupils.ImportPupils"/> or <see cref="Core.Imports.Surveys.ImportSurveys"/>.</summary>
    protected abstract DataBlockImport Import { get; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null) ModelState.AddModelError(nameof(Upload), $"Select the {What} CSV file to import");
        if (!ModelState.IsValid) return Page();
        await using var content = Upload!.OpenReadStream();
        var outcome = await Import.RunAsync(new DataImportRequest(content, Upload.FileName), ct);
        if (!outcome.Succeeded) return this.Failed(outcome, prefix: "");
        Result = outcome.Value;
        return Page();
    }
}
