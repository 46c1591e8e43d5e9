using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class SchemesAndDynamicMarkets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "framework_schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    first_award_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reopenings = table.Column<List<DateOnly>>(type: "date[]", nullable: false),
                    conditions_of_membership = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_framework_schemes", x => x.id);
                    table.ForeignKey(
                        name: "fk_framework_schemes_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "market_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lots = table.Column<string>(type: "jsonb", nullable: false),
                    statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    applied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    applied_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_applications", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_applications_framework_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "framework_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheme_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheme_rounds", x => x.id);
                    table.ForeignKey(
                        name: "fk_scheme_rounds_framework_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "framework_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scheme_rounds_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheme_warnings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheme_warnings", x => x.id);
                    table.ForeignKey(
                        name: "fk_scheme_warnings_framework_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "framework_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "market_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_decisions_framework_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "framework_schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_market_decisions_market_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "market_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_framework_schemes_procurement_id",
                table: "framework_schemes",
                column: "procurement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_framework_schemes_tenant_id",
                table: "framework_schemes",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_applications_provider_id",
                table: "market_applications",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_applications_scheme_id",
                table: "market_applications",
                column: "scheme_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_applications_tenant_id",
                table: "market_applications",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_decisions_application_id",
                table: "market_decisions",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_market_decisions_scheme_id",
                table: "market_decisions",
                column: "scheme_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_decisions_tenant_id",
                table: "market_decisions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_scheme_rounds_procurement_id",
                table: "scheme_rounds",
                column: "procurement_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheme_rounds_scheme_id_number",
                table: "scheme_rounds",
                columns: new[] { "scheme_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheme_rounds_tenant_id",
                table: "scheme_rounds",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_scheme_warnings_scheme_id_kind_due_on",
                table: "scheme_warnings",
                columns: new[] { "scheme_id", "kind", "due_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scheme_warnings_tenant_id",
                table: "scheme_warnings",
                column: "tenant_id");

            foreach (var table in new[] { "framework_schemes", "scheme_rounds", "scheme_warnings", "market_applications", "market_decisions" })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }
            migrationBuilder.EnableProviderRowLevelSecurity("market_applications");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableProviderRowLevelSecurity("market_applications");
            foreach (var table in new[] { "market_decisions", "market_applications", "scheme_warnings", "scheme_rounds", "framework_schemes" })
            {
                migrationBuilder.DisableTenantRowLevelSecurity(table);
            }

            migrationBuilder.DropTable(
                name: "market_decisions");

            migrationBuilder.DropTable(
                name: "scheme_rounds");

            migrationBuilder.DropTable(
                name: "scheme_warnings");

            migrationBuilder.DropTable(
                name: "market_applications");

            migrationBuilder.DropTable(
                name: "framework_schemes");
        }
    }
}
