using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class DecisionReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "decision_report_templates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_decision_threshold = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sections = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_report_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_report_templates_organisations_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decision_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    series_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    subject_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    summary_of_main_issues = table.Column<string>(type: "text", nullable: false),
                    recommendations = table.Column<string>(type: "text", nullable: false),
                    background = table.Column<string>(type: "text", nullable: false),
                    budget_reduction_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    value_and_savings = table.Column<string>(type: "text", nullable: false),
                    consultation_and_engagement = table.Column<string>(type: "text", nullable: false),
                    legal_implications = table.Column<string>(type: "text", nullable: false),
                    financial_implications = table.Column<string>(type: "text", nullable: false),
                    decision_maker = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    author_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    author_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decision_comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    approved_facts_json = table.Column<string>(type: "jsonb", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    equality = table.Column<string>(type: "jsonb", nullable: true),
                    options = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_decision_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_decision_reports_organisations_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_decision_report_templates_tenant_id",
                table: "decision_report_templates",
                column: "tenant_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decision_reports_series_id_version",
                table: "decision_reports",
                columns: new[] { "series_id", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_decision_reports_subject_type_subject_id",
                table: "decision_reports",
                columns: new[] { "subject_type", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_decision_reports_tenant_id",
                table: "decision_reports",
                column: "tenant_id");

            migrationBuilder.EnableTenantRowLevelSecurity("decision_reports");
            migrationBuilder.EnableTenantRowLevelSecurity("decision_report_templates");
            migrationBuilder.Sql(Migrator.ReadSql("0004_decision_reports_immutable.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop trigger if exists decision_reports_approved_immutable on decision_reports; drop function if exists decision_reports_approved_immutable();");
            migrationBuilder.DisableTenantRowLevelSecurity("decision_reports");
            migrationBuilder.DisableTenantRowLevelSecurity("decision_report_templates");
            migrationBuilder.DropTable(
                name: "decision_report_templates");

            migrationBuilder.DropTable(
                name: "decision_reports");
        }
    }
}
