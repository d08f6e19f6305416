using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SchoolSight.Core;
using SchoolSight.Core.HealthySchools;
using SchoolSight.Domain;
using SchoolSight.Domain.HealthySchools;
using SchoolSight.Web.Authorization;
using SchoolSight.Web.Pages.Shared;

namespace SchoolSight.Web.Pages.HealthySchools;

/// <summary>
/// A school's Healthy Schools page: where it stands in the enhancement model, the moves open (the shared moves
/// partial), and at each stage the records the school keeps — its group, needs analysis with its own data, priorities,
/// outcomes, early success indicators, activities — the exchange with the QUAS, the barometer and its recognition.
/// </summary>
[Authorize(Policy = Policies.HealthySchoolsReader)]
public sealed class SchoolModel(GetEngagement get, GetRecognition recognition, IServiceProvider services) : PageModel
{
    [BindProperty] public GroupMemberInput Member { get; set; } = new();
    [BindProperty] public PriorityInput Priority { get; set; } = new();
    [BindProperty] public OutcomeInput Outcome { get; set; } = new();
    [BindProperty] public SuccessIndicatorInput Indicator { get; set; } = new();
    [BindProperty] public AssessmentInput Assessment { get; set; } = new();
    [BindProperty] public ActivityInput Activity { get; set; } = new();
    [BindProperty] public NoServiceInput NoService { get; set; } = new();
    [BindProperty] public AnswerInput Answer { get; set; } = new();
    [BindProperty] public MoveInput Decision { get; set; } = new();
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Move { get; set; }

    public EngagementView View { get; private set; } = null!;

    /// <summary>What the move's own box answers (the QUAS's comments, the school's evidence) does not block the move's form.</summary>
    private static bool AnsweredByTheBox(DomainError problem) => problem.Code is not ("workflow.reason" or "healthy.met-evidence");

    public MovesPanel StageMoves => MovesPanel.Of(View.Moves, (move, needed) => new MoveChoice(move.Name.ToString(), move.Title, needed,
            ReasonLabel: move.Roles.Overlaps(HealthySchoolsRoles.Panel) ? "Comments for the school" : null), AnsweredByTheBox)
        with
    {
        Action = $"/Schools/{View.Urn}/HealthySchools?handler=Move",
        ReasonField = "Decision.Reason",
        Hidden = new Dictionary<string, string> { ["Decision.Version"] = $"{View.Engagement?.Version}" },
        Empty = View.Engagement?.Stage == EnhancementStage.Review && View.Outcomes.Any(o => o.Moves.Count > 0) ? "An outcome waits for you: see the review against the meaningful outcomes below." : "Nothing waits for you at this stage.",
    };

    public MovesPanel OutcomeMoves(OutcomeView o) => MovesPanel.Of(o.Moves, (move, needed) => new MoveChoice(move.Name.ToString(), move.Title, needed,
            ReasonLabel: move.Name == OutcomeMove.SendAsMet ? "Evidence that the outcome is met (self-validation)" : "Comments for the school"), AnsweredByTheBox)
        with
    {
        Action = $"/Schools/{View.Urn}/HealthySchools?handler=OutcomeMove&number={o.Outcome.Number}",
        ReasonField = "Decision.Reason",
        Hidden = new Dictionary<string, string> { ["Decision.Version"] = $"{View.Engagement?.Version}" }
    };

    public async Task<IActionResult> OnGetAsync(int urn, CancellationToken ct) => await LoadAsync(urn, ct) ?? Page();

    public async Task<IActionResult> OnGetDocumentAsync(int urn, RecognitionKind kind, int? outcome, CancellationToken ct)
    {
        var result = await recognition.RunAsync(urn, kind, outcome, ct);
        return this.Refusal(result) ?? File(result.Value!.Pdf, "application/pdf", result.Value.FileName);
    }

    public Task<IActionResult> OnPostEngageAsync(int urn, CancellationToken ct) => Run<EngageSchool>(urn, "", (op, c) => op.RunAsync(urn, c), "The school has taken its first step", ct);

    public Task<IActionResult> OnPostMemberAsync(int urn, CancellationToken ct) =>
        Run<AddGroupMember>(urn, nameof(Member), (op, c) => op.RunAsync(urn, Member, c), "Member added", ct);

    public Task<IActionResult> OnPostKeyTasksAsync(int urn, CancellationToken ct) =>
        Run<SetKeyTasks>(urn, "", (op, c) => op.RunAsync(urn, Text, Version, c), "Key tasks saved", ct);

    public Task<IActionResult> OnPostNeedsAnalysisAsync(int urn, CancellationToken ct) =>
        Run<RecordNeedsAnalysis>(urn, "", (op, c) => op.RunAsync(urn, Text, Version, c), "Needs analysis saved", ct);

    public Task<IActionResult> OnPostPriorityAsync(int urn, CancellationToken ct) =>
        Run<AddPriority>(urn, nameof(Priority), (op, c) => op.RunAsync(urn, Priority, c), "Priority chosen", ct);

    public Task<IActionResult> OnPostNoServiceAsync(int urn, CancellationToken ct) =>
        Run<ReportNoService>(urn, nameof(NoService), (op, c) => op.RunAsync(urn, NoService, c),
            string.IsNullOrWhiteSpace(NoService.Note) ? "The priority no longer says no service is available" : "Saved: no service is available for the priority", ct);

