using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Core.Voice;
using SchoolSight.Domain;
using SchoolSight.Domain.Indicators;
using SchoolSight.Domain.Voice;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Shared;

namespace SchoolSight.Web.Pages.Schools.SelfEvaluation;

/// <summary>
/// One outcome of a school's well-being self-evaluation: the evidence SchoolSight holds for it, the guiding questions,
/// the head's draft (judgement, strengths, priorities and the plan priorities each serves) and the moves open to the
/// reader: complete or reopen (the head), agree or disagree (the SIP).
/// </summary>
[Authorize(Policy = Policies.JudgementReader)]
public sealed class OutcomeModel(GetSelfEvaluation get, RecordOutcomeEvaluation record, MoveOutcomeEvaluation make) : PageModel
{
    public const int PriorityBoxes = 3;

    [BindProperty] public OutcomeEvaluationInput Input { get; set; } = new();
    [BindProperty] public string? Move { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public SelfEvaluationView View { get; private set; } = null!;
    public OutcomeEvaluationView Evaluation { get; private set; } = null!;

    public MovesPanel Moves => MovesPanel.Of(Evaluation.Moves, (move, needed) => new MoveChoice(move.Name.ToString(), move.Title, needed,
            ReasonLabel: move.Name switch
            {
                OutcomeEvaluationMove.Complete => null,
                OutcomeEvaluationMove.Reopen => "Why are you reopening it?",
                _ => "Your comment for the school",
            }), problem => problem.Code != "workflow.reason")
        with
    {
        Action = $"/Schools/{View.Urn}/SelfEvaluation/{Evaluation.Outcome.Slug()}?handler=Move&year={View.AcademicYear}",
        Hidden = new Dictionary<string, string> { ["Version"] = $"{View.Evaluation?.Version}" },
    };

    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(int urn, string outcome, int? year, CancellationToken ct)
    {
        if (await LoadAsync(urn, outcome, year, ct) is { } refused) return refused;
        var r = Evaluation.Record;
        Input = new OutcomeEvaluationInput
        {
            Grade = r?.Grade?.Slug(),
            Strengths = r?.Strengths,
            Priorities = [.. (r?.Priorities ?? []).Select(p => new OutcomePriorityInput { Text = p.Text, PlanPriorities = [.. p.Serves] })],
            Version = View.Evaluation?.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int urn, string outcome, int year, CancellationToken ct)
    {
        if (EcmOutcomes.FromSlug(outcome) is not { } o) return NotFound();
        var result = await record.RunAsync(urn, year, o, Input, ct);
        return await AfterAsync(result, urn, outcome, year, "Draft saved", ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(int urn, string outcome, int year, CancellationToken ct)
    {
        if (EcmOutcomes.FromSlug(outcome) is not { } o) return NotFound();
        if (!Enum.TryParse<OutcomeEvaluationMove>(Move, out var move))
            return await AfterAsync(OperationResult<int>.Fail(new DomainError("wellbeing.move", OperationPages.ChooseAMove)), urn, outcome, year, "", ct);
        var result = await make.RunAsync(urn, year, o, move, new OutcomeMoveInput { Reason = Reason, Version = Version }, ct);
        return await AfterAsync(result, urn, outcome, year, move switch
        {
            OutcomeEvaluationMove.Complete => "Outcome completed",
            OutcomeEvaluationMove.Reopen => "Outcome reopened",
            OutcomeEvaluationMove.Agree => "You agree with the school's judgement",
            OutcomeEvaluationMove.Disagree => "You disagree with the school's judgement: the school sees your comment",
        }, ct);
    }

    private async Task<IActionResult> AfterAsync(OperationResult<int> result, int urn, string outcome, int year, string success, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Success"] = success;
            return Redirect($"/Schools/{urn}/SelfEvaluation/{outcome}?year={year}");
        }
        // The move's own box is "Reason"; everything else names a field of the draft's form.
        var errors = result.Errors.Select(e => e.Code == "workflow.reason" ? e with { Field = "Reason" } : e.Field is { } f ? e with { Field = $"Input.{f}" } : e).ToList();
        return await this.FailedAsync(OperationResult<int>.Fail(errors), async _ => await LoadAsync(urn, outcome, year, ct) is null, "");
    }

    private async Task<IActionResult?> LoadAsync(int urn, string outcome, int? year, CancellationToken ct)
    {
        if (EcmOutcomes.FromSlug(outcome) is not { } o) return NotFound();
        var result = await get.RunAsync(urn, year, ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        Evaluation = View.Outcome(o);
        return null;
    }
}
