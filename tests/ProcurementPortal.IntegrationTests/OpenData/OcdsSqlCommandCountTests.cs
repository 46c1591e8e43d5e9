using System.Net;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Performance;
using ProcurementPortal.IntegrationTests.Procurements;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.OpenData;

/// <summary>The open data pages load a page of procurements in a fixed number of SQL commands, however many it holds.</summary>
[Collection(PortalCollection.Name)]
public sealed class OcdsSqlCommandCountTests(PortalFixture fixture)
{
    [Fact]
    public async Task A_page_of_releases_sends_as_many_sql_commands_for_five_procurements_as_for_one()
    {
        var tender = await fixture.PublishedTenderAsync();
        var anonymous = fixture.CreateClient();
        var page = $"/api/v1/t/{tender.Slug}/ocds/releases?pageSize=50";
        var bulk = $"/api/v1/t/{tender.Slug}/ocds/bulk";
        var withOne = await SqlCommandCountTests.CommandsAsync(fixture, anonymous, page);
        var bulkWithOne = await SqlCommandCountTests.CommandsAsync(fixture, anonymous, bulk);

        for (var i = 0; i < 4; i++)
        {
            var id = await LancashireViaApi.BuildAsync(tender.Officer, tender.Slug);
            Assert.Equal(HttpStatusCode.OK, (await tender.Officer.PostAsync($"/api/v1/t/{tender.Slug}/procurements/{id}/publish", null)).StatusCode);
        }

        Assert.True(withOne > 0);
        Assert.Equal(withOne, await SqlCommandCountTests.CommandsAsync(fixture, anonymous, page));
        Assert.Equal(bulkWithOne, await SqlCommandCountTests.CommandsAsync(fixture, anonymous, bulk));
    }
}
