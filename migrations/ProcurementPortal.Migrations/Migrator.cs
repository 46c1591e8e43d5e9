using System.Reflection;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Migrations;

/// <summary>
/// Applies the schema as the owner role: EF migrations (tables, row-level security, the audit chain), the
/// Hangfire schema, then the grants that let the app role use them (and no more: see Sql/grants.sql).
/// </summary>
public static class Migrator
{
    public static async Task MigrateAsync(string ownerConnectionString, string appRole, CancellationToken ct = default)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(appRole, "^[a-z_][a-z0-9_]*$"))
        {
            throw new ArgumentException($"'{appRole}' is not a plain role name.", nameof(appRole));
        }
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalCore.ConfigureDbContext(options, ownerConnectionString);
        await using (var db = new PortalDbContext(options.Options, new TenantContext()))
        {
            await db.Database.MigrateAsync(ct);
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        PostgreSqlObjectsInstaller.Install(connection, PortalCore.HangfireSchema);
        await using var grants = connection.CreateCommand();
        grants.CommandText = ReadSql("grants.sql").Replace("{app_role}", appRole);
        await grants.ExecuteNonQueryAsync(ct);
    }

    public static string ReadSql(string name)
    {
        var assembly = Assembly.GetExecutingAssembly();
        using var stream = assembly.GetManifestResourceStream($"ProcurementPortal.Migrations.Sql.{name}")
            ?? throw new InvalidOperationException($"SQL resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
