using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OfstedReportCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Grade",
                table: "SchoolJudgements",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);

            migrationBuilder.AddColumn<string>(
                name: "ReportCardGrade",
                table: "SchoolJudgements",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome_Achievement",
                table: "OfstedInspections",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome_AttendanceAndBehaviour",
                table: "OfstedInspections",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome_CurriculumAndTeaching",
                table: "OfstedInspections",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome_EarlyYearsReportCard",
                table: "OfstedInspections",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome_Inclusion",
                table: "OfstedInspections",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome_LeadershipAndGovernance",
                table: "OfstedInspections",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome_PersonalDevelopmentAndWellbeing",
                table: "OfstedInspections",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome_SixthFormReportCard",
                table: "OfstedInspections",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportCardGrade",
                table: "SchoolJudgements");

            migrationBuilder.DropColumn(
                name: "Outcome_Achievement",
                table: "OfstedInspections");

            migrationBuilder.DropColumn(
                name: "Outcome_AttendanceAndBehaviour",
                table: "OfstedInspections");

            migrationBuilder.DropColumn(
                name: "Outcome_CurriculumAndTeaching",
                table: "OfstedInspections");

            migrationBuilder.DropColumn(
                name: "Outcome_EarlyYearsReportCard",
                table: "OfstedInspections");

            migrationBuilder.DropColumn(
                name: "Outcome_Inclusion",
                table: "OfstedInspections");

            migrationBuilder.DropColumn(
                name: "Outcome_LeadershipAndGovernance",
                table: "OfstedInspections");

            migrationBuilder.DropColumn(
                name: "Outcome_PersonalDevelopmentAndWellbeing",
                table: "OfstedInspections");

            migrationBuilder.DropColumn(
                name: "Outcome_SixthFormReportCard",
                table: "OfstedInspections");

            migrationBuilder.AlterColumn<string>(
                name: "Grade",
                table: "SchoolJudgements",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60,
                oldNullable: true);
        }
    }
}
