using CsCheck;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Workflows;

namespace SchoolSight.Domain.Tests.Workflows;

/// <summary>The workflow kernel, on a small report workflow declared here: drafted, submitted through an approval gate, then published.</summary>
public sealed class WorkflowKernelTests
{
    public enum ReportState { Drafting, Submitted, Approved, Refused, Published }

    public enum ReportMove { Submit, Approve, AskForClarification, Refuse, Publish }

    public sealed class Report
    {
        public ReportState State { get; set; }
        public bool HasSummary { get; set; }
        public bool HasFindings { get; set; }
        public List<Decision> Decisions { get; } = [];

        public void Make(ReportMove move, MoveContext context)
        {
            if (Flow.Fire(this, move, context, s => State = s) is { } decision) Decisions.Add(decision);
        }
    }

    private static readonly IReadOnlySet<Role> Writers = new HashSet<Role> { Role.SchoolImprovementPartner };
    private static readonly IReadOnlySet<Role> Reviewers = new HashSet<Role> { Role.QualityAssuranceManager };

    private static readonly ApprovalGate<ReportState, ReportMove> Gate =
        new("report", "a report", ReportState.Submitted, ReportState.Approved, ReportMove.Approve, Reviewers)
        {
            Drafting = ReportState.Drafting,
            Submit = ReportMove.Submit,
            Submitters = Writers,
            AskForClarification = ReportMove.AskForClarification,
            Refuse = ReportMove.Refuse,
            Refused = ReportState.Refused,
        };

    private static readonly WorkflowRule<Report, MoveContext> HasASummary = new("the report has a summary",
        (r, _) => r.HasSummary ? null : DomainError.Rule("report.summary", "Write the summary."));

    private static readonly WorkflowRule<Report, MoveContext> HasFindings = new("the report has findings",
        (r, _) => r.HasFindings ? null : new DomainError("report.findings", "Record the findings."));

    private static readonly Workflow<Report, ReportState, ReportMove, MoveContext> Flow = new("report", r => r.State,
    [
        .. Gate.Moves<Report, MoveContext>(HasASummary),
        new(ReportMove.Publish, "Publish", "publish the report", ReportState.Approved, ReportState.Published, Reviewers, [HasASummary, HasFindings]),
    ]);

    private static readonly DateTime Noon = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Sip = new("sip@demo-borough.example", Role.SchoolImprovementPartner, "u-sip");
    private static readonly Actor Qa = new("qa@demo-borough.example", Role.QualityAssuranceManager, "u-qa");

    private static MoveContext By(Actor actor, string? reason = null, string? evidence = null) => new(actor, Noon, new DateOnly(2026, 11, 20), reason, evidence);

    private static Report At(ReportState state) => new() { State = state, HasSummary = true, HasFindings = true };

    [Fact]
    public void AMove_FromTheWrongState_IsRefusedWithOneRuleError()
    {
        var errors = Flow.Check(At(ReportState.Drafting), ReportMove.Approve, By(Sip));
        errors.Single().Kind.ShouldBe(ErrorKind.Rule);
        errors.Single().Message.ShouldBe("You cannot approve a report while it is at \"Drafting\".");
        Should.Throw<DomainException>(() => At(ReportState.Drafting).Make(ReportMove.Approve, By(Qa))).Error.Kind.ShouldBe(ErrorKind.Rule);
    }

    [Fact]
    public void AMove_ByARoleNotAllowed_IsRefusedAsForbidden_WithItsUnmetRulesToo()
    {
        var report = At(ReportState.Submitted);
        report.HasSummary = false;
        var errors = Flow.Check(report, ReportMove.Approve, By(Sip));
        errors.Select(e => e.Kind).ShouldBe([ErrorKind.Forbidden, ErrorKind.Rule]);
        errors[0].Message.ShouldBe("Only a quality assurance manager may approve a report.");
        Should.Throw<DomainException>(() => report.Make(ReportMove.Approve, By(Sip))).Errors.Count.ShouldBe(2);
        report.State.ShouldBe(ReportState.Submitted);
    }

    [Fact]
    public void EveryUnmetRule_IsListed_AsARuleError_AndNothingMoves()
    {
        var report = new Report { State = ReportState.Approved };
        var refused = Should.Throw<DomainException>(() => report.Make(ReportMove.Publish, By(Qa)));
        refused.Errors.Select(e => e.Code).ShouldBe(["report.summary", "report.findings"]);
        refused.Errors.ShouldAllBe(e => e.Kind == ErrorKind.Rule);
        report.State.ShouldBe(ReportState.Approved);
        report.Decisions.ShouldBeEmpty();
    }

