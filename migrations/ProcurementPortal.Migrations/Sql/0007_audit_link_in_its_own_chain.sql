-- The commit-time link (0006) sets the tenant of the event's own chain for the rest of the committing transaction
-- before it reads the chain, and fails loudly if the event cannot be linked (rather than leaving it unlinked).

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
    select seq, hash into last_seq, last_hash
      from public.audit_events where tenant_id is not distinct from new.tenant_id and seq > 0
     order by seq desc limit 1;
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
