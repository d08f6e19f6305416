using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Core.Categorisation;
using SchoolSight.Domain;
using SchoolSight.Domain.Categorisation;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Schools.Judgements;

/// <summary>
/// The form for one source's judgements of a school for one year: a grade per area, the date and a note, filled in
/// with the grades already recorded. The school's staff record its self-evaluation, its SIP theirs; LA officers either.
/// </summary>
[Authorize(Policy = Policies.JudgementRecorder)]
public sealed class RecordModel(GetJudgements get, RecordJudgements record) : PageModel
{
    [BindProperty] public JudgementsInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    /// <summary>"four-point" or "report-card": the form's scale when the person chooses it; else the scale of the date.</summary>
    [BindProperty(SupportsGet = true)] public string? Scale { get; set; }

    /// <summary>The scale the form offers: that of the judgements' date (Ofsted's report card areas from 10 November 2025).</summary>
    public JudgementScale ScaleShown { get; private set; }

    public JudgementsView View { get; private set; } = null!;
    public JudgementSource Chosen { get; private set; }
    public int AcademicYearChosen { get; private set; }

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } refused) return refused;
        Prefill();
        ScaleShown = Scale switch
        {
            "four-point" => JudgementScale.FourPoint,
            "report-card" => JudgementScale.ReportCard,
            _ => JudgementScales.For(Input.JudgedOn ?? View.Today),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } refused) return refused;
        ScaleShown = Input.JudgedOn is { } judgedOn ? JudgementScales.For(judgedOn) : Scale == "four-point" ? JudgementScale.FourPoint : JudgementScales.For(View.Today);
        ModelState.UseGovukBindingMessages(typeof(JudgementsInput));
        if (!ModelState.IsValid) return Page();
        Input.Source = Chosen.Slug();
        Input.AcademicYear = AcademicYear.Format(AcademicYearChosen);
        var result = await record.RunAsync(urn, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"{Chosen.Describe()} judgements for {AcademicYear.Format(AcademicYearChosen)} saved";
            return Redirect($"/Schools/{urn}/Judgements#year-{AcademicYearChosen}");
        }
        // After a conflict, show what is recorded now, so the person can make their changes again from it.
        return await this.FailedAsync(result, async conflict =>
        {
            if (!conflict) return true;
            if (await LoadAsync(urn, ct) is not null) return false;
            Prefill();
            ScaleShown = JudgementScales.For(Input.JudgedOn ?? View.Today);
            return true;
        });
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        var role = User.GetRole()!.Value;
        if (Source is null) Chosen = role.OwnSource();
        else if (!JudgementSources.TryParseSource(Source, out var source)) return NotFound();
        else Chosen = source;
        if (!role.MayRecord(Chosen)) return Forbid();
        AcademicYearChosen = Year ?? View.CurrentYear;
        if (AcademicYearChosen > View.CurrentYear || AcademicYearChosen < JudgementsInputValidator.EarliestYear) return NotFound();
        return null;
    }

    private void Prefill()
    {
        var year = View.Year(AcademicYearChosen);
        var latest = year?.Latest(Chosen);
        Input = new JudgementsInput
        {
            AcademicYear = AcademicYear.Format(AcademicYearChosen),
            Source = Chosen.Slug(),
            JudgedOn = latest?.JudgedOn,
            Note = latest?.Note,
            Grades = year?.Rows.Where(r => r.From(Chosen) is not null).ToDictionary(r => r.Area.Slug(), r => (string?)r.From(Chosen)!.Grade.Slug()) ?? [],
            Versions = year?.Rows.Where(r => r.From(Chosen) is not null).ToDictionary(r => r.Area.Slug(), r => r.From(Chosen)!.Version) ?? [],
        };
    }
}
