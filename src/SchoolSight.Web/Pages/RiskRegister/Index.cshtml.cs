using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Categorisation;
using SchoolSight.Core.Documents;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.RiskRegister;

/// <summary>The risk register: every school's level and the evidence around it, filtered; as CSV, Excel and PDF too.</summary>
[Authorize(Policy = Policies.RiskRegisterReader)]
public sealed class IndexModel(GetRiskRegister register, GetLevelsOverTime overTime, IPdfRenderer pdf) : PageModel
{
    [FromQuery(Name = "locality")] public string? Locality { get; set; }
    [FromQuery(Name = "phase")] public string? Phase { get; set; }
    [FromQuery(Name = "level")] public string? Level { get; set; }

    public Core.Categorisation.RiskRegister Register { get; private set; } = null!;

    /// <summary>The levels over the last year, per locality (the filtered one only), for the charts.</summary>
    public IReadOnlyList<AreaLevels> OverTime { get; private set; } = [];

    /// <summary>The filters as a query string, for the export links.</summary>
    public string Query => string.Join("&", new[] { ("locality", Locality), ("phase", Phase), ("level", Level) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!.Trim())}"));

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        var filter = await LoadAsync(ct);
        if (format is null) OverTime = await overTime.RunAsync(Register.AsAt, (filter ?? RiskRegisterFilter.Everything).LocalityId, ct: ct);
        if (filter is null) return format is null ? Page() : BadRequest("Check the filters: " + string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        return DataExports.File(format, FileName, () => RiskRegisterDocuments.Table(Register)) ?? Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is null) return BadRequest("Check the filters.");
        return File(await pdf.RenderAsync(RiskRegisterDocuments.Html(Register), ct), "application/pdf", FileName + ".pdf");
    }

    private string FileName => $"risk-register-{Register.AsAt:yyyy-MM-dd}";

    /// <summary>Runs the register with the filters asked for; with a bad filter, the whole register and the errors.</summary>
    private async Task<RiskRegisterFilter?> LoadAsync(CancellationToken ct)
    {
        var (filter, errors) = RiskRegisterFilter.Parse(Locality, Phase, Level);
        foreach (var e in errors) ModelState.AddModelError(e.Field ?? "", e.Message);
        Register = await register.RunAsync(errors.Count == 0 ? filter : RiskRegisterFilter.Everything, ct);
        return errors.Count == 0 ? filter : null;
    }
}