    [Fact]
    public void MovesFor_ListsTheMovesOpenToTheActor_WithWhatStandsInTheWay()
    {
        var report = At(ReportState.Submitted);
        report.HasSummary = false;
        var open = Flow.MovesFor(report, By(Qa));
        open.Select(m => m.Move.Name).ShouldBe([ReportMove.Approve, ReportMove.AskForClarification, ReportMove.Refuse]);
        open[0].Unmet.Single().Code.ShouldBe("report.summary");
        open[1].Unmet.Single().Code.ShouldBe("workflow.reason");
        Flow.MovesFor(report, By(Sip)).ShouldBeEmpty();
    }

    [Fact]
    public void TheGate_Approves_RecordingTheDecisionAsAValue()
    {
        var report = At(ReportState.Drafting);
        report.Make(ReportMove.Submit, By(Sip));
        report.State.ShouldBe(ReportState.Submitted);
        report.Decisions.ShouldBeEmpty(); // submitting is not a decision

        report.Make(ReportMove.Approve, By(Qa, "  Clear and evidenced.  ", "Visit notes, 18 November"));
        report.State.ShouldBe(ReportState.Approved);
        report.Decisions.Single().ShouldBe(new Decision("qa@demo-borough.example", Role.QualityAssuranceManager, Noon, "Clear and evidenced.", "u-qa", "Visit notes, 18 November"));
    }

    [Fact]
    public void TheGate_AsksForClarification_BackToTheSubmitter_OnlyWithANote()
    {
        var report = At(ReportState.Submitted);
        var noNote = Should.Throw<DomainException>(() => report.Make(ReportMove.AskForClarification, By(Qa, " ")));
        noNote.Error.Message.ShouldBe("Say what needs clarifying.");
        noNote.Error.Field.ShouldBe("Reason");

        report.Make(ReportMove.AskForClarification, By(Qa, "Which pupils does the second finding cover?"));
        report.State.ShouldBe(ReportState.Drafting);
        report.Decisions.Single().Reason.ShouldBe("Which pupils does the second finding cover?");
        Flow.MovesFor(report, By(Sip)).Single().Move.Name.ShouldBe(ReportMove.Submit);
    }

    [Fact]
    public void TheGate_Refuses_WithAReason()
    {
        var report = At(ReportState.Submitted);
        Should.Throw<DomainException>(() => report.Make(ReportMove.Refuse, By(Qa))).Error.Message.ShouldBe("Give the reason for refusing.");
        report.Make(ReportMove.Refuse, By(Qa, "Not the school's report."));
        report.State.ShouldBe(ReportState.Refused);
        Flow.MovesFor(report, By(Qa)).ShouldBeEmpty();
    }

    [Fact]
    public void AnyMove_ByAnyRole_FromAnyState_IsMadeExactlyWhenNothingStandsInItsWay()
    {
        var states = Gen.Enum<ReportState>();
        var moves = Gen.Enum<ReportMove>();
        var roles = Gen.Enum<Role>();
        Gen.Select(states, moves, roles, Gen.Bool, Gen.Bool, Gen.Bool).Sample((state, move, role, summary, findings, reason) =>
        {
            var report = new Report { State = state, HasSummary = summary, HasFindings = findings };
            var context = By(new Actor("someone", role), reason ? "Because." : null);
            var errors = Flow.Check(report, move, context);
            if (errors.Count == 0)
            {
                report.Make(move, context);
                report.State.ShouldBe(Flow.Move(move).To);
            }
            else
            {
                Should.Throw<DomainException>(() => report.Make(move, context)).Errors.ShouldBe(errors);
                report.State.ShouldBe(state);
                errors.ShouldAllBe(e => e.Kind == ErrorKind.Rule || e.Kind == ErrorKind.Forbidden);
            }
        });
    }

    [Fact]
    public void TheWorkflow_DrawsAsADiagram_WithItsRolesAndRules()
    {
        var dot = Flow.Diagram(ReportState.Drafting);
        foreach (var state in Enum.GetValues<ReportState>()) dot.ShouldContain(state.ToString());
        dot.ShouldContain("the report has a summary");
        dot.ShouldContain("quality assurance manager");
    }
}
