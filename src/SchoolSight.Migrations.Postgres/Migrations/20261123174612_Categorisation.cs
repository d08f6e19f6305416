using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Categorisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RuleSets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Version = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AdoptedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AdoptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AdoptionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchoolConcerns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RaisedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolConcerns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolConcerns_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchoolJudgements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Area = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Grade = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    JudgedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolJudgements_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LevelProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    RuleSetId = table.Column<long>(type: "bigint", nullable: false),
                    RuleSetVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ProposedLevel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NeedsReview = table.Column<bool>(type: "boolean", nullable: false),
                    Explanation = table.Column<string>(type: "text", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LevelProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LevelProposals_RuleSets_RuleSetId",
                        column: x => x.RuleSetId,
                        principalTable: "RuleSets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LevelProposals_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchoolLevels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PreviousLevel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ProposedLevel = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ProposalId = table.Column<long>(type: "bigint", nullable: true),
                    RuleSetVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedByRole = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolLevels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolLevels_LevelProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "LevelProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchoolLevels_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LevelProposals_RuleSetId",
                table: "LevelProposals",
                column: "RuleSetId");

            migrationBuilder.CreateIndex(
                name: "IX_LevelProposals_Urn_Status",
                table: "LevelProposals",
                columns: new[] { "Urn", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RuleSets_Version",
                table: "RuleSets",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolConcerns_Urn_ClosedOn",
                table: "SchoolConcerns",
                columns: new[] { "Urn", "ClosedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SchoolJudgements_Urn_AcademicYear_Source_Area",
                table: "SchoolJudgements",
                columns: new[] { "Urn", "AcademicYear", "Source", "Area" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SchoolLevels_ProposalId",
                table: "SchoolLevels",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolLevels_Urn_DecidedAt",
                table: "SchoolLevels",
                columns: new[] { "Urn", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchoolConcerns");

            migrationBuilder.DropTable(
                name: "SchoolJudgements");

            migrationBuilder.DropTable(
                name: "SchoolLevels");

            migrationBuilder.DropTable(
                name: "LevelProposals");

            migrationBuilder.DropTable(
                name: "RuleSets");
        }
    }
}
