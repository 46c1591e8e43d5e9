using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Bench;

/// <summary>
/// Brokerage on an awarded framework (issue 13), over HTTP against the portal in Release. Set up by the database, not
/// timed: Lancashire's framework awarded with lot 1's agreement of 200 active members (ranks 1–200, scores varied) and
/// lot 2's agreement of two of them. Then:
/// 1. fan-out: the officer posts a package request on lot 1 (200 members emailed in one transaction), median of
///    <see cref="Posts"/>; reference: the same number of outbox rows (copies of the ones just written) inserted by one
///    SQL statement;
/// 2. ranking at window close: 150 members offer (8 at a time), the window is closed by SQL, then the officer's GET of
///    the request (which ranks the offers), median of <see cref="Gets"/>; reference: the same 150 offers ranked by one
///    SQL query ordering by the computed total;
/// 3. placements: <see cref="Placements"/> requests on lot 2 with two offers each, windows closed, all confirmed at once
///    over HTTP once <see cref="WarmPlacements"/> have been confirmed one by one (as on a node that has placed before):
///    placements per second, p50/p95, errors (must be 0) and call-off contracts counted (must be <see cref="Placements"/>);
///    reference: pgbench, one client per request, each transaction locking its request, inserting a copy of the call-off
///    contract, updating the request, inserting the two outbox emails and the audit event (the real tables, so the audit
///    chain's commit-time link runs too).
/// </summary>
public sealed class BrokerageScenario : IBenchScenario
{
    public const int Members = 200, Offers = 150, Placements = 50, WarmPlacements = 2, Posts = 5, Gets = 9;
    private const string Tenant = "lancashire", Prefix = "brokerage", Reference = "LCC-BENCH-BRK";
    public string Name => "brokerage";

    private sealed record Framework(Guid ProcurementId, Guid WideLotId, Guid NarrowLotId, IReadOnlyList<string> Emails);

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        using var portal = new PortalHttp(context.PortalUrl);
        var officer = await portal.SignInAsync("officer1@lancashire.demo");
        Console.Error.WriteLine($"[bench] brokerage: an awarded framework with {Members} members…");
        var framework = await SetUpAsync(context, ct);
        await using var db = new NpgsqlConnection(context.AdminPortalConnectionString);
        await db.OpenAsync(ct);

        // 1. Fan-out to every active member of lot 1.
        var posted = new List<Guid>();
        var fanOutMs = await Timing.MedianMsAsync(Posts, async () => posted.Add(await PostAsync(portal, officer, framework.ProcurementId, framework.WideLotId)));
        var emailed = await ScalarAsync<long>(db, $"select count(*) from outbox_messages where template = 'package-request' and to_address like '%@{Prefix}.bench'", ct);
        if (emailed != Members * posted.Count)
        {
            throw new InvalidOperationException($"{posted.Count} requests emailed {emailed} members, not {Members} each.");
        }
        var insertMs = await Timing.MedianMsAsync(Posts, () => ExecuteAsync(db, $"""
            insert into outbox_messages
            select (jsonb_populate_record(null::outbox_messages, to_jsonb(o) || jsonb_build_object('id', gen_random_uuid(),
                    'to_address', 'copy' || g || '@{Prefix}.reference', 'created_at', now(), 'next_attempt_at', now()))).*
              from (select * from outbox_messages where template = 'package-request' limit 1) o, generate_series(1, {Members}) g
            """, ct));
        await ExecuteAsync(db, $"delete from outbox_messages where to_address like '%@{Prefix}.reference'", ct);

