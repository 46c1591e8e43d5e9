-- An API client's call carries only its token, before any tenant is known; row-level security hides every API client
-- until app.tenant_id is set. This function (run as its owner, the migrating role) answers one question only: which
-- live client (not revoked, not expired by the database clock) holds the token with this hash, in which tenant and with
-- which roles. It also notes when the client was last used, at most once a minute, so that busy clients do not write
-- on every call. The app role gets nothing else: it cannot list clients or read hashes outside its tenant.
do $$
begin
    -- FORCE ROW LEVEL SECURITY binds the owner too: let the owner (and so this security-definer function) read the
    -- clients and stamp last_used_at.
    execute format('create policy api_clients_owner_token_lookup on api_clients for select to %I using (true)', current_user);
    execute format('create policy api_clients_owner_last_used on api_clients for update to %I using (true)', current_user);
end $$;

create or replace function api_client_authenticate(p_token_hash bytea)
returns table (id uuid, tenant_id uuid, name text, roles text[])
language plpgsql volatile security definer set search_path = pg_catalog, public as $$
begin
    update public.api_clients c set last_used_at = now()
    where c.token_hash = p_token_hash and c.revoked_at is null and (c.expires_at is null or c.expires_at > now())
      and (c.last_used_at is null or c.last_used_at < now() - interval '1 minute');
    return query
        select c.id, c.tenant_id, c.name::text, c.roles::text[]
        from public.api_clients c
        where c.token_hash = p_token_hash and c.revoked_at is null and (c.expires_at is null or c.expires_at > now());
end
$$;

revoke all on function api_client_authenticate(bytea) from public;
