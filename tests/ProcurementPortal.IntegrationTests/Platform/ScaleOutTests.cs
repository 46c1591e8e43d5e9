using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Platform;

/// <summary>Two app instances over one database behave as one portal: the nodes of a load-balanced deployment.</summary>
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
}