        // 2. 150 offers on the first request, ranked at window close.
        Console.Error.WriteLine($"[bench] brokerage: {Offers} members sign in and offer…");
        var tokens = new string[Offers];
        var rankedId = posted[0];
        await Parallel.ForEachAsync(Enumerable.Range(0, Offers), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, _) =>
        {
            tokens[i] = await portal.SignInAsync(framework.Emails[i]);
            await OfferAsync(portal, tokens[i], rankedId, LancashireB2Ceiling - 0.01m * (i * 37 % 150));
        });
        await ExecuteAsync(db, $"update package_requests set closes_at = now() - interval '1 second' where id = '{rankedId}'", ct);
        var rankingMs = await Timing.MedianMsAsync(Gets, async () =>
        {
            var view = await portal.JsonAsync(HttpMethod.Get, $"/api/v1/t/{Tenant}/package-requests/{rankedId}", officer);
            if (view.GetProperty("ranking").GetArrayLength() != Offers)
            {
                throw new InvalidOperationException($"The request ranked {view.GetProperty("ranking").GetArrayLength()} offers, not {Offers}.");
            }
        });
        await using var rankSql = new NpgsqlCommand("""
            select r.id, round(60 * m.total_score / max(m.total_score) over (), 2) + round(40 * min(r.hourly_rate) over () / r.hourly_rate, 2) as total
              from package_responses r join framework_members m on m.id = r.member_id
             where r.package_request_id = @id and r.kind = 'Offer'
             order by total desc, m.rank, r.received_at, r.provider_name, r.id
            """, db);
        rankSql.Parameters.AddWithValue("id", rankedId);
        var sqlRankingMs = await Timing.MedianMsAsync(Gets, async () =>
        {
            var rows = 0;
            await using var reader = await rankSql.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows++;
            }
            if (rows != Offers)
            {
                throw new InvalidOperationException($"The SQL ranking returned {rows} rows, not {Offers}.");
            }
        });

        // 3. Placements confirmed at once.
        Console.Error.WriteLine($"[bench] brokerage: {Placements} requests with two offers each, confirmed at once (after {WarmPlacements} confirmed one by one)…");
        var requests = new List<Guid>();
        for (var i = 0; i < WarmPlacements + Placements; i++)
        {
            requests.Add(await PostAsync(portal, officer, framework.ProcurementId, framework.NarrowLotId));
        }
        await Parallel.ForEachAsync(Enumerable.Range(0, 2 * (WarmPlacements + Placements)), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, _) => await OfferAsync(portal, tokens[i % 2], requests[i / 2], LancashireB2Ceiling - 0.25m * (i % 2)));
        await ExecuteAsync(db, $"update package_requests set closes_at = now() - interval '1 second' where lot_id = '{framework.NarrowLotId}'", ct);
        var chosen = new Dictionary<Guid, Guid>();
        await using (var offers = new NpgsqlCommand(
            $"select distinct on (package_request_id) package_request_id, id from package_responses where package_request_id = any(@ids) order by package_request_id, hourly_rate", db))
        {
            offers.Parameters.AddWithValue("ids", requests.ToArray());
            await using var reader = await offers.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                chosen[reader.GetGuid(0)] = reader.GetGuid(1);
            }
        }
        string Confirm(Guid request) => $"/api/v1/t/{Tenant}/package-requests/{request}/confirm";
        foreach (var warm in requests.Take(WarmPlacements))
        {
            // A node that has placed packages before: the confirmation's queries compiled, as after the first of the day.
            await portal.JsonAsync(HttpMethod.Post, Confirm(warm), officer, new { responseId = chosen[warm] });
        }
        requests = requests[WarmPlacements..];
        var run = await PortalHttp.HammerAsync(Placements, Placements, i => portal.SendAsync(HttpMethod.Post, Confirm(requests[i]), officer, new { responseId = chosen[requests[i]] }));
        long callOffs;
        await using (var count = new NpgsqlCommand("""
            select count(*) from contracts c join package_requests r on r.call_off_contract_id = c.id where r.id = any(@ids) and r.status = 'Placed'
            """, db))
        {
            count.Parameters.AddWithValue("ids", requests.ToArray());
            callOffs = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        if (run.Errors != 0 || callOffs != Placements)
        {
            throw new InvalidOperationException($"{Placements} confirmations made {callOffs} call-off contracts with {run.Errors} errors.");
        }
        var reference = await PlacementReferenceAsync(context, db, requests, ct);

        return
        [
            new BenchResult($"brokerage: package request fanned out to {Members} members", fanOutMs, "ms",
                $"one SQL insert of the same {Members} outbox rows", insertMs, HigherIsBetter: false, Target: "reported"),
            new BenchResult($"brokerage: ranking {Offers} offers at window close (GET)", rankingMs, "ms",
                $"one SQL query ranking the same {Offers} offers", sqlRankingMs, HigherIsBetter: false, Target: "reported"),
            new BenchResult($"brokerage: {Placements} placements confirmed at once (warm), /s", run.PerSecond, "/s",
                "pgbench, the same writes per placement", reference, HigherIsBetter: true, Target: "reported",
                Extra: new Dictionary<string, double> { ["errors"] = run.Errors, ["callOffs"] = callOffs }),
            new BenchResult($"brokerage: placement p50 / p95 (errors: 0, call-offs: {callOffs})", Timing.Percentile(run.Latencies, 50), "ms",
                "p95", Timing.Percentile(run.Latencies, 95), HigherIsBetter: false),
        ];
    }

    private const decimal LancashireB2Ceiling = 15.75m;

    /// <summary>
    /// The framework, straight into the database as Lancashire: the procurement (lots and bands of
    /// <see cref="LancashireFramework"/>) awarded, lot 1's agreement with <see cref="Members"/> new providers as members
    /// (each with its contract at the ceiling rates) and lot 2's with the first two of them.
    /// </summary>
    private static async Task<Framework> SetUpAsync(BenchContext context, CancellationToken ct)
    {
        var emails = await BenchProviders.CreateAsync(context, Prefix, Members, ct);
        var tenant = new TenantContext();
        await using var db = context.AdminDb(tenant);
        tenant.Set(await db.Organisations.SingleAsync(o => o.Slug == Tenant, ct));
        var officerId = await db.Users.Where(u => u.Email == "officer1@lancashire.demo").Select(u => u.Id).SingleAsync(ct);
        var providers = (await db.Users.Where(u => emails.Contains(u.Email!))
                .Join(db.Memberships, u => u.Id, m => m.UserId, (u, m) => new { u.Email, m.OrganisationId })
                .Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new { x.Email, o.Id, o.Name })
                .ToListAsync(ct))
            .OrderBy(p => emails.IndexOf(p.Email!)).ToList();

        var now = DateTime.UtcNow;
        var procurement = LancashireFramework.Build(now);
        procurement.Title = $"{LancashireFramework.Title}: benchmark";
        procurement.Reference = Reference;
        procurement.State = ProcurementState.Awarded;
        procurement.CreatedAt = now;
        db.Procurements.Add(procurement);
        var startsOn = DateOnly.FromDateTime(now);
        foreach (var (lot, count) in new[] { (procurement.Lots[0], Members), (procurement.Lots[1], 2) })
        {
            var agreement = db.FrameworkAgreements.Add(new FrameworkAgreement
            {
                ProcurementId = procurement.Id, LotId = lot.Id, Title = $"Lot {lot.Number} {lot.Name}", StartsOn = startsOn, EndsOn = startsOn.AddYears(3).AddDays(-1), CreatedAt = now,
            }).Entity;
            foreach (var (provider, i) in providers.Take(count).Select((p, i) => (p, i)))
            {
                var contract = db.Contracts.Add(new Contract
                {
                    ProcurementId = procurement.Id, FrameworkAgreementId = agreement.Id, LotId = lot.Id, ProviderId = provider.Id,
                    Reference = $"{Reference}-L{lot.Number}-{i + 1:000}", Title = agreement.Title, ProviderName = provider.Name, LotName = agreement.Title,
                    StartsOn = agreement.StartsOn, EndsOn = agreement.EndsOn, Value = 1_000_000m, AnnualValue = 333_333.33m,
                    Rates = lot.Bands.OrderBy(b => b.Code).Select(b => new AgreedRate(b.Code, b.Name, "Hour", b.CeilingRate!.Value)).ToList(),
                    OwnerUserId = officerId, CreatedAt = now,
                }).Entity;
                db.FrameworkMembers.Add(new FrameworkMember
                {
                    ProcurementId = procurement.Id, FrameworkAgreementId = agreement.Id, LotId = lot.Id, ProviderId = provider.Id, ProviderName = provider.Name,
                    ContractId = contract.Id, Rank = i + 1, TotalScore = 95m - 0.2m * i - 0.05m * (i % 7), JoinedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        return new Framework(procurement.Id, procurement.Lots[0].Id, procurement.Lots[1].Id, emails);
    }

    /// <summary>A B2 package of 14 hours a week on the lot, its window 24 hours; the request's id.</summary>
    private static async Task<Guid> PostAsync(PortalHttp portal, string officer, Guid procurementId, Guid lotId)
    {
        var created = await portal.JsonAsync(HttpMethod.Post, $"/api/v1/t/{Tenant}/procurements/{procurementId}/package-requests", officer, new
        {
            lotId, postcodeDistrict = "PR1", bandCode = "B2", hoursPerWeek = 14m, startsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)),
            requirements = "Morning calls, help with medication and meals.", caseReference = "ASC-40917", responseWindowHours = 24,
        });
        return created.GetProperty("request").GetProperty("id").GetGuid();
    }

    /// <summary>An offer starting in a week; a late one answers 422 and fails the run.</summary>
    private static async Task OfferAsync(PortalHttp portal, string token, Guid requestId, decimal rate) =>
        await portal.JsonAsync(HttpMethod.Post, $"/api/v1/t/{Tenant}/package-requests/{requestId}/offer", token,
            new { canStartOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)), hourlyRate = rate });

    /// <summary>
    /// The database's ceiling for the placements' writes: pgbench, one client per placed request (so no two wait on the
    /// same row), each transaction locking its request, inserting a copy of a call-off contract just made, updating the
    /// request, inserting copies of its two emails (placed, not chosen) and of its audit event. The copies are removed
    /// afterwards, except the audit events (append-only).
    /// </summary>
    private static async Task<double> PlacementReferenceAsync(BenchContext context, NpgsqlConnection db, List<Guid> requests, CancellationToken ct)
    {
        await using (var setup = new NpgsqlCommand("""
            drop table if exists bench_placement_targets, bench_placement_rows;
            create unlogged table bench_placement_targets (n int primary key, request_id uuid not null);
            insert into bench_placement_targets select n - 1, id from unnest(@ids) with ordinality as t(id, n);
            create unlogged table bench_placement_rows (kind text not null, doc jsonb not null);
            insert into bench_placement_rows
              select 'contract', to_jsonb(c) from contracts c join package_requests r on r.call_off_contract_id = c.id where r.id = @first
              union all
              select 'outbox', to_jsonb(o) from outbox_messages o where o.template in ('package-placed', 'package-not-chosen') and o.html_body like '%' || @first || '%'
              union all
              select 'audit', to_jsonb(a) from audit_events a where a.action = 'brokerage.placed' and a.entity_id = @first::text;
            """, db))
        {
            setup.Parameters.AddWithValue("ids", requests.ToArray());
            setup.Parameters.AddWithValue("first", requests[0]);
            await setup.ExecuteNonQueryAsync(ct);
        }
        var copied = await ScalarAsync<string>(db, "select string_agg(kind || '×' || n, ', ' order by kind) from (select kind, count(*) n from bench_placement_rows group by kind) k", ct);
        if (copied != "audit×1, contract×1, outbox×2")
        {
            throw new InvalidOperationException($"The placement to copy has {copied} rows, not one contract, two emails and one audit event.");
        }
        try
        {
            return await PgBench.TpsAsync(context, """
                \set n :client_id
                begin;
                select id from package_requests where id = (select request_id from bench_placement_targets where n = :n) for update;
                insert into contracts select (jsonb_populate_record(null::contracts, doc || jsonb_build_object('id', gen_random_uuid(),
                    'reference', 'BENCH-COPY-' || md5(random()::text), 'created_at', now()))).* from bench_placement_rows where kind = 'contract';
                update package_requests set placed_at = now(), closed_at = now(), status = 'Placed' where id = (select request_id from bench_placement_targets where n = :n);
                insert into outbox_messages select (jsonb_populate_record(null::outbox_messages, doc || jsonb_build_object('id', gen_random_uuid(),
                    'to_address', 'copy@brokerage.reference', 'created_at', now(), 'next_attempt_at', now()))).* from bench_placement_rows where kind = 'outbox';
                insert into audit_events select (jsonb_populate_record(null::audit_events, doc || jsonb_build_object('id', gen_random_uuid()))).*
                    from bench_placement_rows where kind = 'audit';
                commit;
                """, clients: requests.Count, seconds: 5, ct);
        }
        finally
        {
            await ExecuteAsync(db, """
                delete from contracts where reference like 'BENCH-COPY-%';
                delete from outbox_messages where to_address like '%@brokerage.reference';
                drop table bench_placement_targets, bench_placement_rows;
                """, ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection db, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
