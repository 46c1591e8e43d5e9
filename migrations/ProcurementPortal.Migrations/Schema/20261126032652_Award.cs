using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementPortal.Core.Domain.Award;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class Award : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attachment_name",
                table: "outbox_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "attachment_pdf",
                table: "outbox_messages",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "award_letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    successful = table.Column<bool>(type: "boolean", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_award_letters", x => x.id);
                    table.ForeignKey(
                        name: "fk_award_letters_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_award_letters_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "awarded_bids",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    total_score = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    evaluated_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ranking_recommends = table.Column<bool>(type: "boolean", nullable: false),
                    appointed = table.Column<bool>(type: "boolean", nullable: false),
                    departure_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_awarded_bids", x => x.id);
                    table.ForeignKey(
                        name: "fk_awarded_bids_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_awarded_bids_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "awards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    regime = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recommended_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recommended_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recommended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    decision_comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    letters_total = table.Column<int>(type: "integer", nullable: false),
                    letters_done = table.Column<int>(type: "integer", nullable: false),
                    letters_sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    planned_notice_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notice_published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    standstill_ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    challenge_recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    challenge_details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    awarded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_awards", x => x.id);
                    table.ForeignKey(
                        name: "fk_awards_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "framework_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_framework_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_framework_agreements_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tenant_non_working_days",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_non_working_days", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    lot_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    extension_options = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    rates = table.Column<List<AgreedRate>>(type: "jsonb", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reminded6months_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminded3months_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminded1month_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contracts_framework_agreements_framework_agreement_id",
                        column: x => x.framework_agreement_id,
                        principalTable: "framework_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_contracts_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_award_letters_bid_id_lot_id",
                table: "award_letters",
                columns: new[] { "bid_id", "lot_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_award_letters_procurement_id",
                table: "award_letters",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_letters_provider_id",
                table: "award_letters",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_award_letters_tenant_id",
                table: "award_letters",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_awarded_bids_bid_id",
                table: "awarded_bids",
                column: "bid_id");

            migrationBuilder.CreateIndex(
                name: "ix_awarded_bids_lot_id_bid_id",
                table: "awarded_bids",
                columns: new[] { "lot_id", "bid_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_awarded_bids_procurement_id",
                table: "awarded_bids",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_awarded_bids_tenant_id",
                table: "awarded_bids",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_awards_procurement_id",
                table: "awards",
                column: "procurement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_awards_tenant_id",
                table: "awards",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_ends_on",
                table: "contracts",
                column: "ends_on");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_framework_agreement_id",
                table: "contracts",
                column: "framework_agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_lot_id_provider_id",
                table: "contracts",
                columns: new[] { "lot_id", "provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contracts_procurement_id",
                table: "contracts",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_contracts_tenant_id",
                table: "contracts",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_agreements_lot_id",
                table: "framework_agreements",
                column: "lot_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_framework_agreements_procurement_id",
                table: "framework_agreements",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_agreements_tenant_id",
                table: "framework_agreements",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_non_working_days_tenant_id",
                table: "tenant_non_working_days",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_non_working_days_tenant_id_day",
                table: "tenant_non_working_days",
                columns: new[] { "tenant_id", "day" },
                unique: true);

            // Tenancy: all three locks on every award table.
            foreach (var table in new[] { "awards", "awarded_bids", "award_letters", "framework_agreements", "contracts", "tenant_non_working_days" })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "awards", "awarded_bids", "award_letters", "framework_agreements", "contracts", "tenant_non_working_days" })
            {
                migrationBuilder.DisableTenantRowLevelSecurity(table);
            }

            migrationBuilder.DropTable(
                name: "award_letters");

            migrationBuilder.DropTable(
                name: "awarded_bids");

            migrationBuilder.DropTable(
                name: "awards");

            migrationBuilder.DropTable(
                name: "contracts");

            migrationBuilder.DropTable(
                name: "tenant_non_working_days");

            migrationBuilder.DropTable(
                name: "framework_agreements");

            migrationBuilder.DropColumn(
                name: "attachment_name",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "attachment_pdf",
                table: "outbox_messages");
        }
    }
}
