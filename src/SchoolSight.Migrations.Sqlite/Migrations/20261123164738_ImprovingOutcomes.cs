using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImprovingOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProgrammeCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Concerns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CaseOfficerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CaseOfficerEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EntryAgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActiveSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExitAgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlanKind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    PlanTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PlanNotRobustReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProgrammeBudget = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    SchoolContribution = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Communications_GovernorsToldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Communications_LaTeamsToldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Communications_ParentsCommunication = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Communications_StaffToldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeCases_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadlineKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchoolTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Starts = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HalfTermStarts = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HalfTermEnds = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Ends = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeCaseBaselines",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AreasForImprovement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeCaseBaselines", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_ProgrammeCaseBaselines_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeCaseDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Move = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ByRole = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeCaseDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeCaseDecisions_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeCaseExitStrategies",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreedWithSchoolOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MonitoringLead = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sustainability = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeCaseExitStrategies", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_ProgrammeCaseExitStrategies_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeGroupMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProgressReviewed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SipAttended = table.Column<bool>(type: "INTEGER", nullable: false),
                    LaOfficerAttended = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeGroupMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeGroupMeetings_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeGroupMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeGroupMembers_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledFor = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Venue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AtSchool = table.Column<bool>(type: "INTEGER", nullable: false),
                    NotAtSchoolReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AgendaSentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProgressReportSubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProgressReportSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PartnershipWork = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProgressReportBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RevisedActionsAndTargets = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Judgement = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    MinutesCirculatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SipAgrees = table.Column<bool>(type: "INTEGER", nullable: true),
                    SipComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SipAgreementBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SipAgreementOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProfessionalsMeetingOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProfessionalsMeetingNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportedToGoverningBodyOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GoverningBodyFeedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeMeetings_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeMonitoringVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VisitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VisitorRole = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ImprovementSustained = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeMonitoringVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeMonitoringVisits_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammePlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SuccessCriteria = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ProgressNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammePlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammePlanActions_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeStatutoryPowers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Power = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ProposedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeStatutoryPowers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeStatutoryPowers_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeWarningNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequiredActions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ComplyBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    DraftedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DraftedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovalNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IssuedPdf = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeWarningNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeWarningNotices_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeProgressEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeProgressEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeProgressEvidence_ProgrammeMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "ProgrammeMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeProgressEvidence_ProgrammePlanActions_PlanActionId",
                        column: x => x.PlanActionId,
                        principalTable: "ProgrammePlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeSpendingLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanActionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SpentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    FromProgramme = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    FromSchool = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeSpendingLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeSpendingLines_ProgrammeCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "ProgrammeCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeSpendingLines_ProgrammePlanActions_PlanActionId",
                        column: x => x.PlanActionId,
                        principalTable: "ProgrammePlanActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeCaseDecisions_CaseId",
                table: "ProgrammeCaseDecisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeCases_Urn_State",
                table: "ProgrammeCases",
                columns: new[] { "Urn", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeGroupMeetings_CaseId",
                table: "ProgrammeGroupMeetings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeGroupMembers_CaseId",
                table: "ProgrammeGroupMembers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeMeetings_CaseId",
                table: "ProgrammeMeetings",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeMonitoringVisits_CaseId",
                table: "ProgrammeMonitoringVisits",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammePlanActions_CaseId_Number",
                table: "ProgrammePlanActions",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeProgressEvidence_MeetingId",
                table: "ProgrammeProgressEvidence",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeProgressEvidence_PlanActionId",
                table: "ProgrammeProgressEvidence",
                column: "PlanActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeReminders_CaseId",
                table: "ProgrammeReminders",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeReminders_DeadlineKey_Kind_DueOn_Recipient",
                table: "ProgrammeReminders",
                columns: new[] { "DeadlineKey", "Kind", "DueOn", "Recipient" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSpendingLines_CaseId",
                table: "ProgrammeSpendingLines",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeSpendingLines_PlanActionId",
                table: "ProgrammeSpendingLines",
                column: "PlanActionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeStatutoryPowers_CaseId",
                table: "ProgrammeStatutoryPowers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeWarningNotices_CaseId",
                table: "ProgrammeWarningNotices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolTerms_AcademicYear_Name",
                table: "SchoolTerms",
                columns: new[] { "AcademicYear", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProgrammeCaseBaselines");

            migrationBuilder.DropTable(
                name: "ProgrammeCaseDecisions");

            migrationBuilder.DropTable(
                name: "ProgrammeCaseExitStrategies");

            migrationBuilder.DropTable(
                name: "ProgrammeGroupMeetings");

            migrationBuilder.DropTable(
                name: "ProgrammeGroupMembers");

            migrationBuilder.DropTable(
                name: "ProgrammeMonitoringVisits");

            migrationBuilder.DropTable(
                name: "ProgrammeProgressEvidence");

            migrationBuilder.DropTable(
                name: "ProgrammeReminders");

            migrationBuilder.DropTable(
                name: "ProgrammeSpendingLines");

            migrationBuilder.DropTable(
                name: "ProgrammeStatutoryPowers");

            migrationBuilder.DropTable(
                name: "ProgrammeWarningNotices");

            migrationBuilder.DropTable(
                name: "SchoolTerms");

            migrationBuilder.DropTable(
                name: "ProgrammeMeetings");

            migrationBuilder.DropTable(
                name: "ProgrammePlanActions");

            migrationBuilder.DropTable(
                name: "ProgrammeCases");
        }
    }
}
