using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <inheritdoc />
    public partial class CallOffSpend : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "call_off_band_code",
                table: "contracts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "hours_per_week",
                table: "contracts",
                type: "numeric(6,2)",
                precision: 6,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "weekly_value",
                table: "contracts",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            // Call-offs made before these columns: the band, hours and weekly value from the package request they were
            // placed from, or (a direct award) from the contract's one agreed rate and its annual value (weekly × 52).
            // Row-level security binds the owner too (FORCE), so each tenant is entered in turn, as ADR 026's backfill does.
            migrationBuilder.Sql("""
                do $$
                declare t uuid;
                begin
                    for t in select id from organisations where kind = 'CommissioningBody' loop
                        perform set_config('app.tenant_id', t::text, true);
                        update contracts c set call_off_band_code = r.band_code, hours_per_week = r.hours_per_week, weekly_value = round(c.annual_value / 52, 2)
                        from package_requests r
                        where r.call_off_contract_id = c.id and c.call_off_band_code is null;
                        update contracts c set call_off_band_code = c.rates -> 0 ->> 'bandCode', weekly_value = round(c.annual_value / 52, 2),
                               hours_per_week = round(round(c.annual_value / 52, 2) / nullif((c.rates -> 0 ->> 'rate')::numeric, 0), 2)
                        where c.framework_agreement_id is not null and c.lot_id is null and c.call_off_band_code is null;
                    end loop;
                    perform set_config('app.tenant_id', '', true);
                end $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "call_off_band_code",
                table: "contracts");

            migrationBuilder.DropColumn(
                name: "hours_per_week",
                table: "contracts");

            migrationBuilder.DropColumn(
                name: "weekly_value",
                table: "contracts");
        }
    }
}
