using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Data;

/// <summary>
/// Third tenancy lock, the application half: every time EF opens a connection for this scope it sets
/// <c>app.tenant_id</c> (empty when no tenant), which the row-level security policies read. EF opens a
/// connection per query or per transaction, so every statement runs with the scope's tenant; an empty
/// setting matches no tenant row (fail closed). See docs/adr/003-row-level-security.md.
/// It also sets <c>app.provider_id</c> (empty when the unit of work acts for no provider), which the provider
/// policies of provider-owned tables read; both are set on every open, so a pooled connection never keeps a stale one.
/// </summary>
public sealed class TenantConnectionInterceptor(ITenantContext tenant, IProviderContext? provider = null) : DbConnectionInterceptor
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
        command.CommandText = "select set_config('app.tenant_id', @tenant, false), set_config('app.provider_id', @provider, false)";
        AddParameter(command, "tenant", tenant.TenantId);
        AddParameter(command, "provider", provider?.ProviderId);
        return command;
    }

    private static void AddParameter(DbCommand command, string name, Guid? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value?.ToString() ?? "";
        command.Parameters.Add(parameter);
    }
}
