using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Voice;
using SchoolSight.Domain.Indicators;

namespace SchoolSight.Web.Pages.Survey;

/// <summary>One question on a page: the answer is saved when the pupil moves on, so they can stop at any point.</summary>
public sealed class QuestionModel(SurveyRespondents respondents, IndicatorCatalogueSource source, IDataProtectionProvider protection)
    : SurveyPageModel(respondents, source, protection)
{
    [BindProperty] public byte? Answer { get; set; }

    public TakeSurvey.Session Session { get; private set; } = null!;
    public int Number { get; private set; }
    public SurveyQuestion Current => Session.Questions[Number - 1];

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct) =>
        await LoadAsync(number, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int number, CancellationToken ct)
    {
        if (await LoadAsync(number, ct) is { } elsewhere) return elsewhere;
        if (Answer is { } answer && answer >= 1 && answer <= Current.Scale.Options.Count)
        {
            var saved = await WithSurveyAsync(take => take.AnswerAsync(Code, number - 1, answer, ct));
            if (!saved.Succeeded)
            {
                ModelState.AddModelError(nameof(Answer), saved.Errors[0].Message);
                return Page();
            }
        }
        return Redirect(number < Session.Questions.Count ? $"/Survey/Question/{number + 1}" : "/Survey/Check");
    }

    private async Task<IActionResult?> LoadAsync(int number, CancellationToken ct)
    {
        if (await SessionOrBackAsync(ct) is not { } session) return Redirect("/Survey");
        Session = session;
        if (number < 1 || number > Session.Questions.Count) return NotFound();
        Number = number;
        return null;
    }
}
