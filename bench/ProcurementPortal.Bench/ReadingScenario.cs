using System.Net.Http.Json;
using Npgsql;

namespace ProcurementPortal.Bench;

/// <summary>
/// Reading under load: 10,000 open procurements and 100,000 bids loaded by SQL (rows cloned from the tender and bids
/// of the rush, so every column is as the portal writes it), then the provider's opportunities page and an officer's
/// dashboard requested by 16 clients at once over HTTP: requests per second and p95. Reference: a static file
/// (portal.css) from the same Kestrel, the same way.
/// </summary>
public sealed class ReadingScenario : IBenchScenario
{
    public const int Procurements = 10_000, Bids = 100_000, Requests = 2_000, Clients = 16;
    public string Name => "reading";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(context.AdminPortalConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var load = new NpgsqlCommand($"""
                create temp table source_procurement as
                  select p.* from procurements p join bid_versions v on v.procurement_id = p.id limit 1;
                insert into procurements
                  select (jsonb_populate_record(null::procurements, to_jsonb(p) || jsonb_build_object(
                          'id', gen_random_uuid(), 'reference', p.reference || '-' || g, 'title', p.title || ' ' || g))).*
                    from source_procurement p, generate_series(1, {Procurements}) g;
                insert into bids
                  select (jsonb_populate_record(null::bids, to_jsonb(b) || jsonb_build_object('id', gen_random_uuid(), 'procurement_id', p.id,
                          'current_version_id', null))).*
                    from (select * from bids where procurement_id = (select id from source_procurement) limit {Bids / Procurements}) b
                    cross join (select id from procurements where reference like (select reference from source_procurement) || '-%') p;
                analyze;
                """, connection) { CommandTimeout = 600 };
            await load.ExecuteNonQueryAsync(ct);
            await using var check = new NpgsqlCommand("select (select count(*) from procurements), (select count(*) from bids)", connection);
            await using var reader = await check.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            Console.Error.WriteLine($"[bench] reading: {reader.GetInt64(0):N0} procurements, {reader.GetInt64(1):N0} bids");
        }

        using var portal = new PortalHttp(context.PortalUrl);
        var signIn = await portal.Client.PostAsJsonAsync("/api/v1/identity/login?useCookies=true",
            new { email = "officer1@lancashire.demo", password = PortalHttp.DemoPassword }, ct);
        await PortalHttp.EnsureAsync(signIn);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        Task<HttpResponseMessage> Get(string url, bool signedIn)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (signedIn)
            {
                request.Headers.Add("Cookie", cookie);
            }
            return portal.Client.SendAsync(request, ct);
        }

        var results = new List<BenchResult>();
        var reference = await PortalHttp.HammerAsync(Requests, Clients, _ => Get("/portal.css", false));
        foreach (var (name, url, signedIn) in new[]
                 {
                     ("opportunities page (10,000 open tenders)", "/opportunities", false),
                     ("officer's dashboard", "/lancashire", true),
                 })
        {
            await PortalHttp.HammerAsync(50, 4, _ => Get(url, signedIn));
            var run = await PortalHttp.HammerAsync(Requests / 4, Clients, _ => Get(url, signedIn));
            if (run.Errors > 0)
            {
                throw new InvalidOperationException($"{url} answered {run.Errors} errors.");
            }
            results.Add(new BenchResult($"reading: {name}, req/s ({Clients} clients)", run.PerSecond, "/s",
                "static file from the same Kestrel, req/s", reference.PerSecond, HigherIsBetter: true));
            results.Add(new BenchResult($"reading: {name}, p95", Timing.Percentile(run.Latencies, 95), "ms",
                "static file, p95", Timing.Percentile(reference.Latencies, 95), HigherIsBetter: false));
        }
        return results;
    }
}
