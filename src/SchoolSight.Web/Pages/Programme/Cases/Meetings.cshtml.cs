using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>The case's programme meetings with their deadlines; the M&amp;I team schedules the next one here.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class MeetingsModel(GetCase get, ScheduleProgrammeMeeting schedule) : CasePageModel(get)
{
    [BindProperty] public ScheduleMeetingInput Schedule { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Schedule = new ScheduleMeetingInput { Venue = View.SchoolName };
        return Page();
    }

    public async Task<IActionResult> OnPostScheduleAsync(int id, CancellationToken ct)
    {
        if (await BindingErrorsAsync(id, typeof(ScheduleMeetingInput), nameof(Schedule), ct) is { } invalid) return invalid;
        var result = await schedule.RunAsync(id, Schedule, ct);
        return await DoneAsync(result, id, "Meeting scheduled", nameof(Schedule), ct, result.Succeeded ? $"/Programme/Cases/{id}/Meetings/{result.Value}" : null);
    }
}
