using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SchoolSight.Core.Access;
using SchoolSight.Core.Calendar;
using SchoolSight.Core.Data;
using SchoolSight.Core.Documents;
using SchoolSight.Core.ImprovingOutcomes;
using SchoolSight.Core.Tests.Register;
using SchoolSight.Domain.Access;
using SchoolSight.Domain.Calendar;
using SchoolSight.Domain.ImprovingOutcomes;
using SchoolSight.TestSupport;
using static SchoolSight.Core.Tests.ImprovingOutcomes.ProgrammeWorld;

namespace SchoolSight.Core.Tests.ImprovingOutcomes;

public abstract class ProgrammeOperationsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ProgrammeWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await RegisterData.CreateAsync(provider);
        _world = new ProgrammeWorld(_database, new TestClock(2026, 9, 7));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ACase_FromProposal_ToClosure_ThroughTheOperations()
    {
        var w = _world;
        var id = await w.ActiveCaseAsync();
        int meeting;
        await using (var db = w.As(Role.InterventionOfficer))
            meeting = Ok(await new ScheduleProgrammeMeeting(db).RunAsync(id, new ScheduleMeetingInput { ScheduledFor = new DateOnly(2026, 11, 4), Venue = "At the school" }));

        w.On(2026, 10, 21);
        await using (var db = w.As(Role.InterventionOfficer))
        {
            var view = (await new GetCase(db).RunAsync(id))!;
            var agenda = view.Deadlines.Single(d => d.Kind == DeadlineKind.Agenda);
            agenda.DueOn.ShouldBe(new DateOnly(2026, 10, 23)); // 28 October is in half-term
            agenda.StatusOn(view.Today).ShouldBe(DeadlineStatus.Due);
            Ok(await new RecordAgendaSent(db).RunAsync(id, meeting, new MeetingDateInput { On = new DateOnly(2026, 10, 21), Version = 1 }));
        }
        int actionId;
        await using (var db = w.As(Role.SchoolUser))
        {
            var view = (await new GetCase(db).RunAsync(id))!;
            actionId = view.Case.PlanActions.Single().Id;
            var noEvidence = await new SubmitProgressReport(db).RunAsync(id, meeting, new ProgressReportInput { Summary = "Going well, says the head.", Version = 2 });
            noEvidence.Errors.Single().Code.ShouldBe("programme.evidence-required");
            Ok(await new SubmitProgressReport(db).RunAsync(id, meeting, new ProgressReportInput
            {
                Summary = "Phonics improving.",
                PartnershipWork = "Cluster phonics network.",
                Version = 2,
                Evidence = [new EvidenceInput { PlanActionId = actionId, Evidence = "62% on track, up from 40%." }],
            }));
        }
        w.On(2026, 11, 4);
        await using (var db = w.As(Role.InterventionOfficer))
        {
            Ok(await new RecordMeetingHeld(db).RunAsync(id, meeting, new MeetingHeldInput { HeldOn = new DateOnly(2026, 11, 4), Attendance = "Head, chair, M&I, SIP", Decisions = "Carry on.", Judgement = ProgressJudgement.Good, Version = 3 }));
            var early = await new RecordMinutes(db).RunAsync(id, meeting, new MeetingDateInput { On = new DateOnly(2026, 11, 3), Version = 4 });
            early.Errors.Single().Message.ShouldBe("The day the minutes were circulated cannot be before the meeting was held.");
        }
        await using (var db = w.As(Role.InterventionOfficer))
            (await new RecordSipAgreement(db).RunAsync(id, meeting, new SipAgreementInput { Agrees = true, Version = 4 })).Errors.Single().Code.ShouldBe("programme.role");
        await using (var db = w.As(Role.SchoolImprovementPartner))
        {
            (await new RecordSipAgreement(db).RunAsync(id, meeting, new SipAgreementInput { Agrees = false, Version = 4 })).Errors.Single().Message.ShouldBe("Say why you do not agree with the progress judgement");
            Ok(await new RecordSipAgreement(db).RunAsync(id, meeting, new SipAgreementInput { Agrees = true, Comment = "Matches my visit of 28 October.", Version = 4 }));
        }
        w.On(2026, 11, 13);
        await using (var db = w.As(Role.InterventionOfficer))
        {
            Ok(await new RecordMinutes(db).RunAsync(id, meeting, new MeetingDateInput { On = new DateOnly(2026, 11, 13), Version = 5 }));
            var view = (await new GetCase(db).RunAsync(id))!;
            var minutes = view.Deadlines.Single(d => d.Kind == DeadlineKind.Minutes);
            minutes.DueOn.ShouldBe(new DateOnly(2026, 11, 11));
            minutes.StatusOn(view.Today).ShouldBe(DeadlineStatus.MetLate);
            view.Deadlines.Single(d => d.Kind == DeadlineKind.Agenda).StatusOn(view.Today).ShouldBe(DeadlineStatus.Met);
            Ok(await new RecordExitStrategy(db).RunAsync(id, new ExitStrategyInput { Summary = "Termly SIP visits.", AgreedWithSchoolOn = new DateOnly(2026, 11, 12), MonitoringLead = "Sidney Partner", Version = view.Case.Version }));
        }
        await using (var db = w.As(Role.InterventionOfficer))
        {
            var refused = await new MoveCase(db).RunAsync(id, new MoveCaseInput { Move = CaseMoveName.AgreeExit, Reason = "Ready.", Version = await w.VersionOf(id) });
            refused.Errors.Single().Message.ShouldBe("Only a senior management team member may agree the school's exit from the programme.");
        }
        await using (var db = w.As(Role.SeniorManager))
        {
            var stale = await new MoveCase(db).RunAsync(id, new MoveCaseInput { Move = CaseMoveName.AgreeExit, Reason = "Ready.", Version = 1 });
            stale.IsConflict.ShouldBeTrue();
            Ok(await new MoveCase(db).RunAsync(id, new MoveCaseInput { Move = CaseMoveName.AgreeExit, Reason = "Ready.", Version = await w.VersionOf(id) }));
        }
        await using (var db = w.As(Role.InterventionOfficer))
            Ok(await new MoveCase(db).RunAsync(id, new MoveCaseInput { Move = CaseMoveName.BeginMonitoring, Version = await w.VersionOf(id) }));

        w.On(2027, 2, 3);
        await using (var db = w.As(Role.SchoolImprovementPartner))
            Ok(await new RecordMonitoringVisit(db).RunAsync(id, new MonitoringVisitInput { VisitedOn = new DateOnly(2027, 2, 3), Findings = "Sustained.", ImprovementSustained = true }));
        await using (var db = w.As(Role.QualityAssuranceManager))
        {
            var early = await new MoveCase(db).RunAsync(id, new MoveCaseInput { Move = CaseMoveName.Close, Version = await w.VersionOf(id) });
            early.Errors.Single().Message.ShouldBe("Termly monitoring continues for at least two terms after exit: record a monitoring visit in the Summer term 2027 (2026/27).");
        }
        w.On(2027, 5, 5);
        await using (var db = w.As(Role.InterventionOfficer))
            Ok(await new RecordMonitoringVisit(db).RunAsync(id, new MonitoringVisitInput { VisitedOn = new DateOnly(2027, 5, 5), Findings = "Sustained.", ImprovementSustained = true }));
        await using (var db = w.As(Role.QualityAssuranceManager))
            Ok(await new MoveCase(db).RunAsync(id, new MoveCaseInput { Move = CaseMoveName.Close, Version = await w.VersionOf(id) }));

        await using (var db = w.As(Role.LaAdministrator))
        {
            var view = (await new GetCase(db).RunAsync(id))!;
            view.Case.State.ShouldBe(CaseState.Closed);
            view.Case.Decisions.Select(d => d.Move).ShouldBe([CaseMoveName.ProposeEntry, CaseMoveName.AgreeEntry, CaseMoveName.RecordBaseline, CaseMoveName.StartSupport, CaseMoveName.AgreeExit, CaseMoveName.BeginMonitoring, CaseMoveName.Close]);
            view.Case.Meetings.Single().Evidence.Single().PlanActionId.ShouldBe(actionId);
            view.Case.Meetings.Single().SipAgrees.ShouldBe(true);
            var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(ImprovingOutcomesCase) && a.EntityKey == id.ToString()).CountAsync();
            audited.ShouldBeGreaterThan(10);
            (await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CaseDecision) && a.UserName == Smt && a.SchoolUrn == null)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task TwoOfficersEditTheSameAction_TheSecondGetsAClearConflict_AndNothingIsOverwritten()
    {
        var id = await _world.ActiveCaseAsync();
        await using var first = _world.As(Role.InterventionOfficer, Officer);
        await using var second = _world.As(Role.InterventionOfficer, SecondOfficer);
        var action = (await new GetCase(first).RunAsync(id))!.Case.PlanActions.Single();
        var seenByBoth = action.Version;

        Ok(await new EditPlanAction(first).RunAsync(id, action.Id, new PlanActionInput { Description = action.Description, Owner = "Headteacher", DueOn = action.DueOn, SuccessCriteria = action.SuccessCriteria, Status = ActionStatus.OnTrack, Version = seenByBoth }));
        var late = await new EditPlanAction(second).RunAsync(id, action.Id, new PlanActionInput { Description = action.Description, Owner = "English lead", DueOn = action.DueOn, SuccessCriteria = action.SuccessCriteria, Status = ActionStatus.AtRisk, Version = seenByBoth });

        late.IsConflict.ShouldBeTrue();
        late.Errors.Single().Message.ShouldStartWith($"This action was changed by {Officer} at ");
        await using var check = _world.As(Role.InterventionOfficer);
        var saved = (await new GetCase(check).RunAsync(id))!.Case.PlanActions.Single();
        saved.Owner.ShouldBe("Headteacher");
        saved.Status.ShouldBe(ActionStatus.OnTrack);
    }

    [Fact]
    public async Task Spending_ThatOverspendsOrDoesNotBalance_IsRefused_AndNothingIsSaved()
    {
        var id = await _world.ActiveCaseAsync();
        await using (var db = _world.As(Role.InterventionOfficer))
        {
            var noBudget = await new AddSpendingLine(db).RunAsync(id, new SpendingInput { PlanActionId = 1, Description = "x", SpentOn = _world.Clock.Today, Total = 10, FromProgramme = 10 });
            noBudget.Errors.Single().Code.ShouldBe("programme.no-budget");
            Ok(await new SetCaseBudget(db).RunAsync(id, new BudgetInput { ProgrammeBudget = 1000m, SchoolContribution = 200m, Version = await _world.VersionOf(id) }));
        }
        await using (var db = _world.As(Role.InterventionOfficer))
        {
            var action = (await new GetCase(db).RunAsync(id))!.Case.PlanActions.Single().Id;
            (await new AddSpendingLine(db).RunAsync(id, new SpendingInput { PlanActionId = action, Description = "Training", SpentOn = _world.Clock.Today, Total = 500m, FromProgramme = 400m, FromSchool = 50m }))
                .Errors.Single().Code.ShouldBe("programme.unbalanced");
            (await new AddSpendingLine(db).RunAsync(id, new SpendingInput { PlanActionId = action, Description = "Training", SpentOn = _world.Clock.Today, Total = 1100m, FromProgramme = 1100m }))
                .Errors.Single().Message.ShouldBe("This would overspend the programme budget: £1,000.00 remains.");
            (await new AddSpendingLine(db).RunAsync(id, new SpendingInput { PlanActionId = action, Description = "Training", SpentOn = _world.Clock.Today, Total = 10.005m, FromProgramme = 10.005m }))
                .Errors.Single().Code.ShouldBe("programme.amount");
            Ok(await new AddSpendingLine(db).RunAsync(id, new SpendingInput { PlanActionId = action, Description = "Training", SpentOn = _world.Clock.Today, Total = 950m, FromProgramme = 800m, FromSchool = 150m }));
        }
        await using (var db = _world.As(Role.InterventionOfficer))
        {
            var c = (await new GetCase(db).RunAsync(id))!.Case;
            c.Spending.Count.ShouldBe(1);
            c.ProgrammeRemaining.ShouldBe(200m);
            c.SchoolContributionRemaining.ShouldBe(50m);
        }
    }

    [Fact]
    public async Task ASchoolUser_SeesOnlyTheirOwnSchoolsCase()
    {
        var own = await _world.ActiveCaseAsync(School);
        var other = await _world.ActiveCaseAsync(OtherSchool);
        await using var db = _world.As(Role.SchoolUser, urn: School);
        (await new GetCase(db).RunAsync(own)).ShouldNotBeNull();
        (await new GetCase(db).RunAsync(other)).ShouldBeNull();
        (await new ListProgrammeCases(db).RunAsync()).Select(r => r.Id).ShouldBe([own]);
        (await new AddPlanAction(db).RunAsync(other, new PlanActionInput { Description = "x", Owner = "y", DueOn = _world.Clock.Today, SuccessCriteria = "5 things" })).IsNotFound.ShouldBeTrue();
        await using var governor = _world.As(Role.Governor, "governor@demo-borough.example", School);
        (await new AddPlanAction(governor).RunAsync(own, new PlanActionInput { Description = "x", Owner = "y", DueOn = _world.Clock.Today, SuccessCriteria = "5 things" }))
            .Errors.Single().Code.ShouldBe("programme.role");
    }

    [Fact]
    public async Task OneOpenCasePerSchool_AndClosedSchoolsCannotEnter()
    {
        await _world.ActiveCaseAsync(School);
        await using var db = _world.As(Role.InterventionOfficer);
        var again = await new ProposeEntry(db).RunAsync(new ProposeEntryInput { Urn = School, Tier = SupportTier.Targeted, Ground = ConcernGround.SafetyThreatened, Concerns = "x", CaseOfficerName = "M", CaseOfficerEmail = Officer });
        again.Errors.Single().Code.ShouldBe("programme.open-case");
        var closed = await new ProposeEntry(db).RunAsync(new ProposeEntryInput { Urn = RegisterData.FirstUrn + 9, Tier = SupportTier.Targeted, Ground = ConcernGround.SafetyThreatened, Concerns = "x", CaseOfficerName = "M", CaseOfficerEmail = Officer });
        closed.Errors.Single().Code.ShouldBe("programme.school-closed");
        var missing = await new ProposeEntry(db).RunAsync(new ProposeEntryInput());
        missing.Errors.Select(e => e.Field).ShouldBe(["Urn", "Tier", "Ground"]);
    }

    [Fact]
    public async Task TwoOfficersProposingTheSameSchoolAtOnce_LeaveOneOpenCase_AndTheSecondIsToldWhy()
    {
        ProposeEntryInput Proposal(string officer) => new() { Urn = OtherSchool, Tier = SupportTier.Targeted, Ground = ConcernGround.SafetyThreatened, Concerns = "x", CaseOfficerName = "M", CaseOfficerEmail = officer };

        // The second officer's proposal is saved after the first has checked for an open case and before it saves.
        await using var first = _world.As(Role.InterventionOfficer, urn: null, interceptors: new AfterTheCheck(async () =>
        {
            await using var second = _world.As(Role.QualityAssuranceManager);
            (await new ProposeEntry(second).RunAsync(Proposal(Qa))).Errors.ShouldBeEmpty();
        }));
        var late = await new ProposeEntry(first).RunAsync(Proposal(Officer));

        late.Errors.Single().Code.ShouldBe("programme.open-case");
        await using var check = _world.As(Role.LaAdministrator);
        (await check.ProgrammeCases.CountAsync(c => c.Urn == OtherSchool && c.State != CaseState.Closed)).ShouldBe(1);
    }

    /// <summary>Runs <paramref name="action"/> once, just after this context has checked for an open case (and before it saves).</summary>
    private sealed class AfterTheCheck(Func<Task> action) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private bool _done;

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> DataReaderClosingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.DataReaderClosingEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
        {
            if (!_done && command.CommandText.Contains("ProgrammeCases", StringComparison.Ordinal))
            {
                _done = true;
                await action();
            }
            return result;
        }
    }

    [Fact]
    public async Task TheCalendar_HasTheEnglandDefault_AndOnlyAnAdministratorChangesIt_WithoutOverlaps()
    {
        await using var admin = _world.As(Role.LaAdministrator);
        var terms = await new ListSchoolTerms(admin).RunAsync();
        terms.Count.ShouldBe(EnglandTermDates.Default.Count);
        var autumn = terms.Single(t => t.AcademicYear == 2026 && t.Name == TermName.Autumn);
        var input = new TermInput { Starts = new DateOnly(2026, 9, 2), HalfTermStarts = new DateOnly(2026, 10, 26), HalfTermEnds = new DateOnly(2026, 10, 30), Ends = new DateOnly(2026, 12, 18), Version = autumn.Version };

        await using (var officer = _world.As(Role.InterventionOfficer))
            (await new EditSchoolTerm(officer).RunAsync(autumn.Id, input)).Errors.Single().Code.ShouldBe("calendar.role");
        (await new EditSchoolTerm(admin).RunAsync(autumn.Id, input with { Ends = new DateOnly(2027, 1, 5) })).Errors.Single().Code.ShouldBe("calendar.overlap");
        Ok(await new EditSchoolTerm(admin).RunAsync(autumn.Id, input));
        (await new EditSchoolTerm(admin).RunAsync(autumn.Id, input)).IsConflict.ShouldBeTrue();
        (await admin.LoadCalendarAsync()).IsSchoolDay(new DateOnly(2026, 9, 2)).ShouldBeTrue();

        var added = await new AddSchoolTerm(admin).RunAsync(2028, TermName.Autumn, new TermInput { Starts = new DateOnly(2028, 9, 4), HalfTermStarts = new DateOnly(2028, 10, 23), HalfTermEnds = new DateOnly(2028, 10, 27), Ends = new DateOnly(2028, 12, 20) });
        Ok(added);
        (await new AddSchoolTerm(admin).RunAsync(2028, TermName.Autumn, new TermInput { Starts = new DateOnly(2028, 9, 4), HalfTermStarts = new DateOnly(2028, 10, 23), HalfTermEnds = new DateOnly(2028, 10, 27), Ends = new DateOnly(2028, 12, 20) }))
            .Errors.Single().Code.ShouldBe("calendar.exists");
    }

    [Fact]
    public async Task AWarningNotice_IsDraftedFromTheTemplate_ApprovedByTheSmt_AndIssuedAsAPdfLetter()
    {
        var w = _world;
        var id = await w.ActiveCaseAsync(started: new DateOnly(2025, 9, 8));
        foreach (var day in new[] { new DateOnly(2025, 11, 12), new DateOnly(2026, 2, 4), new DateOnly(2026, 5, 13) })
        {
            w.On(day.Year, day.Month, day.Day);
            int meeting;
            await using var db = w.As(Role.InterventionOfficer);
            meeting = Ok(await new ScheduleProgrammeMeeting(db).RunAsync(id, new ScheduleMeetingInput { ScheduledFor = day, Venue = "At the school" }));
            Ok(await new RecordMeetingHeld(db).RunAsync(id, meeting, new MeetingHeldInput { HeldOn = day, Attendance = "Head, chair, M&I", Decisions = "Escalate.", Judgement = ProgressJudgement.Insufficient, Version = 1 }));
        }
        w.On(2026, 7, 23);
        int notice;
        await using (var db = w.As(Role.InterventionOfficer))
        {
            notice = Ok(await new DraftWarningNotice(db).RunAsync(id, new WarningNoticeInput { Grounds = "Reading outcomes remain far below the floor.", RequiredActions = "Appoint a reading lead by half-term.", ComplyBy = new DateOnly(2026, 10, 16) }));
            var draft = (await new GetCase(db).RunAsync(id))!.Case.WarningNotices.Single();
            draft.Letter.ShouldContain("To the Chair of the Governing Body of Millbrook Primary School");
            draft.Letter.ShouldContain("Appoint a reading lead by half-term.");
        }
        await using var renderer = new ChromiumPdfRenderer();
        await using (var db = w.As(Role.InterventionOfficer))
            (await new IssueWarningNotice(db, renderer, new PeopleNames(db)).RunAsync(id, notice, 1)).Errors.Single().Code.ShouldBe("programme.warning-status");
        await using (var db = w.As(Role.SeniorManager))
            Ok(await new ApproveWarningNotice(db).RunAsync(id, notice, new ApprovalInput { Note = "Approved at SMT.", Version = 1 }));
        await using (var db = w.As(Role.InterventionOfficer))
            Ok(await new IssueWarningNotice(db, renderer, new PeopleNames(db)).RunAsync(id, notice, 2));
        await using (var db = w.As(Role.SchoolUser))
        {
            var c = (await new GetCase(db).RunAsync(id))!.Case;
            var issued = c.WarningNotices.Single();
            issued.Status.ShouldBe(WarningNoticeStatus.Issued);
            PdfText.LooksLikePdf(issued.IssuedPdf!).ShouldBeTrue();
            var text = await PdfText.ExtractAsync(issued.IssuedPdf!);
            text.ShouldContain("Formal warning notice");
            text.ShouldContain("Millbrook Primary School");
            text.ShouldContain("Appoint a reading lead by half-term.");
            text.ShouldContain("16 October 2026");
            c.Powers.Single().Power.ShouldBe(StatutoryPower.WarningNotice);
        }
    }

    [Fact]
    public async Task TheQuarterlyReport_CoversEveryProgrammeSchool_AsAPdfAndASafeSpreadsheet()
    {
        var id = await _world.ActiveCaseAsync();
        await using (var db = _world.As(Role.InterventionOfficer))
            Ok(await new ProposeEntry(db).RunAsync(new ProposeEntryInput { Urn = OtherSchool, Tier = SupportTier.Intensive, Ground = ConcernGround.SafetyThreatened, Concerns = "Safeguarding audit.", CaseOfficerName = "=HYPERLINK(\"http://x\")", CaseOfficerEmail = Officer }));
        _world.On(2026, 11, 23);
        await using var qa = _world.As(Role.QualityAssuranceManager);
        var report = await new GetQuarterlyReport(qa).RunAsync(GetQuarterlyReport.Quarter.Of(new DateOnly(2026, 11, 23)));
        report.Quarter.Title.ShouldBe("October to December 2026");
        report.Rows.Count.ShouldBe(2);
        report.Rows.Single(r => r.CaseId == id).Tier.ShouldBe("Tier 1: targeted support");
        (await new GetQuarterlyReport(qa).RunAsync(new GetQuarterlyReport.Quarter(2026, 2))).Rows.ShouldBeEmpty();

        var excel = GetQuarterlyReport.Excel(report);
        using var stream = new MemoryStream(excel);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(2);
        rows.Select(r => r["Case officer"]?.ToString()).ShouldContain("'=HYPERLINK(\"http://x\")");

        await using var renderer = new ChromiumPdfRenderer();
        var pdf = await renderer.RenderAsync(GetQuarterlyReport.Html(report, "Demo Borough"));
        PdfText.LooksLikePdf(pdf).ShouldBeTrue();
        var text = await PdfText.ExtractAsync(pdf);
        text.ShouldContain("quarterly report to the SMT");
        text.ShouldContain("October to December 2026");
        text.ShouldContain("Millbrook Primary School");
    }
}

public sealed class ProgrammeOperationsTests_Sqlite() : ProgrammeOperationsTests(DatabaseProvider.Sqlite);
public sealed class ProgrammeOperationsTests_Postgres() : ProgrammeOperationsTests(DatabaseProvider.Postgres);
