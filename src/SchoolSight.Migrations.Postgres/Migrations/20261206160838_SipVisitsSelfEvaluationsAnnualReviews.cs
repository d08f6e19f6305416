using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SipVisitsSelfEvaluationsAnnualReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HealthySchoolsAnnualReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CriteriaVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SelfValidatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SelfValidatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ModerationDrawId = table.Column<int>(type: "integer", nullable: true),
                    Moderator = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ModerationOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ModerationComments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ModeratedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Confirmations = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthySchoolsAnnualReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthySchoolsAnnualReviews_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HealthySchoolsModerationDraws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    Share = table.Column<double>(type: "double precision", nullable: false),
                    Method = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Population = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Drawn = table.Column<List<int>>(type: "integer[]", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthySchoolsModerationDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HealthySchoolStatuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LapsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthySchoolStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthySchoolStatuses_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LaSelfEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    StandardsVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    State = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SignedOffBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SignedOffAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignOffReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaSelfEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalOfstedCounts",
                columns: table => new
                {
                    LaCode = table.Column<int>(type: "integer", nullable: false),
                    LaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Schools = table.Column<int>(type: "integer", nullable: false),
                    InCategory = table.Column<int>(type: "integer", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalOfstedCounts", x => x.LaCode);
                });

            migrationBuilder.CreateTable(
                name: "PlanPriorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanPriorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SipProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    HasHeadshipExperience = table.Column<bool>(type: "boolean", nullable: false),
                    HeadshipPhase = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SipProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_SipProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SipVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SipUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SipName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PreviousVisitId = table.Column<int>(type: "integer", nullable: true),
                    GroupMeetingId = table.Column<int>(type: "integer", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Targets = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ProgressTowardsTargets = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    KeyStrengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Priorities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Robustness = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    EvidenceBase = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TargetsInLineWithGuidance = table.Column<bool>(type: "boolean", nullable: true),
                    TrackingAccurate = table.Column<bool>(type: "boolean", nullable: true),
                    Challenge = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RespondedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SchoolComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Timely = table.Column<bool>(type: "boolean", nullable: true),
                    AccurateAndEvidenced = table.Column<bool>(type: "boolean", nullable: true),
                    IssuesForActionWithTimescale = table.Column<bool>(type: "boolean", nullable: true),
                    EvidenceOfChallenge = table.Column<bool>(type: "boolean", nullable: true),
                    AgendaForAction = table.Column<bool>(type: "boolean", nullable: true),
                    ClearFormat = table.Column<bool>(type: "boolean", nullable: true),
                    FeedsRiskRegister = table.Column<bool>(type: "boolean", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Actions = table.Column<string>(type: "jsonb", nullable: false),
                    EarlierActions = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SipVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SipVisits_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WellbeingSelfEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NamedGroups = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcomes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WellbeingSelfEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WellbeingSelfEvaluations_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LaStandardRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelfEvaluationId = table.Column<long>(type: "bigint", nullable: false),
                    StandardId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Phase = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Rating = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CriteriaMet = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ComputedFigures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExternalRating = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ExternalNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaStandardRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaStandardRatings_LaSelfEvaluations_SelfEvaluationId",
                        column: x => x.SelfEvaluationId,
                        principalTable: "LaSelfEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SipPairedVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    VisitId = table.Column<int>(type: "integer", nullable: true),
                    SipUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SipName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AdviserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AdviserUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    LengthOfVisit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Programme = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChallengeGrade = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ChallengeEvidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    TargetSettingGrade = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    TargetSettingEvidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    BrokeringSupportGrade = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    BrokeringSupportEvidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportGrade = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ReportEvidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OverallEffectivenessGrade = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    OverallEffectivenessEvidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    HeadFeedback = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Strengths = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AreasForDevelopment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SummarySentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SipPairedVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SipPairedVisits_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SipPairedVisits_SipVisits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "SipVisits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HealthySchoolsAnnualReviews_Urn_Year",
                table: "HealthySchoolsAnnualReviews",
                columns: new[] { "Urn", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthySchoolsAnnualReviews_Year",
                table: "HealthySchoolsAnnualReviews",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_HealthySchoolsModerationDraws_Year",
                table: "HealthySchoolsModerationDraws",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthySchoolStatuses_Urn",
                table: "HealthySchoolStatuses",
                column: "Urn",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LaSelfEvaluations_AcademicYear",
                table: "LaSelfEvaluations",
                column: "AcademicYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LaStandardRatings_SelfEvaluationId_StandardId_Phase",
                table: "LaStandardRatings",
                columns: new[] { "SelfEvaluationId", "StandardId", "Phase" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SipPairedVisits_SipUserId_VisitedOn",
                table: "SipPairedVisits",
                columns: new[] { "SipUserId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SipPairedVisits_Urn",
                table: "SipPairedVisits",
                column: "Urn");

            migrationBuilder.CreateIndex(
                name: "IX_SipPairedVisits_VisitId",
                table: "SipPairedVisits",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_SipVisits_AcademicYear_Status",
                table: "SipVisits",
                columns: new[] { "AcademicYear", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SipVisits_SipUserId",
                table: "SipVisits",
                column: "SipUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SipVisits_Urn_VisitedOn",
                table: "SipVisits",
                columns: new[] { "Urn", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WellbeingSelfEvaluations_AcademicYear",
                table: "WellbeingSelfEvaluations",
                column: "AcademicYear");

            migrationBuilder.CreateIndex(
                name: "IX_WellbeingSelfEvaluations_Urn_AcademicYear",
                table: "WellbeingSelfEvaluations",
                columns: new[] { "Urn", "AcademicYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthySchoolsAnnualReviews");

            migrationBuilder.DropTable(
                name: "HealthySchoolsModerationDraws");

            migrationBuilder.DropTable(
                name: "HealthySchoolStatuses");

            migrationBuilder.DropTable(
                name: "LaStandardRatings");

            migrationBuilder.DropTable(
                name: "NationalOfstedCounts");

            migrationBuilder.DropTable(
                name: "PlanPriorities");

            migrationBuilder.DropTable(
                name: "SipPairedVisits");

            migrationBuilder.DropTable(
                name: "SipProfiles");

            migrationBuilder.DropTable(
                name: "WellbeingSelfEvaluations");

            migrationBuilder.DropTable(
                name: "LaSelfEvaluations");

            migrationBuilder.DropTable(
                name: "SipVisits");
        }
    }
}
