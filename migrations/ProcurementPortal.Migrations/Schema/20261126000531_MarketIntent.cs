using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class MarketIntent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "market_intent_statements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body_html = table.Column<string>(type: "text", nullable: false),
                    indicative_value_min = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    indicative_value_max = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    milestones = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_market_intent_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_market_intent_statements_organisations_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_market_intent_statements_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "engagement_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    venue = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    online_link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    reminder_sent_for_starts_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_engagement_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_engagement_events_market_intent_statements_statement_id",
                        column: x => x.statement_id,
                        principalTable: "market_intent_statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "expressions_of_interest",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contact_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    areas_of_interest = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    capacity_hours_per_week = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expressions_of_interest", x => x.id);
                    table.ForeignKey(
                        name: "fk_expressions_of_interest_market_intent_statements_statement_",
                        column: x => x.statement_id,
                        principalTable: "market_intent_statements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_expressions_of_interest_organisations_provider_id",
                        column: x => x.provider_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "event_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    registered_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attendee_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    attendee_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    promoted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_registrations_engagement_events_event_id",
                        column: x => x.event_id,
                        principalTable: "engagement_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_registrations_organisations_provider_id",
                        column: x => x.provider_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_engagement_events_starts_at",
                table: "engagement_events",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_events_statement_id",
                table: "engagement_events",
                column: "statement_id");

            migrationBuilder.CreateIndex(
                name: "ix_engagement_events_tenant_id",
                table: "engagement_events",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_event_id_provider_id",
                table: "event_registrations",
                columns: new[] { "event_id", "provider_id" },
                unique: true,
                filter: "status <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_provider_id",
                table: "event_registrations",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_registrations_tenant_id",
                table: "event_registrations",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_expressions_of_interest_provider_id",
                table: "expressions_of_interest",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_expressions_of_interest_statement_id_provider_id",
                table: "expressions_of_interest",
                columns: new[] { "statement_id", "provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_expressions_of_interest_tenant_id",
                table: "expressions_of_interest",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_intent_statements_procurement_id",
                table: "market_intent_statements",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_market_intent_statements_tenant_id",
                table: "market_intent_statements",
                column: "tenant_id");

            migrationBuilder.EnableTenantRowLevelSecurity("market_intent_statements");
            migrationBuilder.EnableTenantRowLevelSecurity("engagement_events");
            migrationBuilder.EnableTenantRowLevelSecurity("event_registrations");
            migrationBuilder.EnableTenantRowLevelSecurity("expressions_of_interest");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("market_intent_statements");
            migrationBuilder.DisableTenantRowLevelSecurity("engagement_events");
            migrationBuilder.DisableTenantRowLevelSecurity("event_registrations");
            migrationBuilder.DisableTenantRowLevelSecurity("expressions_of_interest");
            migrationBuilder.DropTable(
                name: "event_registrations");

            migrationBuilder.DropTable(
                name: "expressions_of_interest");

            migrationBuilder.DropTable(
                name: "engagement_events");

            migrationBuilder.DropTable(
                name: "market_intent_statements");
        }
    }
}
