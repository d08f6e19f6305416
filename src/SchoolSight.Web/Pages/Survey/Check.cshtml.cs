using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Voice;

namespace SchoolSight.Web.Pages.Survey;

/// <summary>The answers given, each one changeable, and the button that sends them: after it, the code is used up.</summary>
public sealed class CheckModel(SurveyRespondents respondents, IndicatorCatalogueSource source, IDataProtectionProvider protection)
    : SurveyPageModel(respondents, source, protection)
{
    public TakeSurvey.Session Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } elsewhere) return elsewhere;
        var sent = await WithSurveyAsync(take => take.SendAsync(Code, ct));
        if (!sent.Succeeded)
        {
            ModelState.AddModelError("", sent.Errors[0].Message);
            return Page();
        }
        Code = null;
        return Redirect("/Survey/Done");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await SessionOrBackAsync(ct) is not { } session) return Redirect("/Survey");
        Session = session;
        return null;
    }
}
