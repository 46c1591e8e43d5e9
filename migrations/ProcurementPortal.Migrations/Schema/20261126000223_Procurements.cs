using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class Procurements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reference_prefix",
                table: "organisations",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "procurements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    cpv_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    procedure_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    state = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    estimated_value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    annual_budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    current_annual_spend = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    contract_term_months = table.Column<int>(type: "integer", nullable: true),
                    extension_options = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ceiling_breach_rule = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    price_weight = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    price_formula = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    clarification_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    submission_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    pooled_partners = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurements_organisations_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_sections_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lots",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    area = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    max_providers = table.Column<int>(type: "integer", nullable: true),
                    annual_budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lots", x => x.id);
                    table.ForeignKey(
                        name: "fk_lots_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    section_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    weight = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    minimum_score = table.Column<int>(type: "integer", nullable: true),
                    word_limit = table.Column<int>(type: "integer", nullable: true),
                    score_descriptors = table.Column<List<string>>(type: "text[]", nullable: false),
                    lot_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_evaluation_questions_evaluation_sections_section_id",
                        column: x => x.section_id,
                        principalTable: "evaluation_sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "fee_bands",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    need_description = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ceiling_rate = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    expected_annual_volume = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_bands", x => x.id);
                    table.ForeignKey(
                        name: "fk_fee_bands_lots_lot_id",
                        column: x => x.lot_id,
                        principalTable: "lots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_questions_section_id",
                table: "evaluation_questions",
                column: "section_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_questions_tenant_id",
                table: "evaluation_questions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_sections_procurement_id_number",
                table: "evaluation_sections",
                columns: new[] { "procurement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_sections_tenant_id",
                table: "evaluation_sections",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_fee_bands_lot_id_code",
                table: "fee_bands",
                columns: new[] { "lot_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fee_bands_tenant_id",
                table: "fee_bands",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_lots_procurement_id_number",
                table: "lots",
                columns: new[] { "procurement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lots_tenant_id",
                table: "lots",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurements_tenant_id",
                table: "procurements",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurements_tenant_id_reference",
                table: "procurements",
                columns: new[] { "tenant_id", "reference" },
                unique: true);

            migrationBuilder.EnableTenantRowLevelSecurity("procurements");
            migrationBuilder.EnableTenantRowLevelSecurity("lots");
            migrationBuilder.EnableTenantRowLevelSecurity("fee_bands");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation_sections");
            migrationBuilder.EnableTenantRowLevelSecurity("evaluation_questions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("procurements");
            migrationBuilder.DisableTenantRowLevelSecurity("lots");
            migrationBuilder.DisableTenantRowLevelSecurity("fee_bands");
            migrationBuilder.DisableTenantRowLevelSecurity("evaluation_sections");
            migrationBuilder.DisableTenantRowLevelSecurity("evaluation_questions");
            migrationBuilder.DropTable(
                name: "evaluation_questions");

            migrationBuilder.DropTable(
                name: "fee_bands");

            migrationBuilder.DropTable(
                name: "evaluation_sections");

            migrationBuilder.DropTable(
                name: "lots");

            migrationBuilder.DropTable(
                name: "procurements");

            migrationBuilder.DropColumn(
                name: "reference_prefix",
                table: "organisations");
        }
    }
}
