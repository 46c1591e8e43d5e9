using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class Clarifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "clarifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    asked_by_provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asked_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    asked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    published_question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clarifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_clarifications_organisations_asked_by_provider_id",
                        column: x => x.asked_by_provider_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_clarifications_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_interests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    registered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_interests", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurement_interests_organisations_provider_id",
                        column: x => x.provider_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procurement_interests_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clarifications_asked_by_provider_id",
                table: "clarifications",
                column: "asked_by_provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_clarifications_procurement_id_number",
                table: "clarifications",
                columns: new[] { "procurement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_clarifications_tenant_id",
                table: "clarifications",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_interests_procurement_id_provider_id",
                table: "procurement_interests",
                columns: new[] { "procurement_id", "provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procurement_interests_provider_id",
                table: "procurement_interests",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_interests_tenant_id",
                table: "procurement_interests",
                column: "tenant_id");

            migrationBuilder.EnableTenantRowLevelSecurity("procurement_interests");
            migrationBuilder.EnableTenantRowLevelSecurity("clarifications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("procurement_interests");
            migrationBuilder.DisableTenantRowLevelSecurity("clarifications");
            migrationBuilder.DropTable(
                name: "clarifications");

            migrationBuilder.DropTable(
                name: "procurement_interests");
        }
    }
}
