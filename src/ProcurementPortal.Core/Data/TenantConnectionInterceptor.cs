using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Data;

/// <summary>
/// Third tenancy lock, the application half: every time EF opens a connection for this scope it sets
/// <c>app.tenant_id</c> (empty when no tenant), which the row-level security policies read. EF opens a
/// connection per query or per transaction, so every statement runs with the scope's tenant; an empty
/// setting matches no tenant row (fail closed). See docs/adr/003-row-level-security.md.
/// </summary>
public sealed class TenantConnectionInterceptor(ITenantContext tenant) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreateCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "select set_config('app.tenant_id', @tenant, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant.TenantId?.ToString() ?? "";
        command.Parameters.Add(parameter);
        return command;
    }
}
