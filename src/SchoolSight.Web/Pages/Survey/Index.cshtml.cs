using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Voice;

namespace SchoolSight.Web.Pages.Survey;

/// <summary>Where a pupil or parent types the code from their slip, to start or to carry on.</summary>
public sealed class IndexModel(SurveyRespondents respondents, IndicatorCatalogueSource source, IDataProtectionProvider protection)
    : SurveyPageModel(respondents, source, protection)
{
    [BindProperty] public string? AccessCode { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var session = await WithSurveyAsync(take => take.FindAsync(AccessCode, ct));
        if (!session.Succeeded)
        {
            ModelState.AddModelError(nameof(AccessCode), session.Errors[0].Message);
            return Page();
        }
        Code = session.Value!.Code;
        return Redirect(session.Value.NextPosition < session.Value.Questions.Count ? $"/Survey/Question/{session.Value.NextPosition + 1}" : "/Survey/Check");
    }
}
