using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Time;
using SchoolSight.Domain.Calendar;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Calendar;

/// <summary>Adds a term for a year the calendar does not hold yet.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class AddModel(AddSchoolTerm add, LaClock clock) : PageModel
{
    [BindProperty] public int AcademicYear { get; set; }
    [BindProperty] public TermName Name { get; set; }
    [BindProperty] public TermInput Input { get; set; } = new();

    public void OnGet() => AcademicYear = clock.Today.Year + 1;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ModelState.UseGovukBindingMessages(typeof(TermInput));
            return Page();
        }
        var result = await add.RunAsync(AcademicYear, Name, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"The {SchoolTerm.TermTitle(AcademicYear, Name)} has been added";
            return Redirect("/Programme/Calendar");
        }
        foreach (var e in result.Errors)
            ModelState.AddModelError(e.Field is "AcademicYear" or "Name" ? e.Field : string.IsNullOrEmpty(e.Field) ? "" : $"Input.{e.Field}", e.Message);
        return Page();
    }
}
