using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Documents;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Indicators;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Surveys;

/// <summary>The online surveys of the user's schools, with the response rate per year group while they run, and their code sheets.</summary>
[Authorize(Policy = Policies.SurveyReader)]
public sealed class IndexModel(GetSurveyWindows windows, SurveyCodeSheet sheet, IPdfRenderer pdf) : PageModel
{
    public IReadOnlyList<GetSurveyWindows.Window> Windows { get; private set; } = [];
    public bool CanRun { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Windows = await windows.RunAsync(ct: ct);
        CanRun = User.GetRole().Allows(Resource.PupilSurvey, ResourceAction.Run);
    }

    /// <summary>The code sheets as a PDF, a page per class; <paramref name="who"/> "pupils" or "parents" prints only theirs.</summary>
    public async Task<IActionResult> OnGetCodesAsync(long id, string? who, CancellationToken ct)
    {
        if (!User.GetRole().Allows(Resource.PupilSurvey, ResourceAction.Run)) return Forbid();
        RespondentType? respondent = who switch { "pupils" => RespondentType.Pupil, "parents" => RespondentType.Parent, _ => null };
        var document = await sheet.RunAsync(id, SurveyAddress(Request), respondent, ct);
        if (document is null) return NotFound();
        return File(await pdf.RenderAsync(document.ToString(), ct), "application/pdf", $"survey-codes-{id}{(respondent is null ? "" : "-" + who)}.pdf");
    }

    public static string SurveyAddress(HttpRequest request) => $"{request.Scheme}://{request.Host}/Survey";
}
