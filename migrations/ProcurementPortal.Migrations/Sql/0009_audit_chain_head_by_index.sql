-- The commit-time link (0006, 0007) read the head of the event's chain with `tenant_id is not distinct from ...`, which
-- no index can answer: every link scanned the whole audit log while holding the chain's advisory lock, so each commit
-- of every writer to one tenant took longer the longer the log grew. The head is now read with `=` for a tenant's
-- chain, answered by ix_audit_events_tenant_id_seq (tenant_id, seq) from its last entry, and with `is null` for the
-- platform's, answered by a partial index of the platform's events by seq (row-level security keeps the planner from
-- using an `is null` condition on the first index). Nothing else changes: the same lock, the same numbering, the
-- same hash.

create index if not exists ix_audit_events_platform_seq on audit_events (seq) where tenant_id is null;

create or replace function audit_events_link() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    last_seq bigint;
    last_hash bytea;
    linked_seq bigint;
    linked_prev bytea;
begin
    -- Link in the event's own chain whatever the session's tenant setting became since the insert: the owner is
    -- subject to row-level security too, and an update hidden by it would leave the event unlinked without a word.
    perform set_config('app.tenant_id', coalesce(new.tenant_id::text, ''), true);
    perform pg_advisory_xact_lock(hashtextextended('audit:' || coalesce(new.tenant_id::text, 'platform'), 0));
    if new.tenant_id is null then
        select seq, hash into last_seq, last_hash
          from public.audit_events where tenant_id is null and seq > 0
         order by seq desc limit 1;
    else
        select seq, hash into last_seq, last_hash
          from public.audit_events where tenant_id = new.tenant_id and seq > 0
         order by seq desc limit 1;
    end if;
    linked_seq := coalesce(last_seq, 0) + 1;
    linked_prev := coalesce(last_hash, '\x'::bytea);
    update public.audit_events
       set seq = linked_seq,
           prev_hash = linked_prev,
           hash = public.audit_event_hash(new.tenant_id, linked_seq, new.occurred_at, new.actor_user_id, new.actor_name,
               new.action, new.entity_type, new.entity_id, new.summary, linked_prev)
     where id = new.id;
    if not found then
        raise exception 'audit event % could not be linked into its chain', new.id;
    end if;
    return null;
end $$;

revoke all on function audit_events_link() from public;
