using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementPortal.Core.Data;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <summary>A partial index of open tenders by deadline for the opportunities page (Sql/0008); no change to the model.</summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261126110000_OpenTendersIndex")]
    public partial class OpenTendersIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Migrator.ReadSql("0008_open_tenders_index.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("drop index if exists ix_procurements_open_by_deadline;");
        }
    }
}
