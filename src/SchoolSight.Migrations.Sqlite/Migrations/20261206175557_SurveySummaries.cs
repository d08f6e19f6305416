using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SurveySummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_SurveySummaries_Urn_AcademicYear",
                table: "SurveySummaries",
                columns: new[] { "Urn", "AcademicYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SurveySummaries");
        }
    }
}
