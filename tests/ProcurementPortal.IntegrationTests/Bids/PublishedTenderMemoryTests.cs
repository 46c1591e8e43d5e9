using System.Net;
using ProcurementPortal.IntegrationTests.Performance;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>
/// A published tender's frozen parts (lots, fee bands, sections, questions) are read from the database once per process
/// and then kept in memory for providers' requests; the procurement's own row is read fresh on every request, through
/// the tenancy locks, before anything is taken from memory (ADR 030).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PublishedTenderMemoryTests(PortalFixture fixture)
{
    [Fact]
    public async Task Once_read_a_published_tenders_lots_bands_and_questions_are_not_read_again_but_its_own_row_is()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);

        var sql = await SqlCommandCountTests.CommandTextsAsync(fixture, provider.Client, tender.BidUrl);

        Assert.Contains(sql, text => text.Contains("FROM procurements", StringComparison.OrdinalIgnoreCase));
        string[] frozenTables = ["lots", "fee_bands", "evaluation_sections", "evaluation_questions"];
        foreach (var table in frozenTables)
        {
            Assert.DoesNotContain(sql, text => text.Contains($"FROM {table} ", StringComparison.OrdinalIgnoreCase) || text.Contains($"JOIN {table} ", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_tender_kept_in_memory_still_answers_404_under_another_tenant()
    {
        var tender = await fixture.PublishedTenderAsync();
        var other = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        Assert.Equal(HttpStatusCode.OK, (await provider.Client.GetAsync($"/api/v1/t/{tender.Slug}/opportunities/{tender.Id}")).StatusCode);
        await tender.CompleteDraftAsync(provider.Client);

        // The same tender's id under the other tenant's address: its row is not visible there, so memory is never asked.
        var response = await provider.Client.GetAsync($"/api/v1/t/{other.Slug}/opportunities/{tender.Id}/bid");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_deadline_moved_after_the_tender_is_kept_in_memory_is_the_one_applied()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        await fixture.MoveDeadlineAsync(tender, TimeSpan.FromSeconds(-1));

        var response = await tender.SubmitAsync(provider.Client);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }
}
