using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Tenancy;

/// <summary>
/// The three tenancy locks, each tested on its own (ARCHITECTURE.md "Who is who"): the named query filter
/// and the save interceptor are exercised as the superuser, which bypasses RLS; RLS is exercised with raw SQL
/// as the app role, with no EF filter in the way.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class TenancyLocksTests(PortalFixture fixture)
{
    private async Task<(Organisation A, Organisation B, Invitation InA, Invitation InB)> TwoTenantsWithAnInvitationEachAsync()
    {
        var a = await fixture.CreateTenantAsync("Tenant A");
        var b = await fixture.CreateTenantAsync("Tenant B");
        var inA = NewInvitation("a@example.test");
        var inB = NewInvitation("b@example.test");
        await using (var dbA = fixture.SuperuserDb(a.Id))
        {
            dbA.Invitations.Add(inA);
            await dbA.SaveChangesAsync();
        }
        await using (var dbB = fixture.SuperuserDb(b.Id))
        {
            dbB.Invitations.Add(inB);
            await dbB.SaveChangesAsync();
        }
        return (a, b, inA, inB);
    }

    private static Invitation NewInvitation(string email) => new()
    {
        Email = email,
        Role = Role.Evaluator,
        TokenHash = Invitation.HashToken(Invitation.NewToken()),
        CreatedAt = DateTime.UtcNow,
        ExpiresAt = DateTime.UtcNow.AddDays(7),
    };

    [Fact]
    public async Task Query_filter_alone_hides_another_tenants_rows()
    {
        var (a, _, inA, inB) = await TwoTenantsWithAnInvitationEachAsync();
        await using var db = fixture.SuperuserDb(a.Id);

        var visible = await db.Invitations.Select(i => i.Id).ToListAsync();
        var all = await db.Invitations.IgnoreQueryFilters([PortalDbContext.TenantFilter]).Select(i => i.Id).ToListAsync();

        Assert.Contains(inA.Id, visible);
        Assert.DoesNotContain(inB.Id, visible);
        Assert.Null(await db.Invitations.SingleOrDefaultAsync(i => i.Id == inB.Id));
        Assert.Contains(inB.Id, all); // the superuser sees it: only the filter hid it
    }

    [Fact]
    public async Task Query_filter_with_no_tenant_shows_no_tenant_rows()
    {
        var (_, _, inA, inB) = await TwoTenantsWithAnInvitationEachAsync();
        await using var db = fixture.SuperuserDb();

        var visible = await db.Invitations.Where(i => i.Id == inA.Id || i.Id == inB.Id).CountAsync();

        Assert.Equal(0, visible);
    }

    [Fact]
    public async Task Save_interceptor_alone_stamps_the_tenant_on_insert()
    {
        var a = await fixture.CreateTenantAsync();
        var invitation = NewInvitation("stamp@example.test");
        await using (var db = fixture.SuperuserDb(a.Id))
        {
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
        }

        await using var check = fixture.SuperuserDb();
        var stored = await check.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == invitation.Id);
        Assert.Equal(a.Id, stored.TenantId);
    }

    [Fact]
    public async Task Save_interceptor_alone_refuses_to_update_another_tenants_row()
    {
        var (a, _, _, inB) = await TwoTenantsWithAnInvitationEachAsync();
        await using var db = fixture.SuperuserDb(a.Id);
        var theirs = await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == inB.Id);

        theirs.Email = "hijacked@example.test";

        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        await using var check = fixture.SuperuserDb();
        Assert.Equal("b@example.test", (await check.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == inB.Id)).Email);
    }

    [Fact]
    public async Task Save_interceptor_alone_refuses_to_move_a_row_into_another_tenant()
    {
        var (a, b, inA, _) = await TwoTenantsWithAnInvitationEachAsync();
        await using var db = fixture.SuperuserDb(a.Id);
        var ours = await db.Invitations.SingleAsync(i => i.Id == inA.Id);

        ours.TenantId = b.Id;

        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Save_interceptor_alone_refuses_to_insert_or_delete_for_another_tenant()
    {
        var (a, b, _, inB) = await TwoTenantsWithAnInvitationEachAsync();
        await using (var db = fixture.SuperuserDb(a.Id))
        {
            var forB = NewInvitation("planted@example.test");
            forB.TenantId = b.Id;
            db.Invitations.Add(forB);
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = fixture.SuperuserDb(a.Id))
        {
            db.Invitations.Remove(await db.Invitations.IgnoreQueryFilters().SingleAsync(i => i.Id == inB.Id));
            await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
        }
        await using var check = fixture.SuperuserDb();
        Assert.True(await check.Invitations.IgnoreQueryFilters().AnyAsync(i => i.Id == inB.Id));
        Assert.False(await check.Invitations.IgnoreQueryFilters().AnyAsync(i => i.Email == "planted@example.test"));
    }

    [Fact]
    public async Task Save_interceptor_alone_refuses_tenant_writes_when_no_tenant_is_set()
    {
        var a = await fixture.CreateTenantAsync();
        await using var db = fixture.SuperuserDb();
        var invitation = NewInvitation("nobody@example.test");
        invitation.TenantId = a.Id;
        db.Invitations.Add(invitation);

        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Row_level_security_alone_shows_the_app_role_only_the_tenant_it_set()
    {
        var (a, b, inA, inB) = await TwoTenantsWithAnInvitationEachAsync();
        await using var connection = new NpgsqlConnection(fixture.AppConnectionString);
        await connection.OpenAsync();

        await Execute(connection, $"select set_config('app.tenant_id', '{a.Id}', false)");
        var seenAsA = await Ids(connection, "select id from invitations");
        var tenantsSeenAsA = await Ids(connection, "select distinct tenant_id from invitations");

        Assert.Contains(inA.Id, seenAsA);
        Assert.DoesNotContain(inB.Id, seenAsA);
        Assert.Equal([a.Id], tenantsSeenAsA);
        Assert.DoesNotContain(b.Id, tenantsSeenAsA);
    }

    [Fact]
    public async Task Row_level_security_on_a_pooled_connection_reused_without_a_reset_sees_only_the_new_scopes_tenant()
    {
        var (a, b, inA, inB) = await TwoTenantsWithAnInvitationEachAsync();
        // The app's tuned connection (no reset when a connection goes back to the pool, ADR 030) with a pool of one, so
        // each unit of work below gets the same server session straight after the one before.
        var pooled = PortalCore.Tuned($"{fixture.AppConnectionString};Maximum Pool Size=1");

        var asA = await SeenThroughThePoolAsync(pooled, a.Id);
        var asB = await SeenThroughThePoolAsync(pooled, b.Id);
        var asNoTenant = await SeenThroughThePoolAsync(pooled, null);

        Assert.Equal(asA.Session, asB.Session);
        Assert.Equal(asA.Session, asNoTenant.Session);
        Assert.Contains(inA.Id, asA.Invitations);
        Assert.DoesNotContain(inB.Id, asA.Invitations);
        Assert.Contains(inB.Id, asB.Invitations);
        Assert.DoesNotContain(inA.Id, asB.Invitations);
        Assert.Empty(asNoTenant.Invitations);
    }

    /// <summary>Invitations seen by row-level security alone (the query filter off) in a unit of work for the tenant, and the server session it ran on.</summary>
    private static async Task<(int Session, List<Guid> Invitations)> SeenThroughThePoolAsync(string connectionString, Guid? tenantId)
    {
        var tenant = new TenantContext();
        if (tenantId is { } id)
        {
            tenant.Set(new Organisation { Id = id, Kind = OrganisationKind.CommissioningBody, Name = "test", Slug = "test" });
        }
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalCore.ConfigureDbContext(options, connectionString);
        options.AddInterceptors(new TenantConnectionInterceptor(tenant));
        await using var db = new PortalDbContext(options.Options, tenant);
        var invitations = await db.Invitations.IgnoreQueryFilters([PortalDbContext.TenantFilter]).Select(i => i.Id).ToListAsync();
        var session = await db.Database.SqlQuery<int>($"select pg_backend_pid() as \"Value\"").SingleAsync();
        return (session, invitations);
    }

    [Fact]
    public async Task Row_level_security_alone_shows_nothing_when_the_tenant_is_not_set()
    {
        await TwoTenantsWithAnInvitationEachAsync();
        await using var connection = new NpgsqlConnection(fixture.AppConnectionString);
        await connection.OpenAsync();

        Assert.Empty(await Ids(connection, "select id from invitations"));
        await Execute(connection, "select set_config('app.tenant_id', '', false)");
        Assert.Empty(await Ids(connection, "select id from invitations"));
    }

    [Fact]
    public async Task Row_level_security_alone_refuses_app_role_writes_into_another_tenant()
    {
        var (a, b, _, inB) = await TwoTenantsWithAnInvitationEachAsync();
        await using var connection = new NpgsqlConnection(fixture.AppConnectionString);
        await connection.OpenAsync();
        await Execute(connection, $"select set_config('app.tenant_id', '{a.Id}', false)");

        var insert = Assert.ThrowsAsync<PostgresException>(() => Execute(connection,
            $"insert into invitations (id, tenant_id, email, role, token_hash, invited_by_user_id, created_at, expires_at) " +
            $"values (gen_random_uuid(), '{b.Id}', 'x@example.test', 'Evaluator', '\\x01', gen_random_uuid(), now(), now())"));
        Assert.Equal("42501", (await insert).SqlState); // new row violates row-level security policy

        var updated = await ExecuteCount(connection, $"update invitations set email = 'hijack@example.test' where id = '{inB.Id}'");
        var deleted = await ExecuteCount(connection, $"delete from invitations where id = '{inB.Id}'");
        Assert.Equal(0, updated);
        Assert.Equal(0, deleted);
    }

    [Fact]
    public async Task App_role_owns_nothing_and_cannot_bypass_row_level_security()
    {
        await using var connection = new NpgsqlConnection(fixture.AppConnectionString);
        await connection.OpenAsync();
        await using var role = new NpgsqlCommand(
            "select rolsuper, rolbypassrls from pg_roles where rolname = current_user", connection);
        await using (var reader = await role.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync());
            Assert.False(reader.GetBoolean(0));
            Assert.False(reader.GetBoolean(1));
        }
        await using var owned = new NpgsqlCommand(
            "select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)", connection);
        Assert.Equal(0L, (long)(await owned.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Every_tenant_owned_table_has_forced_row_level_security_and_a_policy()
    {
        await using var db = fixture.SuperuserDb();
        var tables = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.GetTableName()!)
            .ToList();
        Assert.NotEmpty(tables);

        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                "select c.relrowsecurity, c.relforcerowsecurity, (select count(*) from pg_policies p where p.tablename = c.relname) " +
                "from pg_class c where c.relname = @t", connection);
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"table {table} not found");
            Assert.True(reader.GetBoolean(0), $"{table}: row-level security is not enabled");
            Assert.True(reader.GetBoolean(1), $"{table}: row-level security is not forced");
            Assert.True(reader.GetInt64(2) > 0, $"{table}: no policy");
        }
    }

    [Fact]
    public async Task Every_tenant_owned_entity_has_the_named_tenant_filter()
    {
        await using var db = fixture.SuperuserDb();
        var missing = db.Model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Where(t => t.FindDeclaredQueryFilter(PortalDbContext.TenantFilter) is null)
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(missing);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<int> ExecuteCount(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<Guid>> Ids(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }
}
