-- Finding work across tenants (issue 5, point 1). Row-level security holds every app connection to one tenant, so a
-- list of every tenant's open tenders needs one deliberate, narrow path: this function, run as its owner (the
-- migrating role), returns the public columns of tenders open now (published, submission deadline ahead) and
-- nothing else. The app role gains no policy and no right to read another tenant's rows.
do $$
begin
    -- FORCE ROW LEVEL SECURITY binds the owner too: let the owner (and so this security-definer function) read
    -- open tenders and their lots only.
    execute format('create policy procurements_owner_open_tenders on procurements for select to %I using (state = ''TenderOpen'')', current_user);
    execute format('create policy lots_owner_open_tenders on lots for select to %I using (exists (select 1 from procurements p where p.id = lots.procurement_id and p.state = ''TenderOpen''))', current_user);
end $$;

create or replace function open_tenders(
    p_query text, p_cpv text, p_tenant text, p_closing_before timestamptz, p_offset integer, p_limit integer)
returns table (
    id uuid, tenant_slug text, tenant_name text, reference text, title text, cpv_code text,
    submission_deadline timestamptz, lots integer, total bigint)
language sql stable security definer set search_path = pg_catalog, public as $$
    select p.id, o.slug::text, o.name::text, p.reference::text, p.title::text, p.cpv_code::text, p.submission_deadline,
           (select count(*)::integer from public.lots l where l.procurement_id = p.id),
           count(*) over ()
      from public.procurements p
      join public.organisations o on o.id = p.tenant_id
     where p.state = 'TenderOpen'
       and p.submission_deadline > now()
       and (p_query is null or strpos(lower(p.title), lower(p_query)) > 0 or strpos(lower(p.description), lower(p_query)) > 0)
       and (p_cpv is null or starts_with(p.cpv_code, p_cpv))
       and (p_tenant is null or o.slug = p_tenant)
       and (p_closing_before is null or p.submission_deadline < p_closing_before)
     order by p.submission_deadline, o.name, p.reference
    offset greatest(p_offset, 0) limit least(greatest(p_limit, 1), 100)
$$;

revoke all on function open_tenders(text, text, text, timestamptz, integer, integer) from public;
