using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class BidAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bid_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    storage_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    removed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bid_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_bid_attachments_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_bid_attachments_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bid_attachments_bid_id_question_id",
                table: "bid_attachments",
                columns: new[] { "bid_id", "question_id" });

            migrationBuilder.CreateIndex(
                name: "ix_bid_attachments_procurement_id",
                table: "bid_attachments",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_bid_attachments_provider_id",
                table: "bid_attachments",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_bid_attachments_tenant_id",
                table: "bid_attachments",
                column: "tenant_id");

            // Tenant-owned and provider-owned: the tenant policy and the restrictive provider policy beside it.
            migrationBuilder.EnableTenantRowLevelSecurity("bid_attachments");
            migrationBuilder.EnableProviderRowLevelSecurity("bid_attachments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableProviderRowLevelSecurity("bid_attachments");
            migrationBuilder.DisableTenantRowLevelSecurity("bid_attachments");
            migrationBuilder.DropTable(
                name: "bid_attachments");
        }
    }
}
