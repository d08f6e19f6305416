using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LaSelfEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LaSelfEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    StandardsVersion = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SignedOffBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SignedOffAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignOffReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaSelfEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalOfstedCounts",
                columns: table => new
                {
                    LaCode = table.Column<int>(type: "INTEGER", nullable: false),
                    LaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Schools = table.Column<int>(type: "INTEGER", nullable: false),
                    InCategory = table.Column<int>(type: "INTEGER", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalOfstedCounts", x => x.LaCode);
                });

            migrationBuilder.CreateTable(
                name: "LaStandardRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SelfEvaluationId = table.Column<long>(type: "INTEGER", nullable: false),
                    StandardId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CriteriaMet = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ComputedFigures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExternalRating = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ExternalNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LaStandardRatings");

            migrationBuilder.DropTable(
                name: "NationalOfstedCounts");

            migrationBuilder.DropTable(
                name: "LaSelfEvaluations");
        }
    }
}
