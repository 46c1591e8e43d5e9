using Npgsql;

namespace ProcurementPortal.Bench;

/// <summary>
/// The rush's reference, the database's ceiling for the same work: pgbench, 50 clients for
/// <see cref="Seconds"/> seconds, each transaction holding one procurement row in share mode (as every submission to one
/// tender does) and its bid row locked, inserting a sealed version of the same size with a random receipt number,
/// marking the bid submitted, inserting an outbox message, and appending an audit row to one hash chain as the portal's
/// audit triggers do: inserted with a placeholder, linked at commit by a deferred trigger under the chain's advisory lock
/// (the last link read, SHA-256 of the new one). The tables are made once and measured several times (just before and
/// just after each burst); autovacuum is off on them, so the reference's own rows never start a vacuum during a burst.
/// Dropped when disposed.
/// </summary>
public sealed class RushReference : IAsyncDisposable
{
    public const int Seconds = 5;
    private readonly BenchContext context;
    private readonly NpgsqlConnection connection;

    private RushReference(BenchContext context, NpgsqlConnection connection) => (this.context, this.connection) = (context, connection);

    public static async Task<RushReference> SetUpAsync(BenchContext context, NpgsqlConnection connection, CancellationToken ct)
    {
        await using var setup = new NpgsqlCommand("""
            drop table if exists bench_rush_procurement, bench_rush_bids, bench_rush_versions, bench_rush_audit, bench_rush_outbox;
            drop function if exists bench_rush_audit_link();
            drop sequence if exists bench_rush_audit_pending;
            create table bench_rush_procurement (id int primary key, last_number int not null);
            insert into bench_rush_procurement values (1, 0);
            create table bench_rush_bids (id int primary key, status text not null, current_version uuid) with (autovacuum_enabled = false);
            insert into bench_rush_bids select g, 'Draft', null from generate_series(1, 100000) g;
            create table bench_rush_versions (id uuid primary key, bid_id int not null references bench_rush_bids, number int not null,
                receipt_number text not null, received_at timestamptz not null, sealed_content bytea not null, content_hash text not null,
                idempotency_key text not null, unique (bid_id, idempotency_key)) with (autovacuum_enabled = false);
            create table bench_rush_audit (id bigserial primary key, seq bigint not null unique, prev_hash bytea not null, hash bytea not null,
                at timestamptz not null, action text not null, entity_id int not null, summary text not null) with (autovacuum_enabled = false);
            create sequence bench_rush_audit_pending;
            create function bench_rush_audit_link() returns trigger language plpgsql as $$
            declare last_seq bigint; last_hash bytea;
            begin
                perform pg_advisory_xact_lock(hashtextextended('audit:bench-rush', 0));
                select seq, hash into last_seq, last_hash from bench_rush_audit where seq > 0 order by seq desc limit 1;
                update bench_rush_audit set seq = coalesce(last_seq, 0) + 1, prev_hash = coalesce(last_hash, '\x'::bytea),
                    hash = sha256(convert_to(concat_ws(chr(31), coalesce(last_seq, 0) + 1, new.at, new.action, new.entity_id, new.summary,
                        encode(coalesce(last_hash, '\x'::bytea), 'hex')), 'UTF8'))
                 where id = new.id;
                return null;
            end $$;
            create constraint trigger bench_rush_audit_link after insert on bench_rush_audit deferrable initially deferred
                for each row execute function bench_rush_audit_link();
            create table bench_rush_outbox (id bigserial primary key, to_address text not null, subject text not null, html_body text not null,
                text_body text not null, created_at timestamptz not null, next_attempt_at timestamptz not null, sent_at timestamptz) with (autovacuum_enabled = false);
            create index on bench_rush_outbox (next_attempt_at) where sent_at is null;
            """, connection);
        await setup.ExecuteNonQueryAsync(ct);
        return new RushReference(context, connection);
    }

    /// <summary>One pgbench run of the same work per transaction: transactions per second.</summary>
    public Task<double> MeasureAsync(CancellationToken ct) => PgBench.TpsAsync(context, """
            \set bid random(1, 100000)
            begin;
            select last_number, now() from bench_rush_procurement where id = 1 for share;
            select id from bench_rush_bids where id = :bid for update;
            insert into bench_rush_versions values (gen_random_uuid(), :bid, 1, 'LCC-R' || upper(substr(md5(random()::text), 1, 8)), now(),
                convert_to(repeat(md5(random()::text), 80), 'UTF8'), md5(random()::text), md5(random()::text));
            update bench_rush_bids set status = 'Submitted', current_version = gen_random_uuid() where id = :bid;
            insert into bench_rush_outbox (to_address, subject, html_body, text_body, created_at, next_attempt_at)
                values ('bidwriter' || :bid || '@rush.bench', 'Bid received', repeat('<p>receipt</p>', 120), repeat('receipt ', 120), now(), now());
            insert into bench_rush_audit (seq, prev_hash, hash, at, action, entity_id, summary)
                values (-nextval('bench_rush_audit_pending'), '\x', '\x', now(), 'bid.submitted', :bid, repeat('x', 120));
            commit;
            """, clients: 50, seconds: Seconds, ct);

    public async ValueTask DisposeAsync()
    {
        await using var drop = new NpgsqlCommand("""
            drop table bench_rush_procurement, bench_rush_bids, bench_rush_versions, bench_rush_audit, bench_rush_outbox;
            drop function bench_rush_audit_link();
            drop sequence bench_rush_audit_pending;
            """, connection);
        await drop.ExecuteNonQueryAsync();
    }
}
