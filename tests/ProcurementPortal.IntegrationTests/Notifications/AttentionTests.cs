using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Award;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Evaluation;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Notifications;

/// <summary>Each role's "what needs your attention": the actions due, with the date they are due by.</summary>
[Collection(PortalCollection.Name)]
public sealed class AttentionTests(PortalFixture fixture)
{
    private static async Task<List<JsonElement>> AttentionAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<List<JsonElement>>(url))!;

    private static JsonElement Only(List<JsonElement> items, string kind) => Assert.Single(items, i => i.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task An_officer_sees_a_question_to_answer_due_by_the_clarification_deadline_until_it_is_answered()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync("Ribble Care");
        var slug = tender.Tenant.Slug;
        var asked = await provider.Client.PostAsJsonAsync($"/api/v1/t/{slug}/opportunities/{tender.Id}/clarifications", new { question = "Is travel time paid?" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);

        var url = $"/api/v1/t/{slug}/attention";
        var item = Only(await AttentionAsync(tender.Officer, url), "clarifications");
        Assert.StartsWith("1 clarification question to answer", item.GetProperty("text").GetString());
        var deadline = await fixture.CountAsync($"select floor(extract(epoch from clarification_deadline))::bigint from procurements where id = '{tender.Id}'");
        Assert.Equal(deadline, item.GetProperty("due").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal($"/{slug}/procurements/{tender.Id}/clarifications", item.GetProperty("href").GetString());
        var dashboard = WebUtility.HtmlDecode(await (await fixture.CookieClientAsync(await OfficerEmailAsync(tender))).GetStringAsync($"/{slug}"));
        Assert.Contains("1 clarification question to answer", dashboard);
        Assert.Contains(item.GetProperty("dueText").GetString()!, dashboard);

        var question = Assert.Single((await tender.Officer.GetFromJsonAsync<List<JsonElement>>($"/api/v1/t/{slug}/procurements/{tender.Id}/clarifications"))!);
        await tender.Officer.PostAsJsonAsync($"/api/v1/t/{slug}/procurements/{tender.Id}/clarifications/{question.GetProperty("id").GetGuid()}/answer",
            new { answer = "Yes, within the band rate." });
        Assert.DoesNotContain(await AttentionAsync(tender.Officer, url), i => i.GetProperty("kind").GetString() == "clarifications");
    }

    [Fact]
    public async Task The_officer_s_dashboard_counts_procurements_closed_and_not_yet_awarded()
    {
        var tender = await fixture.PublishedTenderAsync();
        var dashboard = await fixture.CookieClientAsync(await OfficerEmailAsync(tender));
        Assert.Contains("1 open for tenders, 0 closed and not yet awarded.", WebUtility.HtmlDecode(await dashboard.GetStringAsync($"/{tender.Tenant.Slug}")));

        await fixture.SqlAsync($"update procurements set state = 'Evaluation' where id = '{tender.Id}'");

        Assert.Contains("0 open for tenders, 1 closed and not yet awarded.", WebUtility.HtmlDecode(await dashboard.GetStringAsync($"/{tender.Tenant.Slug}")));
    }

    private async Task<string> OfficerEmailAsync(Tender tender)
    {
        var me = await tender.Officer.GetFromJsonAsync<JsonElement>("/api/v1/me");
        return me.GetProperty("email").GetString()!;
    }

    [Fact]
    public async Task Officers_see_bids_to_open_evaluators_their_scores_due_and_approvers_the_award_waiting()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m));
        var slug = closed.Tender.Tenant.Slug;
        var url = $"/api/v1/t/{slug}/attention";
        var opening = Only(await AttentionAsync(closed.Tender.Officer, url), "opening");
        Assert.StartsWith("Bids to open", opening.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, (await closed.Tender.Officer.PostAsync($"{closed.Api}/open", null)).StatusCode);
        Assert.StartsWith("Bids waiting for a second officer", Only(await AttentionAsync(closed.Tender.Officer, url), "opening").GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.OK, (await closed.SecondOfficer.PostAsync($"{closed.Api}/open", null)).StatusCode);
        Assert.DoesNotContain(await AttentionAsync(closed.Tender.Officer, url), i => i.GetProperty("kind").GetString() == "opening");

        var evaluator = await fixture.PanelistAsync(closed);
        var moderator = await fixture.PanelistAsync(closed);
        await closed.AppointAsync(moderator, evaluator);
        await fixture.SqlAsync($"update procurements set evaluation_deadline = '2030-01-31T12:00:00Z' where id = '{closed.Tender.Id}'");
        var scores = Only(await AttentionAsync(evaluator.Client, url), "scores");
        Assert.Equal(new DateTimeOffset(2030, 1, 31, 12, 0, 0, TimeSpan.Zero), scores.GetProperty("due").GetDateTimeOffset());
        Assert.Equal("Evaluator", scores.GetProperty("role").GetString());
        await closed.DeclareAsync(evaluator);
        await closed.DeclareAsync(moderator);
        await closed.PassGatesAsync(await fixture.BidIdsAsync(closed));
        Assert.Equal(HttpStatusCode.OK, (await closed.Tender.Officer.PostAsync($"{closed.Api}/evaluation/prices", null)).StatusCode);
        await closed.ScoreAllAndSubmitAsync(evaluator, name => name == "Ribble Care" ? 4 : 2);
        Assert.DoesNotContain(await AttentionAsync(evaluator.Client, url), i => i.GetProperty("kind").GetString() == "scores");
        Assert.Single(await AttentionAsync(moderator.Client, url), i => i.GetProperty("kind").GetString() == "moderation");

        await closed.ModerateAllAsync(moderator, name => name == "Ribble Care" ? 4 : 2);
        var published = await moderator.Client.PostAsync($"{closed.Api}/evaluation/results/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        await AwardTestSupport.OkJsonAsync(await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/award/recommendation", new { }));
        var approver = await fixture.PanelistAsync(closed, Role.Approver);
        var waiting = Only(await AttentionAsync(approver.Client, url), "award-approval");
        Assert.Equal($"/{slug}/procurements/{closed.Tender.Id}/award/decision", waiting.GetProperty("href").GetString());
        Assert.DoesNotContain(await AttentionAsync(evaluator.Client, url), i => i.GetProperty("kind").GetString() == "award-approval");
    }

    [Fact]
    public async Task A_provider_sees_its_unsubmitted_bid_due_by_the_deadline_and_no_other_provider_can_read_its_list()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync("Ribble Care");
        var other = await fixture.ProviderAsync("Pendle Support");
        await tender.StartAsync(provider.Client);

        var url = $"/api/v1/providers/{provider.Organisation.Id}/attention";
        var item = Only(await AttentionAsync(provider.Client, url), "bid-deadline");
        var deadline = await fixture.CountAsync($"select floor(extract(epoch from submission_deadline))::bigint from procurements where id = '{tender.Id}'");
        Assert.Equal(deadline, item.GetProperty("due").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(url)).StatusCode);
        Assert.Empty(await AttentionAsync(other.Client, $"/api/v1/providers/{other.Organisation.Id}/attention"));
        var page = WebUtility.HtmlDecode(await (await fixture.CookieClientAsync(provider.User.Email!)).GetStringAsync($"/providers/{provider.Organisation.Id}"));
        Assert.Contains("Bid not yet submitted", page);

        await tender.CompleteDraftAsync(provider.Client);
        Assert.Equal(HttpStatusCode.Created, (await tender.SubmitAsync(provider.Client)).StatusCode);
        Assert.Empty(await AttentionAsync(provider.Client, url));
    }
}
