using System.Net;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Procurements;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Performance;

/// <summary>
/// SQL round trips per page, counted from Npgsql's own tracing (every command, EF Core's or hand-written): the main
/// pages send as many commands with more procurements, tenders and bids in the database as with one — no N+1.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SqlCommandCountTests(PortalFixture fixture)
{
    private const int Bound = 25; // measured: dashboard 10, procurement 20, opportunities 5, bid workspace 20

    [Fact]
    public async Task Main_pages_send_a_fixed_number_of_sql_commands_however_many_rows_there_are()
    {
        var tender = await fixture.PublishedTenderAsync();
        var officer = await fixture.CookieClientAsync((await fixture.CreateUserAsync(tender.Tenant, Role.ProcurementOfficer)).Email!);
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        var providerPages = await fixture.CookieClientAsync(provider.User.Email!);
        (HttpClient Client, string Url)[] pages =
        [
            (officer, $"/{tender.Slug}"),
            (officer, $"/{tender.Slug}/procurements/{tender.Id}"),
            (providerPages, "/opportunities"),
            (providerPages, $"/{tender.Slug}/opportunities/{tender.Id}/bid"),
        ];
        var before = new List<int>();
        foreach (var (client, url) in pages)
        {
            before.Add(await CommandsAsync(fixture, client, url));
        }

        // More of every kind of row the pages list: procurements in the tenant, open tenders, bids on the tender.
        await LancashireViaApi.BuildAsync(tender.Officer, tender.Slug);
        await LancashireViaApi.BuildAsync(tender.Officer, tender.Slug);
        await fixture.PublishedTenderAsync();
        await fixture.PublishedTenderAsync();
        foreach (var name in new[] { "Aire Valley Recovery Trust", "Brixton Wellbeing Partnership CIC" })
        {
            var other = await fixture.ProviderAsync(name);
            await tender.CompleteDraftAsync(other.Client);
            Assert.True((await tender.SubmitAsync(other.Client)).IsSuccessStatusCode);
        }

        for (var i = 0; i < pages.Length; i++)
        {
            var after = await CommandsAsync(fixture, pages[i].Client, pages[i].Url);
            Assert.True(before[i] > 0, $"{pages[i].Url}: no SQL command was counted");
            Assert.True(after == before[i], $"{pages[i].Url}: {before[i]} SQL commands with one of each row, {after} with more");
            Assert.True(after <= Bound, $"{pages[i].Url}: {after} SQL commands (bound {Bound})");
        }
    }

    internal static async Task<int> CommandsAsync(PortalFixture fixture, HttpClient client, string url) =>
        (await CommandTextsAsync(fixture, client, url)).Count;

    /// <summary>The SQL texts the portal sends while answering one GET of <paramref name="url"/>, after one GET to warm it.</summary>
    internal static async Task<List<string>> CommandTextsAsync(PortalFixture fixture, HttpClient client, string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode); // warm: keys, compiled views and queries
        return await SqlTrace.RecordAsync(fixture.DatabaseName,
            async () => Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode));
    }
}
