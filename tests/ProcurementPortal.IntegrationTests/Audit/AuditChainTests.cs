using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Audit;

[Collection(PortalCollection.Name)]
public sealed class AuditChainTests(PortalFixture fixture)
{
    private async Task<List<AuditEvent>> RecordAsync(Guid tenantId, int count)
    {
        var tenant = await fixture.SuperuserDb().Organisations.SingleAsync(o => o.Id == tenantId);
        for (var i = 0; i < count; i++)
        {
            await using var scope = fixture.App.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record("test.happened", "Thing", i, $"event {i}");
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }
        await using var db = fixture.SuperuserDb(tenantId);
        return await db.AuditEvents.OrderBy(e => e.Seq).ToListAsync();
    }

    private async Task<AuditVerification> VerifyAsync(Guid tenantId)
    {
        var tenant = await fixture.SuperuserDb().Organisations.SingleAsync(o => o.Id == tenantId);
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(CancellationToken.None);
    }

    /// <summary>Someone with storage-level access changes the table behind the app's back (triggers off).</summary>
    private async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand("set session_replication_role = replica", connection).ExecuteNonQueryAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Events_form_a_hash_chain_per_tenant()
    {
        var tenant = await fixture.CreateTenantAsync();
        var events = await RecordAsync(tenant.Id, 3);

        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Seq));
        Assert.Empty(events[0].PrevHash);
        Assert.Equal(events[0].Hash, events[1].PrevHash);
        Assert.Equal(events[1].Hash, events[2].PrevHash);
        Assert.All(events, e => Assert.Equal(32, e.Hash.Length));
        var verification = await VerifyAsync(tenant.Id);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(3, verification.EventsChecked);
    }

    [Fact]
    public async Task Concurrent_events_still_form_one_unbroken_chain()
    {
        var tenant = await fixture.CreateTenantAsync();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RecordAsync(tenant.Id, 3)));

        var verification = await VerifyAsync(tenant.Id);

        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(24, verification.EventsChecked);
    }

    [Fact]
    public async Task App_role_cannot_update_or_delete_audit_events()
    {
        var tenant = await fixture.CreateTenantAsync();
        var events = await RecordAsync(tenant.Id, 1);
        await using var connection = new NpgsqlConnection(fixture.AppConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand($"select set_config('app.tenant_id', '{tenant.Id}', false)", connection).ExecuteNonQueryAsync();

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            new NpgsqlCommand($"update audit_events set summary = 'rewritten' where id = '{events[0].Id}'", connection).ExecuteNonQueryAsync());
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            new NpgsqlCommand($"delete from audit_events where id = '{events[0].Id}'", connection).ExecuteNonQueryAsync());

        Assert.Equal("42501", update.SqlState); // permission denied
        Assert.Equal("42501", delete.SqlState);
    }

    [Fact]
    public async Task Tampering_with_one_event_is_found_by_verify()
    {
        var tenant = await fixture.CreateTenantAsync();
        var events = await RecordAsync(tenant.Id, 4);
        await TamperAsync($"update audit_events set summary = 'nothing to see' where id = '{events[2].Id}'");

        var verification = await VerifyAsync(tenant.Id);

        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenSeq);
        Assert.Equal(events[2].Id, verification.FirstBrokenId);
        Assert.Equal(2, verification.EventsChecked);
    }

    [Fact]
    public async Task Deleting_an_event_is_found_by_verify()
    {
        var tenant = await fixture.CreateTenantAsync();
        var events = await RecordAsync(tenant.Id, 3);
        await TamperAsync($"delete from audit_events where id = '{events[1].Id}'");

        var verification = await VerifyAsync(tenant.Id);

        Assert.False(verification.Intact);
        Assert.Equal(3, verification.FirstBrokenSeq);
    }

    [Fact]
    public async Task An_event_rolled_back_with_its_change_leaves_no_trace()
    {
        var tenant = await fixture.CreateTenantAsync();
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<AuditLog>().Record("test.rolled_back", "Thing", 1);
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        await using var check = fixture.SuperuserDb(tenant.Id);
        Assert.False(await check.AuditEvents.AnyAsync());
        Assert.True((await VerifyAsync(tenant.Id)).Intact);
    }
}
