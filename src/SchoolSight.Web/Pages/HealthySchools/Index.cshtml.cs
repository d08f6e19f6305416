using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.HealthySchools;

/// <summary>
/// Healthy Schools across the LA: the QUAS's queue (everything waiting for the panel, oldest first, with its age), every
/// school in the enhancement model with its stage, barometer and awards, and the LA's local priorities, which the
/// coordinator keeps.
/// </summary>
[Authorize(Policy = Policies.HealthySchoolsLaReader)]
public sealed class IndexModel(ListHealthySchools list, GetQuasQueue queue, ListLocalPriorities priorities, AddLocalPriority add,
    ListModerationDraws draws, DrawModerationSample draw, HealthySchoolsConfiguration configuration) : PageModel
{
    [BindProperty] public LocalPriorityInput Input { get; set; } = new();
    [BindProperty] public ModerationDrawInput Draw { get; set; } = new();

    public IReadOnlyList<HealthySchoolRow> Schools { get; private set; } = [];
    public IReadOnlyList<QuasQueueItem> Queue { get; private set; } = [];
    public IReadOnlyList<LocalPriority> Priorities { get; private set; } = [];
    public IReadOnlyList<ModerationDrawView> Draws { get; private set; } = [];
    public double Share => configuration.Settings.ModerationShare;
    public bool MayDraw => User.GetRole().Allows(Resource.HealthySchoolsLa, ResourceAction.Decide);
    public bool MayKeepPriorities => User.GetRole().Allows(Resource.HealthySchoolsLa, ResourceAction.Edit);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var result = await add.RunAsync(Input, ct);
        if (!result.Succeeded) return this.Failed(result);
        TempData["Success"] = $"Local priority added: {Input.Title?.Trim()}";
        return Redirect("/HealthySchools");
    }

    public async Task<IActionResult> OnPostDrawAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused) return refused;
        var result = await draw.RunAsync(Draw, ct);
        if (!result.Succeeded) return this.Failed(result, nameof(Draw));
        var d = result.Value!;
        TempData["Success"] = $"Drew {d.Drawn.Count} of the {d.Reviews} self-validated annual reviews of {Domain.AcademicYear.Format(d.Year)} for moderation, with seed {d.Seed}";
        return Redirect("/HealthySchools#moderation");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var schools = await list.RunAsync(ct);
        if (this.Refusal(schools) is { } refused) return refused;
        Schools = schools.Value!;
        Queue = (await queue.RunAsync(ct)).Value ?? [];
        Priorities = await priorities.RunAsync(ct);
        Draws = await draws.RunAsync(ct);
        return null;
    }
}
