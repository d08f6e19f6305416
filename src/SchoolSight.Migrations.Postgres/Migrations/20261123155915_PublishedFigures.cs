using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
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
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    Outcome_BehaviourAndAttitudes = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_CategoryOfConcern = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_EarlyYears = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_InspectionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome_InspectionNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Outcome_InspectionType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Outcome_LeadershipAndManagement = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_OverallEffectiveness = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_PersonalDevelopment = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_PreviousCategoryOfConcern = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_PreviousInspectionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome_PreviousOverallEffectiveness = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_PublicationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome_QualityOfEducation = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_SafeguardingEffective = table.Column<bool>(type: "boolean", nullable: true),
                    Outcome_SixthForm = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Outcome_UngradedInspectionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome_UngradedOutcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfstedInspections", x => x.Urn);
                });

            migrationBuilder.CreateTable(
                name: "PublishedFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AreaKind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AreaCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Marker = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
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
