using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcurementPortal.Core.Data;

#nullable disable

namespace ProcurementPortal.Migrations.Schema
{
    /// <summary>The audit chain is linked at commit (Sql/0006, docs/adr/021); no change to the model.</summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261126083000_AuditChainLinkedAtCommit")]
    public partial class AuditChainLinkedAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Migrator.ReadSql("0006_audit_chain_linked_at_commit.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                drop trigger if exists audit_events_link on audit_events;
                drop function if exists audit_events_link();
                create or replace function audit_events_chain() returns trigger
                language plpgsql as $$
                declare
                    last_seq bigint;
                    last_hash bytea;
                begin
                    perform pg_advisory_xact_lock(hashtextextended('audit:' || coalesce(new.tenant_id::text, 'platform'), 0));
                    select seq, hash into last_seq, last_hash
                      from audit_events where tenant_id is not distinct from new.tenant_id
                     order by seq desc limit 1;
                    new.seq := coalesce(last_seq, 0) + 1;
                    new.prev_hash := coalesce(last_hash, '\x'::bytea);
                    new.occurred_at := now();
                    new.hash := audit_event_hash(new.tenant_id, new.seq, new.occurred_at, new.actor_user_id, new.actor_name,
                        new.action, new.entity_type, new.entity_id, new.summary, new.prev_hash);
                    return new;
                end $$;
                create or replace function audit_events_append_only() returns trigger
                language plpgsql as $$
                begin
                    raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
                end $$;
                drop sequence if exists audit_events_pending;
                """);
        }
    }
}
