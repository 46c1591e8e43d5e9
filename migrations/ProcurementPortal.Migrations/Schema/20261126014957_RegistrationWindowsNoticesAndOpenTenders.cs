using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class RegistrationWindowsNoticesAndOpenTenders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "clarification_deadline_reported_for",
                table: "procurements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "created_by_user_id",
                table: "market_intent_statements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "attachments",
                table: "evaluation_questions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<DateTime>(
                name: "registration_closed_for",
                table: "engagement_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "registration_closes_at",
                table: "engagement_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "registration_opened_for",
                table: "engagement_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "registration_opens_at",
                table: "engagement_events",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "asked_by_user_id",
                table: "clarifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "asked_by_provider_id",
                table: "clarifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            // The one path across tenants: open tenders' public columns (see the SQL file).
            migrationBuilder.Sql(Migrator.ReadSql("0003_open_tenders.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop function if exists open_tenders(text, text, text, timestamptz, integer, integer);");
            migrationBuilder.Sql("drop policy if exists lots_owner_open_tenders on lots;");
            migrationBuilder.Sql("drop policy if exists procurements_owner_open_tenders on procurements;");

            migrationBuilder.DropColumn(
                name: "clarification_deadline_reported_for",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "created_by_user_id",
                table: "market_intent_statements");

            migrationBuilder.DropColumn(
                name: "attachments",
                table: "evaluation_questions");

            migrationBuilder.DropColumn(
                name: "registration_closed_for",
                table: "engagement_events");

            migrationBuilder.DropColumn(
                name: "registration_closes_at",
                table: "engagement_events");

            migrationBuilder.DropColumn(
                name: "registration_opened_for",
                table: "engagement_events");

            migrationBuilder.DropColumn(
                name: "registration_opens_at",
                table: "engagement_events");

            migrationBuilder.AlterColumn<Guid>(
                name: "asked_by_user_id",
                table: "clarifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "asked_by_provider_id",
                table: "clarifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
