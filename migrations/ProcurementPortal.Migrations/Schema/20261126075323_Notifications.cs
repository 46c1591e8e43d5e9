using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages");

            migrationBuilder.AddColumn<DateTime>(
                name: "skipped_at",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "template",
                table: "outbox_messages",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "reminder_emails",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outbox_message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "sent_at is null and failed_at is null and skipped_at is null");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_outbox_message_id",
                table: "notifications",
                column: "outbox_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at",
                table: "notifications",
                columns: new[] { "user_id", "created_at" });

            // Owned by the user: a row is visible and changeable only in a unit of work that set app.user_id to its
            // owner (NotificationInbox sets it for its own transaction). The delivery job, acting for nobody, may
            // only insert. See docs/adr/023-notifications-copy-emails-and-belong-to-the-user.md.
            migrationBuilder.Sql("alter table notifications enable row level security;");
            migrationBuilder.Sql("alter table notifications force row level security;");
            migrationBuilder.Sql("""
                create policy notifications_owner_reads on notifications for select
                    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
                create policy notifications_owner_updates on notifications for update
                    using (user_id = nullif(current_setting('app.user_id', true), '')::uuid)
                    with check (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
                create policy notifications_delivery_inserts on notifications for insert with check (true);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "skipped_at",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "template",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "reminder_emails",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_next_attempt_at",
                table: "outbox_messages",
                column: "next_attempt_at",
                filter: "sent_at is null and failed_at is null");
        }
    }
}
