using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Time;
using SchoolSight.Core.Voice;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Surveys;

/// <summary>Opens an online survey: for the LA, for the schools it lists; for a school, for itself.</summary>
[Authorize(Policy = Policies.SurveyRunner)]
public sealed class OpenModel(OpenSurveyWindow open, LaClock clock) : PageModel
{
    public sealed class OpenInput
    {
        public string? Urns { get; set; }
        public string? Title { get; set; }
        public DateOnly? OpensOn { get; set; }
        public DateOnly? ClosesOn { get; set; }
        public List<byte> YearGroups { get; set; } = [];
        public int ClassesPerYearGroup { get; set; } = 1;
        public int CodesPerClass { get; set; } = 30;
        public int ParentCodes { get; set; }
    }

    [BindProperty] public OpenInput Input { get; set; } = new();

    /// <summary>The school of a school user: they open surveys for it only.</summary>
    public int? OwnSchool => User.GetSchoolScope() is { WholeLa: false, Urns.Count: 1 } scope && User.GetRole() == Domain.Access.Role.SchoolUser ? scope.Urns.Single() : null;

    public void OnGet()
    {
        Input.Title = $"Pupil and parent survey {clock.Today:MMMM yyyy}";
        Input.OpensOn = clock.Today;
        Input.ClosesOn = clock.Today.AddDays(14);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.UseGovukBindingMessages(typeof(OpenInput));
        var urns = OwnSchool is { } own ? [own] : UrnList.Read(Input.Urns, ModelState, "Input.Urns");
        if (Input.OpensOn is null) ModelState.AddModelError("Input.OpensOn", "Enter the day the survey opens");
        if (Input.ClosesOn is null) ModelState.AddModelError("Input.ClosesOn", "Enter the day the survey closes");
        if (!ModelState.IsValid || urns is null) return Page();
        var result = await open.RunAsync(new OpenSurveyWindow.Request(urns, Input.Title ?? "", Input.OpensOn!.Value, Input.ClosesOn!.Value,
            Input.YearGroups, Input.ClassesPerYearGroup, Input.CodesPerClass, Input.ParentCodes), ct);
        if (!result.Succeeded) return this.Failed(result);
        TempData["Success"] = result.Value!.Count == 1 ? "Survey opened: print its codes below" : $"Survey opened for {result.Value.Count} schools";
        return Redirect("/Surveys");
    }
}
