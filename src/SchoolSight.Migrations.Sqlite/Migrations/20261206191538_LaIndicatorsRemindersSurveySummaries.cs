using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LaIndicatorsRemindersSurveySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ProgrammeReminders",
                table: "ProgrammeReminders");

            migrationBuilder.RenameTable(
                name: "ProgrammeReminders",
                newName: "SentReminders");

            migrationBuilder.RenameIndex(
                name: "IX_ProgrammeReminders_DeadlineKey_Kind_DueOn_Recipient",
                table: "SentReminders",
                newName: "IX_SentReminders_DeadlineKey_Kind_DueOn_Recipient");

            migrationBuilder.RenameIndex(
                name: "IX_ProgrammeReminders_CaseId",
                table: "SentReminders",
                newName: "IX_SentReminders_CaseId");

            migrationBuilder.AlterColumn<int>(
                name: "CaseId",
                table: "SentReminders",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SentReminders",
                table: "SentReminders",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "LaIndicatorFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    YearOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    AreaCode = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Marker = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaIndicatorFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatisticalNeighbours",
                columns: table => new
                {
                    LaCode = table.Column<int>(type: "INTEGER", nullable: false),
                    Codes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticalNeighbours", x => x.LaCode);
                });

            migrationBuilder.CreateTable(
                name: "SurveySummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveySummaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveySummaries_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LaIndicatorFigures_Measure_Year_AreaCode",
                table: "LaIndicatorFigures",
                columns: new[] { "Measure", "Year", "AreaCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveySummaries_Urn_AcademicYear",
                table: "SurveySummaries",
                columns: new[] { "Urn", "AcademicYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LaIndicatorFigures");

            migrationBuilder.DropTable(
                name: "StatisticalNeighbours");

            migrationBuilder.DropTable(
                name: "SurveySummaries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SentReminders",
                table: "SentReminders");

            migrationBuilder.RenameTable(
                name: "SentReminders",
                newName: "ProgrammeReminders");

            migrationBuilder.RenameIndex(
                name: "IX_SentReminders_DeadlineKey_Kind_DueOn_Recipient",
                table: "ProgrammeReminders",
                newName: "IX_ProgrammeReminders_DeadlineKey_Kind_DueOn_Recipient");

            migrationBuilder.RenameIndex(
                name: "IX_SentReminders_CaseId",
                table: "ProgrammeReminders",
                newName: "IX_ProgrammeReminders_CaseId");

            migrationBuilder.AlterColumn<int>(
                name: "CaseId",
                table: "ProgrammeReminders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProgrammeReminders",
                table: "ProgrammeReminders",
                column: "Id");
        }
    }
}
