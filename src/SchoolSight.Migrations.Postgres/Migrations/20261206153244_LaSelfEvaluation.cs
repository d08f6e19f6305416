using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LaSelfEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LaSelfEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    StandardsVersion = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    State = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SignedOffBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SignedOffAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignOffReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaSelfEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NationalOfstedCounts",
                columns: table => new
                {
                    LaCode = table.Column<int>(type: "integer", nullable: false),
                    LaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Schools = table.Column<int>(type: "integer", nullable: false),
                    InCategory = table.Column<int>(type: "integer", nullable: false),
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NationalOfstedCounts", x => x.LaCode);
                });

            migrationBuilder.CreateTable(
                name: "LaStandardRatings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SelfEvaluationId = table.Column<long>(type: "bigint", nullable: false),
                    StandardId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Phase = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Rating = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CriteriaMet = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ComputedFigures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OverrideReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExternalRating = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ExternalNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaStandardRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaStandardRatings_LaSelfEvaluations_SelfEvaluationId",
                        column: x => x.SelfEvaluationId,
                        principalTable: "LaSelfEvaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LaSelfEvaluations_AcademicYear",
                table: "LaSelfEvaluations",
                column: "AcademicYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LaStandardRatings_SelfEvaluationId_StandardId_Phase",
                table: "LaStandardRatings",
                columns: new[] { "SelfEvaluationId", "StandardId", "Phase" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LaStandardRatings");

            migrationBuilder.DropTable(
                name: "NationalOfstedCounts");

            migrationBuilder.DropTable(
                name: "LaSelfEvaluations");
        }
    }
}
