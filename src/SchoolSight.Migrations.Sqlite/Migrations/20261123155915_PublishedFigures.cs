using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PublishedFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OfstedInspections",
                columns: table => new
                {
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome_BehaviourAndAttitudes = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_CategoryOfConcern = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_EarlyYears = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_InspectionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome_InspectionNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Outcome_InspectionType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Outcome_LeadershipAndManagement = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_OverallEffectiveness = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_PersonalDevelopment = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_PreviousCategoryOfConcern = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_PreviousInspectionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome_PreviousOverallEffectiveness = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_PublicationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome_QualityOfEducation = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_SafeguardingEffective = table.Column<bool>(type: "INTEGER", nullable: true),
                    Outcome_SixthForm = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Outcome_UngradedInspectionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome_UngradedOutcome = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfstedInspections", x => x.Urn);
                });

            migrationBuilder.CreateTable(
                name: "PublishedFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AreaKind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Marker = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublishedFigures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OfstedInspections_ImportId",
                table: "OfstedInspections",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedFigures_AreaKind_AreaCode_AcademicYear_Measure",
                table: "PublishedFigures",
                columns: new[] { "AreaKind", "AreaCode", "AcademicYear", "Measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublishedFigures_ImportId",
                table: "PublishedFigures",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedFigures_Measure_AcademicYear",
                table: "PublishedFigures",
                columns: new[] { "Measure", "AcademicYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OfstedInspections");

            migrationBuilder.DropTable(
                name: "PublishedFigures");
        }
    }
}
