using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SchoolSight.Core.Indicators;
using SchoolSight.Core.Voice;

namespace SchoolSight.Web.Pages.Survey;

/// <summary>
/// The pages pupils and parents answer on: the only pages open without signing in. The code they typed is kept in a
/// protected cookie for this browser session only (never in the address), and every page reaches only that code's
/// survey through <see cref="TakeSurvey"/>, acting as <see cref="SurveyRespondents.Acting"/>.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SurveyRateLimits.Policy)]
public abstract class SurveyPageModel(SurveyRespondents respondents, IndicatorCatalogueSource source, IDataProtectionProvider protection) : PageModel
{
    public const string CookieName = "SchoolSight.Survey";
    private readonly IDataProtector _protector = protection.CreateProtector("SchoolSight.Survey.Code");

    protected async Task<T> WithSurveyAsync<T>(Func<TakeSurvey, Task<T>> run)
    {
        await using var db = respondents.Open();
        return await run(new TakeSurvey(db, source.Questionnaire));
    }

    /// <summary>The session of the code in the cookie; otherwise null, the cookie cleared and the reason kept for the code box.</summary>
    protected async Task<TakeSurvey.Session?> SessionOrBackAsync(CancellationToken ct)
    {
        var session = await WithSurveyAsync(take => take.FindAsync(Code, ct));
        if (session.Succeeded) return session.Value;
        Code = null;
        TempData["SurveyProblem"] = session.Errors[0].Message;
        return null;
    }

    protected string? Code
    {
        get
        {
            if (!Request.Cookies.TryGetValue(CookieName, out var value)) return null;
            try { return _protector.Unprotect(value); }
            catch (System.Security.Cryptography.CryptographicException) { return null; }
        }
        set
        {
            if (value is null) Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/Survey" });
            else Response.Cookies.Append(CookieName, _protector.Protect(value), new CookieOptions
            {
                Path = "/Survey",
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = Request.IsHttps,
                IsEssential = true,
            });
        }
    }
}
