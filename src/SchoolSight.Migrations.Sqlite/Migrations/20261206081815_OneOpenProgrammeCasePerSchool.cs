using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OneOpenProgrammeCasePerSchool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeCases_OneOpenPerSchool",
                table: "ProgrammeCases",
                column: "Urn",
                unique: true,
                filter: "\"State\" <> 'Closed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgrammeCases_OneOpenPerSchool",
                table: "ProgrammeCases");
        }
    }
}
