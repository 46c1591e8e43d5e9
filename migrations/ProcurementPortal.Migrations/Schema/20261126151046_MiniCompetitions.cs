using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class MiniCompetitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mini_competitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requirements = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    bands = table.Column<string>(type: "jsonb", nullable: false),
                    questions = table.Column<string>(type: "jsonb", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    price_weight = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    price_formula = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    members_invited = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    started_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    winner_response_id = table.Column<Guid>(type: "uuid", nullable: true),
                    awarded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    awarded_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    standstill = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    standstill_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    standstill_last_day = table.Column<DateOnly>(type: "date", nullable: true),
                    standstill_ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    call_off_contract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    called_off_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    scores = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mini_competitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_mini_competitions_framework_agreements_framework_agreement_",
                        column: x => x.framework_agreement_id,
                        principalTable: "framework_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_mini_competitions_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mini_competition_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    mini_competition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rates = table.Column<string>(type: "jsonb", nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    responded_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mini_competition_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_mini_competition_responses_framework_members_member_id",
                        column: x => x.member_id,
                        principalTable: "framework_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mini_competition_responses_mini_competitions_mini_competiti",
                        column: x => x.mini_competition_id,
                        principalTable: "mini_competitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mini_competition_responses_member_id",
                table: "mini_competition_responses",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_mini_competition_responses_mini_competition_id_provider_id",
                table: "mini_competition_responses",
                columns: new[] { "mini_competition_id", "provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mini_competition_responses_provider_id",
                table: "mini_competition_responses",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_mini_competition_responses_tenant_id",
                table: "mini_competition_responses",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_mini_competitions_framework_agreement_id",
                table: "mini_competitions",
                column: "framework_agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_mini_competitions_lot_id_status",
                table: "mini_competitions",
                columns: new[] { "lot_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_mini_competitions_procurement_id",
                table: "mini_competitions",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_mini_competitions_tenant_id",
                table: "mini_competitions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_mini_competitions_tenant_id_reference",
                table: "mini_competitions",
                columns: new[] { "tenant_id", "reference" },
                unique: true);

            foreach (var table in new[] { "mini_competitions", "mini_competition_responses" })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }
            migrationBuilder.EnableProviderRowLevelSecurity("mini_competition_responses");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableProviderRowLevelSecurity("mini_competition_responses");
            foreach (var table in new[] { "mini_competition_responses", "mini_competitions" })
            {
                migrationBuilder.DisableTenantRowLevelSecurity(table);
            }

            migrationBuilder.DropTable(
                name: "mini_competition_responses");

            migrationBuilder.DropTable(
                name: "mini_competitions");
        }
    }
}
