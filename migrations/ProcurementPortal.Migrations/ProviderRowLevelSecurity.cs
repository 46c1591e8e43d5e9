using Microsoft.EntityFrameworkCore.Migrations;

namespace ProcurementPortal.Migrations;

/// <summary>
/// The third provider lock, declared in a migration for each provider-owned table (on top of the tenant policy):
/// a RESTRICTIVE policy, so a row must pass both. When the unit of work acts for a provider (app.provider_id set),
/// only that provider's rows are visible or writable; officers and jobs (no provider) are bounded by the tenant alone.
/// </summary>
public static class ProviderRowLevelSecurity
{
    public static void CreateCurrentProviderFunction(this MigrationBuilder migration) =>
        migration.Sql("""
            create or replace function app_current_provider() returns uuid
            language sql stable as $$ select nullif(current_setting('app.provider_id', true), '')::uuid $$;
            """);

    public static void EnableProviderRowLevelSecurity(this MigrationBuilder migration, string table) =>
        migration.Sql($"""
            create policy {table}_provider_isolation on {table} as restrictive
                using (provider_id = app_current_provider() or app_current_provider() is null)
                with check (provider_id = app_current_provider() or app_current_provider() is null);
            """);

    public static void DisableProviderRowLevelSecurity(this MigrationBuilder migration, string table) =>
        migration.Sql($"drop policy if exists {table}_provider_isolation on {table};");
}
