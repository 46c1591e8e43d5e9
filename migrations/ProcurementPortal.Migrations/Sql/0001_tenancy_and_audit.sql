-- The tenant of the current transaction, as set by the app on every connection it opens.
-- Empty or missing means no tenant: tenant-owned rows then match nothing (fail closed).
create or replace function app_current_tenant() returns uuid
language sql stable as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- The audit chain: one chain per tenant and one for platform events (tenant_id null).
-- Hash of an event = SHA-256 over its fields and the previous event's hash, fields separated by U+001F.
create or replace function audit_event_hash(
    p_tenant uuid, p_seq bigint, p_at timestamptz, p_actor uuid, p_actor_name text, p_action text,
    p_entity_type text, p_entity_id text, p_summary text, p_prev bytea) returns bytea
language sql stable as $$
    select sha256(convert_to(concat_ws(chr(31),
        coalesce(p_tenant::text, ''), p_seq::text,
        to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        coalesce(p_actor::text, ''), p_actor_name, p_action, p_entity_type,
        coalesce(p_entity_id, ''), coalesce(p_summary, ''), encode(p_prev, 'hex')), 'UTF8'))
$$;

create or replace function audit_events_chain() returns trigger
language plpgsql as $$
declare
    last_seq bigint;
    last_hash bytea;
begin
    -- Serialise appends to one chain so two transactions never link to the same predecessor.
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

create trigger audit_events_chain before insert on audit_events
    for each row execute function audit_events_chain();

-- Append-only for everyone who goes through triggers (the app role also lacks the grants).
create or replace function audit_events_append_only() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
end $$;

create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_append_only();

alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy audit_events_chain_scope on audit_events
    using (tenant_id is not distinct from app_current_tenant())
    with check (tenant_id is not distinct from app_current_tenant());
