using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class FrameworkMembersAndBrokerage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "framework_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    total_score = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    joined_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_framework_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_framework_members_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_framework_members_framework_agreements_framework_agreement_",
                        column: x => x.framework_agreement_id,
                        principalTable: "framework_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "package_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    framework_agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lot_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    postcode_district = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    band_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    band_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    hours_per_week = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    requirements = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    case_reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    response_window_hours = table.Column<int>(type: "integer", nullable: false),
                    posted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    members_invited = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    chosen_response_id = table.Column<Guid>(type: "uuid", nullable: true),
                    call_off_contract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    placed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    posted_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    posted_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_package_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_package_requests_framework_agreements_framework_agreement_id",
                        column: x => x.framework_agreement_id,
                        principalTable: "framework_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_package_requests_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "package_responses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    package_request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    can_start_on = table.Column<DateOnly>(type: "date", nullable: true),
                    hourly_rate = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    responded_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_package_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_package_responses_framework_members_member_id",
                        column: x => x.member_id,
                        principalTable: "framework_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_package_responses_package_requests_package_request_id",
                        column: x => x.package_request_id,
                        principalTable: "package_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_framework_members_contract_id",
                table: "framework_members",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_members_framework_agreement_id_provider_id",
                table: "framework_members",
                columns: new[] { "framework_agreement_id", "provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_framework_members_lot_id_status",
                table: "framework_members",
                columns: new[] { "lot_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_framework_members_procurement_id",
                table: "framework_members",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_members_provider_id",
                table: "framework_members",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_framework_members_tenant_id",
                table: "framework_members",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_package_requests_framework_agreement_id",
                table: "package_requests",
                column: "framework_agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_package_requests_lot_id_status",
                table: "package_requests",
                columns: new[] { "lot_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_package_requests_procurement_id",
                table: "package_requests",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_package_requests_tenant_id",
                table: "package_requests",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_package_requests_tenant_id_reference",
                table: "package_requests",
                columns: new[] { "tenant_id", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_package_responses_member_id",
                table: "package_responses",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_package_responses_package_request_id_provider_id",
                table: "package_responses",
                columns: new[] { "package_request_id", "provider_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_package_responses_provider_id",
                table: "package_responses",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_package_responses_tenant_id",
                table: "package_responses",
                column: "tenant_id");

            foreach (var table in new[] { "framework_members", "package_requests", "package_responses" })
            {
                migrationBuilder.EnableTenantRowLevelSecurity(table);
            }
            migrationBuilder.EnableProviderRowLevelSecurity("package_responses");

            // Frameworks awarded before members were kept: each appointed provider with a contract under a lot's
            // framework agreement becomes an active member. Row-level security binds the owner too (FORCE), so each
            // tenant is entered in turn, as the app does.
            migrationBuilder.Sql("""
                do $$
                declare t uuid;
                begin
                    for t in select id from organisations where kind = 'CommissioningBody' loop
                        perform set_config('app.tenant_id', t::text, true);
                        insert into framework_members (id, tenant_id, procurement_id, framework_agreement_id, lot_id, provider_id, provider_name,
                                                       contract_id, rank, total_score, status, joined_at)
                        select gen_random_uuid(), c.tenant_id, c.procurement_id, c.framework_agreement_id, c.lot_id, c.provider_id, c.provider_name,
                               c.id, ab.rank, ab.total_score, 'Active', c.created_at
                        from contracts c
                        join awarded_bids ab on ab.procurement_id = c.procurement_id and ab.lot_id = c.lot_id and ab.provider_id = c.provider_id and ab.appointed
                        where c.framework_agreement_id is not null and c.lot_id is not null and c.provider_id is not null
                        on conflict do nothing;
                    end loop;
                    perform set_config('app.tenant_id', '', true);
                end $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableProviderRowLevelSecurity("package_responses");
            foreach (var table in new[] { "package_responses", "package_requests", "framework_members" })
            {
                migrationBuilder.DisableTenantRowLevelSecurity(table);
            }

            migrationBuilder.DropTable(
                name: "package_responses");

            migrationBuilder.DropTable(
                name: "framework_members");

            migrationBuilder.DropTable(
                name: "package_requests");
        }
    }
}
