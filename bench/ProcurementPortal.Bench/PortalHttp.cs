using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Bench;

/// <summary>The portal over HTTP as its clients see it: one connection pool, each request with its own bearer token.</summary>
public sealed class PortalHttp(Uri baseAddress) : IDisposable
{
    public const string DemoPassword = "Demo-portal-2026";

    public HttpClient Client { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(2),
    };

    public async Task<string> SignInAsync(string email, string password = DemoPassword)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/identity/login", new { email, password });
        await EnsureAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? body = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return await Client.SendAsync(request);
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string url, string token, object? body = null)
    {
        var response = await SendAsync(method, url, token, body);
        await EnsureAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task EnsureAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>
    /// Sends <paramref name="requests"/> requests from <paramref name="concurrency"/> clients at once, each as soon as
    /// its previous one answered: requests per second, and each latency (sorted) in ms; any non-2xx is an error.
    /// </summary>
    public static async Task<(double PerSecond, List<double> Latencies, int Errors)> HammerAsync(
        int requests, int concurrency, Func<int, Task<HttpResponseMessage>> send)
    {
        var latencies = new double[requests];
        var errors = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await send(i);
                await response.Content.LoadIntoBufferAsync();
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var perSecond = requests / watch.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (perSecond, [.. latencies], errors);
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>Providers with a bid writer each, written straight to the database (one password hash shared by all).</summary>
public static class BenchProviders
{
    public static async Task<List<string>> CreateAsync(BenchContext context, string prefix, int count, CancellationToken ct)
    {
        var tenant = new TenantContext();
        await using var db = context.AdminDb(tenant);
        var hash = new PasswordHasher<PortalUser>().HashPassword(null!, PortalHttp.DemoPassword);
        var emails = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var provider = new Organisation { Kind = OrganisationKind.Provider, Name = $"Bench Provider {prefix} {i:D4} Ltd", CompaniesHouseNumber = $"{i:D8}" };
            var email = $"bidwriter{i}@{prefix}.bench";
            var user = new PortalUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"Bid writer {i}",
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
            };
            db.Organisations.Add(provider);
            db.Users.Add(user);
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = provider.Id, Role = Role.BidWriter });
            emails.Add(email);
        }
        await db.SaveChangesAsync(ct);
        return emails;
    }
}
