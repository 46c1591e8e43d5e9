using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.ApiClients;

/// <summary>Rate limits on the API, one window per caller, from configuration (issue 9.3).</summary>
[Collection(PortalCollection.Name)]
public sealed class RateLimitTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_caller_over_its_limit_gets_429_problem_details_with_retry_after_while_other_callers_go_on()
    {
        var team = await fixture.AdminTeamAsync();
        var (_, busy) = await team.CreateApiClientAsync();
        var (_, quiet) = await team.CreateApiClientAsync();
        var settings = new Dictionary<string, string?>
        {
            ["RateLimits:Api:PermitLimit"] = "3",
            ["RateLimits:Api:Window"] = "00:10:00",
        };

        await fixture.WithExtraAppAsync(async app =>
        {
            HttpClient Caller(string token)
            {
                var client = app.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return client;
            }
            var busyClient = Caller(busy);
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await busyClient.GetAsync($"{team.Api}/procurements")).StatusCode);
            }

            var refused = await busyClient.GetAsync($"{team.Api}/procurements");

            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
            var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")));
            Assert.InRange(retryAfter, 1, 600);
            Assert.Equal(HttpStatusCode.OK, (await Caller(quiet).GetAsync($"{team.Api}/procurements")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/live")).StatusCode);
        }, settings);
    }

    [Fact]
    public async Task The_default_limits_let_a_rush_of_calls_from_one_caller_through()
    {
        var team = await fixture.AdminTeamAsync();
        var (_, token) = await team.CreateApiClientAsync();
        var client = fixture.TokenClient(token);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetAsync($"{team.Api}/procurements")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s.StatusCode));
    }
}
