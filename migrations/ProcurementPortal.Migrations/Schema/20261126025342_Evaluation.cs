using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "abnormally_low_threshold_percent",
                table: "procurements",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 20m);

            migrationBuilder.AddColumn<DateTime>(
                name: "evaluation_deadline",
                table: "procurements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "hide_bidder_names",
                table: "procurements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "tie_break_rule",
                table: "procurements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "HigherQuality");

            migrationBuilder.CreateTable(
                name: "bid_openings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_officer_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_officer_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    first_confirmed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    second_officer_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    second_officer_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    second_confirmed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    bids_opened = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bid_openings", x => x.id);
                    table.ForeignKey(
                        name: "fk_bid_openings_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conflict_declarations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    has_conflict = table.Column<bool>(type: "boolean", nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    declared_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conflict_declarations", x => x.id);
                    table.ForeignKey(
                        name: "fk_conflict_declarations_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_conflict_declarations_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "gate_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gate_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_gate_decisions_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_gate_decisions_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "individual_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    justification = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    scored_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_individual_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_individual_scores_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_individual_scores_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "moderated_scores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    rationale = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    moderator_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    moderated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_moderated_scores", x => x.id);
                    table.ForeignKey(
                        name: "fk_moderated_scores_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_moderated_scores_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panel_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    section_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    scores_submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reminded_for_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_panel_members_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "price_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluated_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    lot_mean_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    abnormally_low = table.Column<bool>(type: "boolean", nullable: false),
                    above_ceiling = table.Column<bool>(type: "boolean", nullable: false),
                    clarification_request = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    clarification_requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    evaluated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_price_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_price_evaluations_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_price_evaluations_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_price_evaluations_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bid_openings_procurement_id",
                table: "bid_openings",
                column: "procurement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bid_openings_tenant_id",
                table: "bid_openings",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflict_declarations_bid_id",
                table: "conflict_declarations",
                column: "bid_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflict_declarations_procurement_id_user_id_bid_id",
                table: "conflict_declarations",
                columns: new[] { "procurement_id", "user_id", "bid_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conflict_declarations_tenant_id",
                table: "conflict_declarations",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_gate_decisions_bid_id_question_id",
                table: "gate_decisions",
                columns: new[] { "bid_id", "question_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_gate_decisions_procurement_id",
                table: "gate_decisions",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_gate_decisions_tenant_id",
                table: "gate_decisions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_individual_scores_bid_id_question_id_user_id",
                table: "individual_scores",
                columns: new[] { "bid_id", "question_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_individual_scores_procurement_id",
                table: "individual_scores",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_individual_scores_tenant_id",
                table: "individual_scores",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_moderated_scores_bid_id_question_id",
                table: "moderated_scores",
                columns: new[] { "bid_id", "question_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_moderated_scores_procurement_id",
                table: "moderated_scores",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_moderated_scores_tenant_id",
                table: "moderated_scores",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_members_procurement_id_user_id_role",
                table: "panel_members",
                columns: new[] { "procurement_id", "user_id", "role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_panel_members_tenant_id",
                table: "panel_members",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_price_evaluations_bid_id_lot_id",
                table: "price_evaluations",
                columns: new[] { "bid_id", "lot_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_price_evaluations_lot_id",
                table: "price_evaluations",
                column: "lot_id");

            migrationBuilder.CreateIndex(
                name: "ix_price_evaluations_procurement_id",
                table: "price_evaluations",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_price_evaluations_tenant_id",
                table: "price_evaluations",
                column: "tenant_id");

            // Tenancy: all three locks on every evaluation table.
            foreach (var table in new[] { "bid_openings", "panel_members", "conflict_declarations", "gate_decisions", "individual_scores", "moderated_scores", "price_evaluations" })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "bid_openings", "panel_members", "conflict_declarations", "gate_decisions", "individual_scores", "moderated_scores", "price_evaluations" })
            {
                migrationBuilder.DisableTenantRowLevelSecurity(table);
            }

            migrationBuilder.DropTable(
                name: "bid_openings");

            migrationBuilder.DropTable(
                name: "conflict_declarations");

            migrationBuilder.DropTable(
                name: "gate_decisions");

            migrationBuilder.DropTable(
                name: "individual_scores");

            migrationBuilder.DropTable(
                name: "moderated_scores");

            migrationBuilder.DropTable(
                name: "panel_members");

            migrationBuilder.DropTable(
                name: "price_evaluations");

            migrationBuilder.DropColumn(
                name: "abnormally_low_threshold_percent",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "evaluation_deadline",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "hide_bidder_names",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "tie_break_rule",
                table: "procurements");
        }
    }
}
