using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CriteriaVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SelfValidatedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SelfValidatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ModerationDrawId = table.Column<int>(type: "integer", nullable: true),
                    Moderator = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ModerationOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ModerationComments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ModeratedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Confirmations = table.Column<string>(type: "jsonb", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    Share = table.Column<double>(type: "double precision", nullable: false),
                    Method = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Population = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Drawn = table.Column<List<int>>(type: "integer[]", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthySchoolsModerationDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HealthySchoolStatuses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Urn = table.Column<int>(type: "integer", nullable: false),
                    AchievedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LapsedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
