using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class Bids : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bid_receipt_counters",
                columns: table => new
                {
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bid_receipt_counters", x => x.procurement_id);
                    table.ForeignKey(
                        name: "fk_bid_receipt_counters_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bids",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    draft_content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    draft_saved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    draft_saved_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    current_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    withdrawn_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bids", x => x.id);
                    table.ForeignKey(
                        name: "fk_bids_organisations_provider_id",
                        column: x => x.provider_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bids_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bid_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    receipt_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submitted_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sealed_content = table.Column<byte[]>(type: "bytea", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bid_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_bid_versions_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bid_versions_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bid_receipt_counters_tenant_id",
                table: "bid_receipt_counters",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_bid_versions_bid_id_idempotency_key",
                table: "bid_versions",
                columns: new[] { "bid_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bid_versions_bid_id_number",
                table: "bid_versions",
                columns: new[] { "bid_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bid_versions_procurement_id_receipt_number",
                table: "bid_versions",
                columns: new[] { "procurement_id", "receipt_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bid_versions_provider_id",
                table: "bid_versions",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_bid_versions_tenant_id",
                table: "bid_versions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_bids_procurement_id_provider_id",
                table: "bids",
                columns: new[] { "procurement_id", "provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bids_provider_id",
                table: "bids",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_bids_tenant_id",
                table: "bids",
                column: "tenant_id");

            // Tenancy: all three locks; and the provider lock beside them (restrictive: a row must pass both).
            migrationBuilder.CreateCurrentProviderFunction();
            foreach (var table in new[] { "bids", "bid_versions", "bid_receipt_counters" })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }
            migrationBuilder.EnableProviderRowLevelSecurity("bids");
            migrationBuilder.EnableProviderRowLevelSecurity("bid_versions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableProviderRowLevelSecurity("bids");
            migrationBuilder.DisableProviderRowLevelSecurity("bid_versions");
            foreach (var table in new[] { "bids", "bid_versions", "bid_receipt_counters" })
            {
                migrationBuilder.DisableTenantRowLevelSecurity(table);
            }
            migrationBuilder.DropTable(
                name: "bid_receipt_counters");

            migrationBuilder.DropTable(
                name: "bid_versions");

            migrationBuilder.DropTable(
                name: "bids");
        }
    }
}
