using ProcurementPortal.Core.Email;
using Npgsql;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Performance;

/// <summary>
/// The hot lookups answer from an index once the tables are large enough for the planner to care: thousands of
/// procurements and bids (cloned from a real one by SQL) and ten thousand delivered emails beside a few queued ones.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class QueryPlanTests(PortalFixture fixture)
{
    [Fact]
    public async Task Bid_lookups_and_the_outbox_pick_use_indexes_not_sequential_scans()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        await fixture.SqlAsync($"""
            insert into procurements
              select (jsonb_populate_record(null::procurements, to_jsonb(p) || jsonb_build_object('id', gen_random_uuid(), 'reference', p.reference || '-' || g))).*
                from procurements p, generate_series(1, 3000) g where p.id = '{tender.Id}';
            insert into bids
              select (jsonb_populate_record(null::bids, to_jsonb(b) || jsonb_build_object('id', gen_random_uuid(), 'procurement_id', p.id))).*
                from bids b, procurements p where b.procurement_id = '{tender.Id}' and p.id <> '{tender.Id}' and p.tenant_id = b.tenant_id;
            insert into outbox_messages (id, to_address, subject, html_body, text_body, created_at, next_attempt_at, sent_at, attempts)
              select gen_random_uuid(), 'p' || g || '@example.test', 'Sent', '<p>x</p>', 'x', now(), now(), now(), 1 from generate_series(1, 10000) g;
            analyze procurements; analyze bids; analyze outbox_messages;
            """);

        string[] queries =
        [
            $"select * from bids where procurement_id = '{tender.Id}' and provider_id = '{provider.Organisation.Id}'",
            $"select count(*) from bids where procurement_id = '{tender.Id}' and status = 'Submitted'",
            DeliverOutbox.PickSql,
        ];
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        foreach (var query in queries)
        {
            await using var explain = new NpgsqlCommand($"explain {query}", connection);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
        }
    }
}
