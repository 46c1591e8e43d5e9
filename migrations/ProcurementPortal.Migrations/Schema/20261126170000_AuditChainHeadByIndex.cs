using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementPortal.Core.Data;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <summary>The audit chain's commit-time link reads its chain's head from the (tenant, seq) index (Sql/0009); no change to the model.</summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261126170000_AuditChainHeadByIndex")]
    public partial class AuditChainHeadByIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Migrator.ReadSql("0009_audit_chain_head_by_index.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Migrator.ReadSql("0007_audit_link_in_its_own_chain.sql"));
            migrationBuilder.Sql("drop index if exists ix_audit_events_platform_seq;");
        }
    }
}
