using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.MarketIntent;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Procurements;

[Collection(PortalCollection.Name)]
public sealed class OfficerNoticeTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_officers_own_notice_reaches_every_interested_provider_once_and_is_listed_without_an_asker()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.BearerClientAsync((await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer)).Email!);
        var id = await LancashireViaApi.BuildAsync(officer, tenant.Slug!);
        var notices = $"/api/v1/t/{tenant.Slug}/procurements/{id}/clarifications/notices";
        var notice = new { question = "Is the TUPE staff list final?", answer = "Yes: the list in the tender documents is final." };
        var onDraft = await officer.PostAsJsonAsync(notices, notice);
        Assert.Contains("only while the tender is open", Assert.Single((await onDraft.FieldErrorsAsync())["Question"]));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null)).StatusCode);
        var interested = new List<(PortalUser User, HttpClient Api)>();
        foreach (var name in new[] { "Ribble Valley Supported Living Ltd", "Aire Valley Recovery Trust" })
        {
            var (_, user) = await fixture.CreateProviderAsync(name, Role.BidWriter);
            var api = await fixture.BearerClientAsync(user.Email!);
            Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/t/{tenant.Slug}/opportunities/{id}/interest", new { })).StatusCode);
            interested.Add((user, api));
        }
        var (_, uninterested) = await fixture.CreateProviderAsync("Brixton Wellbeing Partnership CIC");

        var published = await officer.PostAsJsonAsync(notices, notice);
        await fixture.DeliverMailAsync();
        await fixture.DeliverMailAsync();

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        foreach (var (user, api) in interested)
        {
            await fixture.Mail.WaitForAsync(user.Email!);
            var listed = Assert.Single((await api.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{tenant.Slug}/opportunities/{id}/clarifications"))!);
            Assert.Equal("Is the TUPE staff list final?", listed.GetProperty("question").GetString());
            Assert.Equal("Yes: the list in the tender documents is final.", listed.GetProperty("answer").GetString());
            Assert.False(listed.GetProperty("askedByYou").GetBoolean());
        }
        await Task.Delay(300);
        foreach (var (user, _) in interested)
        {
            var message = Assert.Single(fixture.Mail.To(user.Email!));
            Assert.Equal("Yes: the list in the tender documents is final.", message.TextBody!.Split("Answer:")[1].Trim());
        }
        Assert.Empty(fixture.Mail.To(uninterested.Email!));
        var officerView = Assert.Single((await officer.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{tenant.Slug}/procurements/{id}/clarifications"))!);
        Assert.Equal("Published by an officer", officerView.GetProperty("askedBy").GetString());
        Assert.Single(await fixture.AuditChainAsync(tenant.Id), e => e.Action == "clarification.notice_published");
    }

    [Fact]
    public async Task An_officer_publishes_a_notice_on_the_clarifications_page_and_an_empty_answer_is_refused()
    {
        var tenant = await fixture.CreateTenantAsync("Lancashire County Council");
        var officer = await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer);
        var api = await fixture.BearerClientAsync(officer.Email!);
        var id = await LancashireViaApi.BuildAsync(api, tenant.Slug!);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/t/{tenant.Slug}/procurements/{id}/publish", null)).StatusCode);
        var browser = await fixture.CookieClientAsync(officer.Email!);
        var list = $"/{tenant.Slug}/procurements/{id}/clarifications";
        Assert.Contains($"href=\"{list}/notice\"", await browser.GetStringAsync(list));

        var empty = await browser.PostFormAsync($"{list}/notice", new() { ["Question"] = "Site visits", ["Answer"] = "" });
        await empty.AssertErrorSummaryAsync("Answer");

        var done = await browser.PostFormAsync($"{list}/notice", new() { ["Question"] = "Site visits", ["Answer"] = "There are no site visits." });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var listing = await browser.GetStringAsync(list);
        Assert.Contains("Site visits", listing);
        Assert.Contains("Published by an officer", listing);
    }
}
