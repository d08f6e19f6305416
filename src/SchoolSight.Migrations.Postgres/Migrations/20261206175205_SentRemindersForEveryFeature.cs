using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SchoolSight.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SentRemindersForEveryFeature : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
