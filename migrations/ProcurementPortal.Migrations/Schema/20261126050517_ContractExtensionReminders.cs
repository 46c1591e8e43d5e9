using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class ContractExtensionReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "extension_reminders_sent",
                table: "contracts",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "extension_reminders_sent",
                table: "contracts");
        }
    }
}
