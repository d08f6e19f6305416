using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HealthySchoolsAnnualReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HealthySchoolsAnnualReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CriteriaVersion = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SelfValidatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SelfValidatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ModerationDrawId = table.Column<int>(type: "INTEGER", nullable: true),
                    Moderator = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ModerationOutcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ModerationComments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ModeratedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Confirmations = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthySchoolsAnnualReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthySchoolsAnnualReviews_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HealthySchoolsModerationDraws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    Share = table.Column<double>(type: "REAL", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Population = table.Column<string>(type: "TEXT", nullable: false),
                    Drawn = table.Column<string>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthySchoolsModerationDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HealthySchoolStatuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Urn = table.Column<int>(type: "INTEGER", nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LapsedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthySchoolStatuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthySchoolStatuses_Schools_Urn",
                        column: x => x.Urn,
                        principalTable: "Schools",
                        principalColumn: "Urn",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HealthySchoolsAnnualReviews_Urn_Year",
                table: "HealthySchoolsAnnualReviews",
                columns: new[] { "Urn", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthySchoolsAnnualReviews_Year",
                table: "HealthySchoolsAnnualReviews",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_HealthySchoolsModerationDraws_Year",
                table: "HealthySchoolsModerationDraws",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthySchoolStatuses_Urn",
                table: "HealthySchoolStatuses",
                column: "Urn",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HealthySchoolsAnnualReviews");

            migrationBuilder.DropTable(
                name: "HealthySchoolsModerationDraws");

            migrationBuilder.DropTable(
                name: "HealthySchoolStatuses");
        }
    }
}
