using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.Domain.Workflows;
using SchoolSight.Web.Authorization;

namespace SchoolSight.Web.Pages.Programme.Cases;

/// <summary>Makes one decision of the lifecycle (agree entry, start support, agree exit, close...) with its reason.</summary>
[Authorize(Policy = Policies.ProgrammeDecider)]
public sealed class DecideModel(GetCase get, MoveCase moveCase) : CasePageModel(get)
{
    [BindProperty] public MoveCaseInput Input { get; set; } = new();
    public WorkflowMove<ImprovingOutcomesCase, CaseState, CaseMoveName, CaseMoveContext> Move { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CaseMoveName? move, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !TryMove(move)) return NotFound();
        Input = new MoveCaseInput { Move = Move.Name, Version = Case.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!TryMove(Input.Move)) return NotFound();
        var result = await moveCase.RunAsync(id, Input, ct);
        if (result.IsConflict && await LoadAsync(id, ct)) Input.Version = Case.Version;
        return await DoneAsync(result, id, $"{Move.Title}: done", "Input", ct, $"/Programme/Cases/{id}");
    }

    private bool TryMove(CaseMoveName? move)
    {
        if (move is null || move is CaseMoveName.ProposeEntry or CaseMoveName.RecordBaseline) return false;
        Move = CaseLifecycle.Move(move.Value);
        return true;
    }
}
