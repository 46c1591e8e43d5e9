using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Platform;

/// <summary>Two app instances (and a worker) over one database behave as one portal: the nodes of a load-balanced deployment.</summary>
[Collection(PortalCollection.Name)]
public sealed class ScaleOutTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_person_signed_in_on_one_node_is_recognised_on_another()
    {
        var user = await fixture.CreateUserAsync();
        var node1 = fixture.CreateClient();
        var signIn = await node1.PostFormAsync("/account/sign-in", new() { ["Email"] = user.Email!, ["Password"] = PortalFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal)).Split(';')[0];

        await fixture.WithExtraAppAsync(async node2 =>
        {
            var client = node2.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var anonymous = await client.GetAsync("/account/manage");
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);

            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/manage");
            request.Headers.Add("Cookie", authCookie);
            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(user.Email!, await response.Content.ReadAsStringAsync());
        });
    }

    [Fact]
    public async Task Liveness_answers_and_readiness_checks_the_database()
    {
        var client = fixture.CreateClient();
        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());


        var options = new DbContextOptionsBuilder<PortalDbContext>();
        PortalCore.ConfigureDbContext(options, "Host=127.0.0.1;Port=1;Database=portal;Username=portal_app;Password=portal_app;Timeout=2");
        await using var unreachable = new PortalDbContext(options.Options, new TenantContext());
        var check = await new PostgreSqlHealthCheck(unreachable).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, check.Status);
    }

    [Fact]
    public async Task A_deadline_close_job_runs_once_with_two_nodes_and_a_worker_polling_one_database()
    {
        // Node 1 is the fixture's app (no job server); node 2 and the worker each run a Hangfire server.
        var tender = await fixture.PublishedTenderAsync();
        await fixture.MoveDeadlineAsync(tender, TimeSpan.FromSeconds(-1));
        var servers = new Dictionary<string, string?>
        {
            ["Jobs:InProcessServer"] = "true",
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Jobs:QueuePollInterval"] = "00:00:01",
            ["Jobs:WorkerCount"] = "4",
        };
        await fixture.WithExtraAppAsync(node2 => fixture.WithExtraAppAsync(async worker =>
        {
            _ = node2.Server;
            _ = worker.Server;
            // The close job that publishing scheduled for the deadline falls due now, on both servers at once.
            await fixture.SqlAsync($"""
                update hangfire.set set score = 0 where key = 'schedule' and value in (
                  select id::text from hangfire.job where invocationdata::text like '%CloseSubmissionsJob%' and arguments::text like '%{tender.Id}%')
                """);
            for (var attempt = 0; attempt < 150 && await StateAsync(tender) != "SubmissionsClosed"; attempt++)
            {
                await Task.Delay(200);
            }
            Assert.Equal("SubmissionsClosed", await StateAsync(tender));
            // Give a second run (there must be none) time to happen before counting.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }, servers), servers);

        Assert.Equal(1, await fixture.CountAsync(
            $"select count(*) from audit_events where tenant_id = '{tender.Tenant.Id}' and action = 'procurement.submissions_closed'"));
        Assert.Equal(1, await fixture.CountAsync(
            $"select count(*) from hangfire.job where invocationdata::text like '%CloseSubmissionsJob%' and arguments::text like '%{tender.Id}%' and statename = 'Succeeded'"));
    }

    private async Task<string> StateAsync(Tender tender)
    {
        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        return (await db.Procurements.AsNoTracking().SingleAsync(p => p.Id == tender.Id)).State.ToString();
    }
}
