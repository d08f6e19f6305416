using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OnlineSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SurveyWindows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    YearGroups = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Parents = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuestionnaireVersion = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedEarlyOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyCodes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WindowId = table.Column<long>(type: "INTEGER", nullable: false),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Respondent = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    YearGroup = table.Column<byte>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Answers = table.Column<byte[]>(type: "BLOB", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Saves = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyCodes_SurveyWindows_WindowId",
                        column: x => x.WindowId,
                        principalTable: "SurveyWindows",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCodes_Code",
                table: "SurveyCodes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCodes_WindowId_YearGroup",
                table: "SurveyCodes",
                columns: new[] { "WindowId", "YearGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyWindows_Urn_AcademicYear",
                table: "SurveyWindows",
                columns: new[] { "Urn", "AcademicYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveyCodes");

            migrationBuilder.DropTable(
                name: "SurveyWindows");
        }
    }
}
