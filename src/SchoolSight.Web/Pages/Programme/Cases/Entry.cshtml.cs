using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>The baseline assessment and the communications on entry.</summary>
[Authorize(Policy = Policies.ProgrammeReader)]
public sealed class EntryModel(GetCase get, RecordBaseline recordBaseline, RecordEntryCommunications recordCommunications) : CasePageModel(get)
{
    [BindProperty] public BaselineInput Baseline { get; set; } = new();
    [BindProperty] public CommunicationsInput Communications { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Communications = new CommunicationsInput
        {
            GovernorsToldOn = Case.Communications.GovernorsToldOn,
            StaffToldOn = Case.Communications.StaffToldOn,
            LaTeamsToldOn = Case.Communications.LaTeamsToldOn,
            ParentsCommunication = Case.Communications.ParentsCommunication,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostBaselineAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(BaselineInput), nameof(Baseline), ct)
        ?? await DoneAsync(await recordBaseline.RunAsync(id, Baseline, ct), id, "Baseline recorded", nameof(Baseline), ct);

    public async Task<IActionResult> OnPostCommunicationsAsync(int id, CancellationToken ct) =>
        await BindingErrorsAsync(id, typeof(CommunicationsInput), nameof(Communications), ct)
        ?? await DoneAsync(await recordCommunications.RunAsync(id, Communications, ct), id, "Communications on entry saved", nameof(Communications), ct);
}
