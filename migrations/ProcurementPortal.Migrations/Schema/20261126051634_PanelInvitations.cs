using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class PanelInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "panel_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    display_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    section_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    lot_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    joined_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_panel_invitations_invitations_invitation_id",
                        column: x => x.invitation_id,
                        principalTable: "invitations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_panel_invitations_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_panel_invitations_invitation_id",
                table: "panel_invitations",
                column: "invitation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_panel_invitations_procurement_id",
                table: "panel_invitations",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_invitations_tenant_id",
                table: "panel_invitations",
                column: "tenant_id");

            // Tenancy: all three locks, as on the other evaluation tables.
            migrationBuilder.EnableTenantRowLevelSecurity("panel_invitations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("panel_invitations");
            migrationBuilder.DropTable(
                name: "panel_invitations");
        }
    }
}
