using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementPortal.Core.Data;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <summary>The commit-time audit link reads and writes the event's own chain and fails loudly (Sql/0007); no change to the model.</summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261126100000_AuditLinkInItsOwnChain")]
    public partial class AuditLinkInItsOwnChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Migrator.ReadSql("0007_audit_link_in_its_own_chain.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Migrator.ReadSql("0006_audit_chain_linked_at_commit.sql"));
        }
    }
}
