using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
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
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    PupilCount = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    PupilRefs = table.Column<byte[]>(type: "bytea", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PupilDataBlocks", x => new { x.Urn, x.AcademicYear });
                });

            migrationBuilder.CreateTable(
                name: "SurveyDataBlocks",
                columns: table => new
                {
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    RespondentCount = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
