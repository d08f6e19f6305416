using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LaIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_LaIndicatorFigures_Measure_Year_AreaCode",
                table: "LaIndicatorFigures",
                columns: new[] { "Measure", "Year", "AreaCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LaIndicatorFigures");

            migrationBuilder.DropTable(
                name: "StatisticalNeighbours");
        }
    }
}
