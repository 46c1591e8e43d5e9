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
        foreach (var query in queries)
        {
            Assert.DoesNotContain(await PlanAsync(fixture.SuperuserConnectionString, query), line => line.Contains("Seq Scan", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_opportunities_page_reads_open_tenders_from_an_index_not_every_procurement()
    {
        var tender = await fixture.PublishedTenderAsync();
        // Thousands of tenders that are not open (drafts, closed, awarded) beside the open ones, as in a portal that has run a while.
        await fixture.SqlAsync($"""
            insert into procurements
              select (jsonb_populate_record(null::procurements, to_jsonb(p) || jsonb_build_object('id', gen_random_uuid(), 'reference', p.reference || '-c' || g,
                      'state', case g % 3 when 0 then 'Draft' when 1 then 'SubmissionsClosed' else 'Awarded' end))).*
                from procurements p, generate_series(1, 3000) g where p.id = '{tender.Id}';
            analyze procurements;
            """);
        // The function's own body (as migrated), its parameters given as the opportunities page sends them with no filter,
        // explained as the function's owner, whom row-level security binds as it binds the function.
        var body = await ScalarAsync<string>(fixture.SuperuserConnectionString, "select prosrc from pg_proc where proname = 'open_tenders'");
        var query = body.Replace("p_query", "null::text").Replace("p_cpv", "null::text").Replace("p_tenant", "null::text")
            .Replace("p_closing_before", "null::timestamptz").Replace("p_offset", "0").Replace("p_limit", "20");

        var plan = await PlanAsync(fixture.OwnerConnectionString, query);

        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan on procurements", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("ix_procurements_open_by_deadline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_chain_link_reads_its_chain_head_from_the_index_not_the_whole_log()
    {
        var tender = await fixture.PublishedTenderAsync();
        var tenantId = await ScalarAsync<Guid>(fixture.SuperuserConnectionString, $"select tenant_id from procurements where id = '{tender.Id}'");
        // The head lookups of the commit-time link as migrated (the function's own body): a tenant's chain and the platform's.
        var body = await ScalarAsync<string>(fixture.SuperuserConnectionString, "select prosrc from pg_proc where proname = 'audit_events_link'");
        var heads = System.Text.RegularExpressions.Regex.Matches(body, @"select seq, hash into last_seq, last_hash(?<rest>.*?limit 1);",
            System.Text.RegularExpressions.RegexOptions.Singleline).Select(m => "select seq, hash" + m.Groups["rest"].Value).ToList();
        Assert.NotEmpty(heads);

        // A long audit log (20,000 linked events of the tenant and 20,000 of the platform, as in a portal that has run a
        // while), loaded in a transaction that is rolled back so no other test sees it; the lookups explained inside it as
        // the function's owner, whom row-level security binds as it binds the function.
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var load = new NpgsqlCommand($"""
            set local session_replication_role = replica;
            insert into audit_events (id, tenant_id, seq, occurred_at, actor_name, action, entity_type, prev_hash, hash)
              select gen_random_uuid(), t.tenant_id, 1000000 + g, now(), 'load', 'load.event', 'Load', '\x'::bytea, '\x'::bytea
                from generate_series(1, 20000) g, (select '{tenantId}'::uuid as tenant_id union all select null) t;
            analyze audit_events;
            set local role portal_owner;
            """, connection, transaction))
        {
            await load.ExecuteNonQueryAsync();
        }
        foreach (var head in heads)
        {
            // The link sets the event's own chain as the tenant first: the tenant's id, or empty for the platform's chain.
            var chain = head.Contains("is null", StringComparison.Ordinal) ? "" : tenantId.ToString();
            await using (var setChain = new NpgsqlCommand($"select set_config('app.tenant_id', '{chain}', true)", connection, transaction))
            {
                await setChain.ExecuteNonQueryAsync();
            }
            var plan = new List<string>();
            await using var explain = new NpgsqlCommand($"explain {head.Replace("new.tenant_id", $"'{tenantId}'::uuid")}", connection, transaction);
            await using (var reader = await explain.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
            }

            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
            Assert.Contains(plan, line => line.Contains(chain == "" ? "Index Scan Backward using ix_audit_events_platform_seq" : "Index Scan Backward using ix_audit_events_tenant_id_seq", StringComparison.Ordinal));
        }
        await transaction.RollbackAsync();
    }

    private static async Task<List<string>> PlanAsync(string connectionString, string query)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var explain = new NpgsqlCommand($"explain {query}", connection);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }
        return plan;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string query)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(query, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
