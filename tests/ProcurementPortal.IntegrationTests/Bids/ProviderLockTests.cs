using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>
/// The three provider locks, each tested on its own, as the tenancy locks are: the query filter and the save guard
/// as the superuser (which bypasses RLS), row-level security with raw SQL as the app role. Then the whole: another
/// provider's bid answers 404.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ProviderLockTests(PortalFixture fixture)
{
    private async Task<(Tender Tender, BidProvider A, BidProvider B, Guid BidA, Guid BidB)> TwoProvidersWithADraftEachAsync()
    {
        var tender = await fixture.PublishedTenderAsync();
        var a = await fixture.ProviderAsync("Ribble Valley Supported Living Ltd");
        var b = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        var bidA = (await tender.StartAsync(a.Client)).GetProperty("id").GetGuid();
        var bidB = (await tender.StartAsync(b.Client)).GetProperty("id").GetGuid();
        return (tender, a, b, bidA, bidB);
    }

    [Fact]
    public async Task Query_filter_alone_hides_another_providers_bid()
    {
        var (tender, a, _, bidA, bidB) = await TwoProvidersWithADraftEachAsync();
        await using var db = BidTestSupport.Db(fixture.SuperuserConnectionString, tender.Tenant.Id, a.Organisation.Id);

        var visible = await db.Bids.Where(b => b.ProcurementId == tender.Id).Select(b => b.Id).ToListAsync();
        var unfiltered = await db.Bids.IgnoreQueryFilters([PortalDbContext.ProviderFilter]).Where(b => b.ProcurementId == tender.Id).Select(b => b.Id).ToListAsync();

        Assert.Equal([bidA], visible);
        Assert.Null(await db.Bids.SingleOrDefaultAsync(b => b.Id == bidB));
        Assert.Contains(bidB, unfiltered); // the superuser sees it: only the filter hid it
    }

    [Fact]
    public async Task Query_filter_with_no_provider_shows_the_tenants_bids_to_officers()
    {
        var (tender, _, _, bidA, bidB) = await TwoProvidersWithADraftEachAsync();
        await using var db = BidTestSupport.Db(fixture.SuperuserConnectionString, tender.Tenant.Id, providerId: null);

        var visible = await db.Bids.Where(b => b.ProcurementId == tender.Id).Select(b => b.Id).ToListAsync();

        Assert.Equal(new[] { bidA, bidB }.Order(), visible.Order());
    }

    [Fact]
    public async Task Save_guard_alone_stamps_the_provider_and_refuses_another_providers_row()
    {
        var (tender, a, b, _, bidB) = await TwoProvidersWithADraftEachAsync();
        await using (var db = BidTestSupport.Db(fixture.SuperuserConnectionString, tender.Tenant.Id, a.Organisation.Id))
        {
            var theirs = await db.Bids.IgnoreQueryFilters().SingleAsync(x => x.Id == bidB);
            theirs.DraftContent = [1, 2, 3];
            await Assert.ThrowsAsync<ProviderViolationException>(() => db.SaveChangesAsync());
        }
        await using (var db = BidTestSupport.Db(fixture.SuperuserConnectionString, tender.Tenant.Id, a.Organisation.Id))
        {
            var counterfeit = new Bid { ProcurementId = tender.Id, ProviderId = b.Organisation.Id, DraftContent = [1] };
            db.Bids.Add(counterfeit);
            await Assert.ThrowsAsync<ProviderViolationException>(() => db.SaveChangesAsync());
        }
        var stranger = await fixture.ProviderAsync("Brixton Wellbeing Partnership CIC");
        var stamped = new Bid { ProcurementId = tender.Id, DraftContent = [1] };
        await using (var db = BidTestSupport.Db(fixture.SuperuserConnectionString, tender.Tenant.Id, stranger.Organisation.Id))
        {
            db.Bids.Add(stamped);
            await db.SaveChangesAsync();
        }
        Assert.Equal(stranger.Organisation.Id, stamped.ProviderId);
        await using (var db = BidTestSupport.Db(fixture.SuperuserConnectionString, tender.Tenant.Id, providerId: null))
        {
            var officerWrite = await db.Bids.SingleAsync(x => x.Id == stamped.Id);
            officerWrite.DraftContent = [9];
            await Assert.ThrowsAsync<ProviderViolationException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Row_level_security_alone_shows_a_provider_only_its_own_bid_and_refuses_writing_anothers()
    {
        var (tender, a, b, bidA, bidB) = await TwoProvidersWithADraftEachAsync();
        await using var connection = new NpgsqlConnection(fixture.AppConnectionString);
        await connection.OpenAsync();

        async Task<List<Guid>> VisibleAsync(Guid? provider)
        {
            await using var set = new NpgsqlCommand("select set_config('app.tenant_id', @t, false), set_config('app.provider_id', @p, false)", connection);
            set.Parameters.AddWithValue("t", tender.Tenant.Id.ToString());
            set.Parameters.AddWithValue("p", provider?.ToString() ?? "");
            await set.ExecuteNonQueryAsync();
            await using var query = new NpgsqlCommand("select id from bids where procurement_id = @id", connection);
            query.Parameters.AddWithValue("id", tender.Id);
            var ids = new List<Guid>();
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
            return ids;
        }

        Assert.Equal([bidA], await VisibleAsync(a.Organisation.Id));
        Assert.Equal([bidB], await VisibleAsync(b.Organisation.Id));
        Assert.Equal(2, (await VisibleAsync(null)).Count); // officers: bounded by the tenant policy alone

        await VisibleAsync(a.Organisation.Id);
        await using var update = new NpgsqlCommand("update bids set draft_content = '\\x00' where id = @id", connection);
        update.Parameters.AddWithValue("id", bidB);
        Assert.Equal(0, await update.ExecuteNonQueryAsync());
        await using var insert = new NpgsqlCommand(
            "insert into bids (id, tenant_id, provider_id, procurement_id, status, draft_content, created_at, draft_saved_at, draft_saved_by_user_id) " +
            "values (gen_random_uuid(), @t, @p, @proc, 'Draft', '\\x00', now(), now(), gen_random_uuid())", connection);
        insert.Parameters.AddWithValue("t", tender.Tenant.Id);
        insert.Parameters.AddWithValue("p", b.Organisation.Id);
        insert.Parameters.AddWithValue("proc", tender.Id);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task Every_provider_owned_table_has_a_restrictive_provider_policy_beside_forced_tenant_security()
    {
        await using var db = fixture.SuperuserDb();
        var tables = db.Model.GetEntityTypes()
            .Where(t => typeof(IProviderOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.GetTableName()!)
            .Distinct()
            .ToList();
        Assert.Contains("bids", tables);
        Assert.Contains("bid_versions", tables);
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand(
                "select c.relforcerowsecurity, " +
                "(select count(*) from pg_policies p where p.tablename = c.relname and p.permissive = 'RESTRICTIVE' and p.qual like '%app_current_provider()%' and p.with_check like '%app_current_provider()%') " +
                "from pg_class c where c.relname = @t", connection);
            command.Parameters.AddWithValue("t", table);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync(), $"{table} missing");
            Assert.True(reader.GetBoolean(0), $"{table}: row-level security not forced");
            Assert.True(reader.GetInt64(1) == 1, $"{table}: no restrictive provider policy");
        }
    }

    [Fact]
    public void Provider_context_refuses_a_second_provider_in_the_same_unit_of_work()
    {
        var context = new ProviderContext();
        var first = Guid.NewGuid();
        context.Set(first);
        context.Set(first);

        Assert.Throws<InvalidOperationException>(() => context.Set(Guid.NewGuid()));
        Assert.Equal(first, context.ProviderId);
    }

    [Fact]
    public async Task Another_provider_gets_404_for_a_bid_even_naming_the_owners_organisation()
    {
        var (tender, a, b, _, _) = await TwoProvidersWithADraftEachAsync();
        await tender.CompleteDraftAsync(a.Client);
        var stranger = await fixture.ProviderAsync("Brixton Wellbeing Partnership CIC");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(tender.BidUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"{tender.BidUrl}/check")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"{tender.BidUrl}/receipts")).StatusCode);
        foreach (var url in new[] { $"{tender.BidUrl}?providerId={a.Organisation.Id}", $"{tender.BidUrl}/check?providerId={a.Organisation.Id}" })
        {
            var response = await b.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("zebra-lantern", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await tender.SubmitAsync(stranger.Client)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Client.PostAsync($"{tender.BidUrl}/submit?providerId={a.Organisation.Id}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync($"{tender.BidUrl}/withdraw", null)).StatusCode);
    }
}
