using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Procurements;

[Collection(PortalCollection.Name)]
public sealed class FindingWorkTests(PortalFixture fixture)
{
    /// <summary>A Lancashire-shaped tender of a new tenant, titled with a word only this test uses; published when asked.</summary>
    private async Task<(Organisation Tenant, HttpClient Officer, Guid Id)> TenderAsync(string title, string cpv, bool publish, Organisation? tenant = null)
    {
        tenant ??= await fixture.CreateTenantAsync($"{title} Council");
        var officer = await fixture.BearerClientAsync((await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer)).Email!);
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        Assert.Equal(HttpStatusCode.OK, (await officer.PatchAsJsonAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}", new { title, cpvCode = cpv })).StatusCode);
        if (publish)
        {
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null)).StatusCode);
        }
        return (tenant, officer, id);
    }

    private async Task<JsonElement> SearchAsync(string query)
    {
        var response = await fixture.CreateClient().GetAsync($"/api/v1/opportunities?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    [Fact]
    public async Task Open_tenders_of_every_tenant_are_listed_and_drafts_closed_and_cancelled_ones_never_are()
    {
        var word = $"Kestrel{Guid.NewGuid():N}"[..14];
        var (lancashire, officer, open) = await TenderAsync($"{word} supported living", "85312000-9", publish: true);
        var (leeds, _, elsewhere) = await TenderAsync($"{word} community support", "85311000-2", publish: true);
        var (_, _, draft) = await TenderAsync($"{word} draft framework", "85312000-9", publish: false, lancashire);
        var (_, _, cancelled) = await TenderAsync($"{word} cancelled framework", "85312000-9", publish: true, lancashire);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/t/{lancashire.Slug}/procurements/{cancelled}/cancel", new { reason = "The service is to be provided in house" })).StatusCode);
        var (_, _, past) = await TenderAsync($"{word} deadline passed", "85312000-9", publish: true, lancashire);
        await fixture.SqlAsync("update procurements set submission_deadline = now() - interval '1 second' where id = @id", ("id", past));

        var all = await SearchAsync($"q={word}");

        Assert.Equal(new[] { open, elsewhere }.Order(), Ids(all).Order());
        Assert.Equal(2, all.GetProperty("total").GetInt64());
        var item = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == open);
        Assert.Equal(lancashire.Name, item.GetProperty("tenantName").GetString());
        Assert.Equal("85312000-9", item.GetProperty("cpvCode").GetString());
        Assert.Equal(3, item.GetProperty("lots").GetInt32());
        Assert.Equal($"/{lancashire.Slug}/opportunities/{open}", item.GetProperty("url").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("reference").GetString()));
        Assert.DoesNotContain(draft, Ids(all));
        Assert.Equal([open], Ids(await SearchAsync($"q={word}&cpv=853120")));
        Assert.Equal([elsewhere], Ids(await SearchAsync($"q={word}&tenant={leeds.Slug}")));
        Assert.Empty(Ids(await SearchAsync($"q={word}&closingBefore={DateTime.UtcNow.AddDays(20):yyyy-MM-dd}")));
        Assert.Equal(2, Ids(await SearchAsync($"q={word}&closingBefore={DateTime.UtcNow.AddDays(40):yyyy-MM-dd}")).Count);
        var second = await SearchAsync($"q={word}&pageSize=1&page=2");
        Assert.Single(Ids(second));
        Assert.Equal(2, second.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Anyone_finds_open_tenders_on_the_page_and_a_wrong_date_is_explained()
    {
        var word = $"Merlin{Guid.NewGuid():N}"[..13];
        var (tenant, _, open) = await TenderAsync($"{word} recovery service", "85312000-9", publish: true);
        var browser = fixture.CreateClient();

        var page = await browser.GetStringAsync($"/opportunities?q={word}");

        Assert.Contains($"href=\"/{tenant.Slug}/opportunities/{open}\"", page);
        Assert.Contains(tenant.Name, page);
        Assert.Contains("1 open tender", page);
        var wrong = await browser.GetAsync($"/opportunities?q={word}&closingBefore=31/2/2027");
        await wrong.AssertErrorSummaryAsync("ClosingBefore");
        var api = await fixture.CreateClient().GetAsync("/api/v1/opportunities?closingBefore=tomorrow");
        Assert.Contains("real date", Assert.Single((await api.FieldErrorsAsync())["ClosingBefore"]));
    }
}
