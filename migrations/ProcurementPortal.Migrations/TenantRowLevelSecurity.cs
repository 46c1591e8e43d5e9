using Microsoft.EntityFrameworkCore.Migrations;

namespace ProcurementPortal.Migrations;

/// <summary>The third tenancy lock, declared in a migration for each tenant-owned table.</summary>
public static class TenantRowLevelSecurity
{
    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migration, string table)
    {
        migration.Sql($"alter table {table} enable row level security;");
        migration.Sql($"alter table {table} force row level security;");
        migration.Sql($"""
            create policy {table}_tenant_isolation on {table}
                using (tenant_id = app_current_tenant())
                with check (tenant_id = app_current_tenant());
            """);
    }

    public static void DisableTenantRowLevelSecurity(this MigrationBuilder migration, string table)
    {
        migration.Sql($"drop policy if exists {table}_tenant_isolation on {table};");
        migration.Sql($"alter table {table} no force row level security;");
        migration.Sql($"alter table {table} disable row level security;");
    }
}
