using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SchoolSight.Core.Data;
using SchoolSight.Core.Imports.Gias;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Imports;

/// <summary>Upload a GIAS establishment file: the same <see cref="ImportGias"/> operation as the CLI and the API.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class GiasModel(AppDbContext db, ImportGias import) : PageModel
{
    public const long MaxUploadBytes = Core.Imports.ImportUpload.MaxEstablishmentOrPublishedBytes;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? LaCodes { get; set; }
    [BindProperty] public bool AllLas { get; set; }

    /// <summary>The LA's CSV of URN and Locality, to put the schools in their localities.</summary>
    [BindProperty] public IFormFile? Localities { get; set; }

    /// <summary>Or a column of the GIAS file to take each school's locality from.</summary>
    [BindProperty] public string? LocalityColumn { get; set; }

    /// <summary>The import just run: applied (the summary) or rejected (every problem).</summary>
    public GiasImportResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => LaCodes = await OwnLaCodesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null) ModelState.AddModelError(nameof(Upload), "Select the GIAS CSV file to import");
        var scope = GiasImportScope.EveryLa;
        if (!AllLas && !GiasImportScope.TryParse(LaCodes, out scope, out var error)) ModelState.AddModelError(nameof(LaCodes), error);
        if (Localities is not null && !string.IsNullOrWhiteSpace(LocalityColumn))
            ModelState.AddModelError(nameof(LocalityColumn), "Choose either a localities file or a column of the GIAS file, not both");
        if (!ModelState.IsValid) return Page();

        await using var mapping = await Api.UploadForms.BufferAsync(Localities, ct);
        await using var content = Upload!.OpenReadStream();
        var localities = GiasLocalities.From(mapping, Localities?.FileName, LocalityColumn);
        var outcome = await import.RunAsync(new GiasImportRequest(content, Upload.FileName, scope, localities), ct: ct);
        if (!outcome.Succeeded) return this.Failed(outcome, prefix: "");
        Result = outcome.Value;
        return Page();
    }

    /// <summary>The LA's own code(s), as the LA codes to import start out.</summary>
    private async Task<string> OwnLaCodesAsync(CancellationToken ct) =>
        string.Join(", ", await db.LocalAuthorities.OrderBy(l => l.Code).Select(l => l.Code).ToListAsync(ct));
}
