using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class AcceptInvitationLookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "revoked_at",
                table: "invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.Sql(Migrator.ReadSql("0002_invitation_lookup.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop function if exists invitation_tenant_by_token(bytea);");
            migrationBuilder.Sql("drop policy if exists invitations_owner_token_lookup on invitations;");
            migrationBuilder.DropColumn(
                name: "revoked_at",
                table: "invitations");
        }
    }
}
