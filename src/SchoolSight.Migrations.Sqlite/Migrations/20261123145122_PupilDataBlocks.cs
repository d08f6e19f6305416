using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PupilDataBlocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PupilDataBlocks",
                columns: table => new
                {
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    PupilCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    PupilRefs = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilDataBlocks", x => new { x.Urn, x.AcademicYear });
                });

            migrationBuilder.CreateTable(
                name: "SurveyDataBlocks",
                columns: table => new
                {
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyDataBlocks", x => new { x.Urn, x.AcademicYear });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PupilDataBlocks_AcademicYear",
                table: "PupilDataBlocks",
                column: "AcademicYear");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyDataBlocks_AcademicYear",
                table: "SurveyDataBlocks",
                column: "AcademicYear");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PupilDataBlocks");

            migrationBuilder.DropTable(
                name: "SurveyDataBlocks");
        }
    }
}
