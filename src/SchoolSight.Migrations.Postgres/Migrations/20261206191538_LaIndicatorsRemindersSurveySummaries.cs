using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SentReminders",
                table: "SentReminders",
                column: "Id");

            migrationBuilder.CreateTable(
                name: "LaIndicatorFigures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Measure = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    YearOrder = table.Column<int>(type: "integer", nullable: false),
                    Area = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    AreaCode = table.Column<int>(type: "integer", nullable: false),
                    AreaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Marker = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaIndicatorFigures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatisticalNeighbours",
                columns: table => new
                {
                    LaCode = table.Column<int>(type: "integer", nullable: false),
                    Codes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticalNeighbours", x => x.LaCode);
                });

            migrationBuilder.CreateTable(
                name: "SurveySummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ProgrammeReminders",
                table: "ProgrammeReminders",
                column: "Id");
        }
    }
}
