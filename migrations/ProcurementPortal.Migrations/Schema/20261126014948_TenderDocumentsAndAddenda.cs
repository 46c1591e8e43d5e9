using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class TenderDocumentsAndAddenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "addenda",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    new_submission_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    new_clarification_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    previous_submission_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    previous_clarification_deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_addenda", x => x.id);
                    table.ForeignKey(
                        name: "fk_addenda_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "submission_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    provider_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    deadline = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_submission_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_submission_reminders_organisations_provider_id",
                        column: x => x.provider_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_submission_reminders_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tender_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tender_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_tender_documents_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tender_document_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    storage_name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    addendum_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tender_document_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_tender_document_versions_addenda_addendum_id",
                        column: x => x.addendum_id,
                        principalTable: "addenda",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tender_document_versions_tender_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "tender_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_addenda_procurement_id_number",
                table: "addenda",
                columns: new[] { "procurement_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_addenda_tenant_id",
                table: "addenda",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_submission_reminders_procurement_id_provider_id_kind_deadli",
                table: "submission_reminders",
                columns: new[] { "procurement_id", "provider_id", "kind", "deadline" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_submission_reminders_provider_id",
                table: "submission_reminders",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_submission_reminders_tenant_id",
                table: "submission_reminders",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_tender_document_versions_addendum_id",
                table: "tender_document_versions",
                column: "addendum_id");

            migrationBuilder.CreateIndex(
                name: "ix_tender_document_versions_document_id_number",
                table: "tender_document_versions",
                columns: new[] { "document_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tender_document_versions_storage_name",
                table: "tender_document_versions",
                column: "storage_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tender_document_versions_tenant_id",
                table: "tender_document_versions",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_tender_documents_procurement_id",
                table: "tender_documents",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_tender_documents_tenant_id",
                table: "tender_documents",
                column: "tenant_id");

            migrationBuilder.EnableTenantRowLevelSecurity("addenda");
            migrationBuilder.EnableTenantRowLevelSecurity("submission_reminders");
            migrationBuilder.EnableTenantRowLevelSecurity("tender_documents");
            migrationBuilder.EnableTenantRowLevelSecurity("tender_document_versions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DisableTenantRowLevelSecurity("addenda");
            migrationBuilder.DisableTenantRowLevelSecurity("submission_reminders");
            migrationBuilder.DisableTenantRowLevelSecurity("tender_documents");
            migrationBuilder.DisableTenantRowLevelSecurity("tender_document_versions");
            migrationBuilder.DropTable(
                name: "submission_reminders");

            migrationBuilder.DropTable(
                name: "tender_document_versions");

            migrationBuilder.DropTable(
                name: "addenda");

            migrationBuilder.DropTable(
                name: "tender_documents");
        }
    }
}
