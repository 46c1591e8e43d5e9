-- The audit chain is linked when the transaction commits, not when the event is inserted (docs/adr/021, amending
-- ADR 006): the chain's advisory lock is then held only while the transaction commits, so concurrent writers to one
-- tenant's log (a deadline rush: every submission writes one event) no longer wait for each other's whole
-- transaction, only for each other's commit.

-- Placeholder numbers of events inserted but not yet linked: below zero, unique, never seen by another transaction.
create sequence if not exists audit_events_pending;

-- On insert: the time, and a placeholder for the link (the event is not in the chain until its transaction commits).
create or replace function audit_events_chain() returns trigger
language plpgsql as $$
begin
    new.seq := -nextval('audit_events_pending');
    new.prev_hash := '\x'::bytea;
    new.hash := '\x'::bytea;
    new.occurred_at := now();
    return new;
end $$;

-- At commit (deferred constraint trigger, in insert order): serialise appends to one chain so two transactions never
-- link to the same predecessor, number the event, link it to the previous hash and compute its hash. Runs as the
-- owner: the app role may only insert into the audit log.
create or replace function audit_events_link() returns trigger
language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    last_seq bigint;
    last_hash bytea;
    linked_seq bigint;
    linked_prev bytea;
begin
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
    return null;
end $$;

revoke all on function audit_events_link() from public;

drop trigger if exists audit_events_link on audit_events;
create constraint trigger audit_events_link after insert on audit_events
    deferrable initially deferred
    for each row execute function audit_events_link();

-- Append-only, with one exception: the link above, made from inside the trigger to a pending event, changing
-- nothing but the link.
create or replace function audit_events_append_only() returns trigger
language plpgsql as $$
begin
    if tg_op = 'UPDATE' and pg_trigger_depth() > 1 and old.seq < 0 and new.seq > 0
       and (new.id, new.tenant_id, new.occurred_at, new.actor_user_id, new.actor_name, new.action, new.entity_type,
            new.entity_id, new.summary)
           is not distinct from
           (old.id, old.tenant_id, old.occurred_at, old.actor_user_id, old.actor_name, old.action, old.entity_type,
            old.entity_id, old.summary) then
        return new;
    end if;
    raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
end $$;
