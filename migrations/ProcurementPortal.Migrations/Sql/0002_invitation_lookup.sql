-- Accepting an invitation starts from its emailed token alone, before any tenant is known; row-level security
-- hides every invitation until app.tenant_id is set. This function (run as its owner, the migrating role) answers
-- one question only: which tenant issued the invitation with this token hash. The app then sets that tenant and
-- reads the invitation through the ordinary, tenant-scoped path.
do $$
begin
    -- FORCE ROW LEVEL SECURITY binds the owner too: let the owner (and so this security-definer function) read
    -- invitations. The app role gets nothing new beyond the tenant id returned below.
    execute format('create policy invitations_owner_token_lookup on invitations for select to %I using (true)', current_user);
end $$;

create or replace function invitation_tenant_by_token(p_token_hash bytea) returns uuid
language sql stable security definer set search_path = pg_catalog, public as $$
    select tenant_id from public.invitations where token_hash = p_token_hash
$$;

revoke all on function invitation_tenant_by_token(bytea) from public;
