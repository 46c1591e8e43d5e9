-- The app role owns nothing and cannot bypass row-level security (it is created NOBYPASSRLS by infra/lib.sh).
-- It may read and write business tables, only insert into the audit log, and use the Hangfire schema.
grant usage on schema public to {app_role};
grant select, insert, update, delete on all tables in schema public to {app_role};
revoke all on table "__EFMigrationsHistory" from {app_role};
revoke update, delete, truncate on table audit_events from {app_role};
grant usage, select on all sequences in schema public to {app_role};
grant execute on all functions in schema public to {app_role};
grant usage on schema hangfire to {app_role};
grant select, insert, update, delete on all tables in schema hangfire to {app_role};
grant usage, select, update on all sequences in schema hangfire to {app_role};
