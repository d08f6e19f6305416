using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.Calendar;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Calendar;

/// <summary>Changes one term's dates. Deadlines everywhere follow the new dates at once.</summary>
[Authorize(Policy = Policies.LaAdministrator)]
public sealed class EditModel(ListSchoolTerms list, EditSchoolTerm edit) : PageModel
{
    [BindProperty] public TermInput Input { get; set; } = new();
    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } term) return NotFound();
        Input = new TermInput { Starts = term.Starts, HalfTermStarts = term.HalfTermStarts, HalfTermEnds = term.HalfTermEnds, Ends = term.Ends, Version = term.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } term) return NotFound();
        if (!ModelState.IsValid)
        {
            ModelState.UseGovukBindingMessages(typeof(TermInput));
            return Page();
        }
        var result = await edit.RunAsync(id, Input, ct);
        if (result.Succeeded)
        {
            TempData["Success"] = $"The {Title} has been saved";
            return Redirect("/Programme/Calendar");
        }
        return await this.FailedAsync(result, conflict =>
        {
            if (conflict) Input = new TermInput { Starts = term.Starts, HalfTermStarts = term.HalfTermStarts, HalfTermEnds = term.HalfTermEnds, Ends = term.Ends, Version = term.Version };
            return Task.FromResult(true);
        });
    }

    private async Task<ListSchoolTerms.Row?> FindAsync(int id, CancellationToken ct)
    {
        var term = (await list.RunAsync(ct)).FirstOrDefault(t => t.Id == id);
        Title = term?.Title ?? "";
        return term;
    }
}