    public Task<IActionResult> OnPostOutcomeAsync(int urn, CancellationToken ct) =>
        Run<AddOutcome>(urn, nameof(Outcome), (op, c) => op.RunAsync(urn, Outcome, c), "Outcome added", ct);

    public Task<IActionResult> OnPostBaselineAsync(int urn, int number, CancellationToken ct) =>
        Run<RecordOutcomeBaseline>(urn, "", (op, c) => op.RunAsync(urn, number, double.TryParse(Text, out var b) ? b : null, Version, c), "Baseline recorded", ct);

    public Task<IActionResult> OnPostIndicatorAsync(int urn, CancellationToken ct) =>
        Run<AddSuccessIndicator>(urn, nameof(Indicator), (op, c) => op.RunAsync(urn, Indicator, c), "Early success indicator added", ct);

    public Task<IActionResult> OnPostChangeIndicatorAsync(int urn, int number, CancellationToken ct) =>
        Run<ChangeSuccessIndicator>(urn, nameof(Indicator), (op, c) => op.RunAsync(urn, number, Indicator, c), "Early success indicator changed; the old version is kept", ct);

    public Task<IActionResult> OnPostAssessAsync(int urn, int number, CancellationToken ct) =>
        Run<AssessSuccessIndicator>(urn, nameof(Assessment), (op, c) => op.RunAsync(urn, number, Assessment, c), "Early success indicator recorded", ct);

    public Task<IActionResult> OnPostActivityAsync(int urn, CancellationToken ct) =>
        Run<AddActivity>(urn, nameof(Activity), (op, c) => op.RunAsync(urn, Activity, c), "Activity added", ct);

    public Task<IActionResult> OnPostAnswerAsync(int urn, CancellationToken ct) =>
        Run<AnswerQuas>(urn, nameof(Answer), (op, c) => op.RunAsync(urn, Answer, c), "Your answer has been sent to the QUAS", ct);

    public Task<IActionResult> OnPostMoveAsync(int urn, CancellationToken ct) =>
        Enum.TryParse<EnhancementMove>(Move, out var move)
            ? Run<MoveEngagement>(urn, nameof(Decision), (op, c) => op.RunAsync(urn, move, Decision, c), Done(move), ct)
            : this.NoMoveChosenAsync(() => LoadAsync(urn, ct));

    public Task<IActionResult> OnPostOutcomeMoveAsync(int urn, int number, CancellationToken ct)
    {
        if (!Enum.TryParse<OutcomeMove>(Move, out var move)) return this.NoMoveChosenAsync(() => LoadAsync(urn, ct));
        // The self-validation's evidence is what the school writes in the box.
        var input = move == OutcomeMove.SendAsMet ? Decision with { Evidence = Decision.Reason, Reason = null } : Decision;
        return Run<ReviewOutcome>(urn, nameof(Decision), (op, c) => op.RunAsync(urn, number, move, input, c), Done(move, number), ct);
    }

    /// <summary>What the banner says after a stage move: what was done and where the school now is.</summary>
    public static string Done(EnhancementMove move) => move switch
    {
        EnhancementMove.SubmitToQuas => "The stage 4 form has been sent to the QUAS: it waits in the panel's queue",
        EnhancementMove.Approve => "The stage 4 form is approved: the school moves on to stage 5, and its acceptance letter and local certificate are ready",
        EnhancementMove.AskForClarification => "The school has been asked for clarification of the stage 4 form: it sees your comments on its page",
        EnhancementMove.StartNewCycle => "A new outcome cycle has started: the school begins again with its needs analysis",
        _ => $"{EnhancementModel.Workflow.Find(move)!.Title}: done. The school is now at {EnhancementModel.Workflow.Find(move)!.To.Title().ToLowerInvariant().Replace("quas", "QUAS", StringComparison.Ordinal)}",
    };

    /// <summary>What the banner says after a decision on an outcome.</summary>
    public static string Done(OutcomeMove move, int number) => move switch
    {
        OutcomeMove.SendAsMet => $"Outcome {number} has been sent to the QUAS as met, with its evidence",
        OutcomeMove.Confirm => $"Outcome {number} is confirmed as met: its letter of congratulations and award are ready",
        OutcomeMove.AskForClarification => $"The school has been asked for clarification of outcome {number}: it sees your comments on its page",
        _ => $"Outcome {number}: done",
    };

    private async Task<IActionResult> Run<TOperation>(int urn, string prefix, Func<TOperation, CancellationToken, Task<OperationResult<int>>> run, string success, CancellationToken ct)
        where TOperation : notnull
    {
        if (await LoadAsync(urn, ct) is { } refused) return refused;
        ModelState.Clear();
        var result = await run(services.GetRequiredService<TOperation>(), ct);
        if (result.Succeeded)
        {
            TempData["Success"] = success;
            return Redirect($"/Schools/{urn}/HealthySchools");
        }
        return await this.FailedAsync(result, async _ => await LoadAsync(urn, ct) is null, prefix);
    }

    private async Task<IActionResult?> LoadAsync(int urn, CancellationToken ct)
    {
        var result = await get.RunAsync(urn, ct: ct);
        if (this.Refusal(result) is { } refused) return refused;
        View = result.Value!;
        return null;
    }
}
