using System.Net;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>Issue 5, item 7: at the close, the tenant's procurement officers are told how many bids came in, once, and never by whom.</summary>
[Collection(PortalCollection.Name)]
public sealed class SubmissionsClosedTests(PortalFixture fixture)
{
    [Fact]
    public async Task At_the_close_each_procurement_officer_is_emailed_the_count_of_bids_once_without_names()
    {
        var tender = await fixture.PublishedTenderAsync();
        var secondOfficer = await fixture.CreateUserAsync(tender.Tenant, Role.ProcurementOfficer);
        var evaluator = await fixture.CreateUserAsync(tender.Tenant, Role.Evaluator);
        var names = new[] { "Ribble Valley Supported Living Ltd", "Aire Valley Recovery Trust", "Brixton Wellbeing Partnership CIC" };
        foreach (var name in names)
        {
            var provider = await fixture.ProviderAsync(name);
            await tender.CompleteDraftAsync(provider.Client, lots: 1);
            if (name != names[2])
            {
                Assert.Equal(HttpStatusCode.Created, (await tender.SubmitAsync(provider.Client)).StatusCode); // the third only drafts
            }
        }
        await fixture.MoveDeadlineAsync(tender, TimeSpan.FromSeconds(-1));

        await fixture.RunJobAsync<CloseSubmissionsJob>(j => j.RunAsync(tender.Tenant.Id, tender.Id, CancellationToken.None));
        await fixture.RunJobAsync<CloseSubmissionsJob>(j => j.RunAsync(tender.Tenant.Id, tender.Id, CancellationToken.None));
        await fixture.DeliverMailAsync();

        // Two officers, two runs of the job: one email each.
        Assert.Equal(2, await fixture.CountAsync($"select count(*) from outbox_messages where tenant_id = '{tender.Tenant.Id}' and subject like '%submissions closed%'"));
        var mail = Assert.Single(await fixture.Mail.WaitForAsync(secondOfficer.Email!));
        Assert.Contains("submissions closed, 2 bids received", mail.Subject);
        Assert.Contains("Bids received: 2", mail.TextBody);
        foreach (var name in names)
        {
            Assert.DoesNotContain(name, mail.TextBody);
            Assert.DoesNotContain(name, mail.HtmlBody);
        }
        Assert.Empty(fixture.Mail.To(evaluator.Email!));
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from audit_events where tenant_id = '{tender.Tenant.Id}' and action = 'procurement.submissions_closed' and summary like '%2 bid(s) received%'"));
    }
}
