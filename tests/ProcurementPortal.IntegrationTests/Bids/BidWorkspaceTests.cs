using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>The bid workspace: lots, answers within word limits, prices against ceilings, conflicts between colleagues, check your answers.</summary>
[Collection(PortalCollection.Name)]
public sealed class BidWorkspaceTests(PortalFixture fixture)
{
    private static uint RowVersion(JsonElement bid) => bid.GetProperty("rowVersion").GetUInt32();

    private static Guid FirstQuestion(JsonElement bid, string type) =>
        bid.GetProperty("answers").EnumerateArray().First(a => a.GetProperty("type").GetString() == type).GetProperty("questionId").GetGuid();

    private static JsonElement FirstBand(JsonElement bid) => bid.GetProperty("prices")[0].GetProperty("bands")[0];

    private static async Task<JsonElement> WithLotsAsync(Tender tender, HttpClient client, int count = 1)
    {
        var bid = await tender.StartAsync(client);
        var lotIds = bid.GetProperty("lots").EnumerateArray().Take(count).Select(l => l.GetProperty("id").GetGuid()).ToList();
        var saved = await tender.SaveAsync(client, RowVersion(bid), new { lotIds });
        return await saved.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_answer_over_its_word_limit_is_refused_with_the_count_and_nothing_is_saved()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        var bid = await WithLotsAsync(tender, provider.Client);
        var question = bid.GetProperty("answers").EnumerateArray().First(a => a.GetProperty("wordLimit").ValueKind == JsonValueKind.Number && a.GetProperty("wordLimit").GetInt32() == 500);
        var id = question.GetProperty("questionId").GetGuid();

        var response = await tender.SaveAsync(provider.Client, RowVersion(bid), new { answers = new Dictionary<Guid, string> { [id] = string.Join(' ', Enumerable.Repeat("word", 501)) } });

        var errors = await response.FieldErrorsAsync();
        Assert.Contains("must be 500 words or fewer (it has 501)", Assert.Single(errors[$"Answers[{id}]"]));
        Assert.Equal(RowVersion(bid), RowVersion(await tender.GetBidAsync(provider.Client)));
        var exactly = await tender.SaveAsync(provider.Client, RowVersion(bid), new { answers = new Dictionary<Guid, string> { [id] = string.Join(' ', Enumerable.Repeat("word", 500)) } });
        Assert.Equal(HttpStatusCode.OK, exactly.StatusCode);
    }

    [Fact]
    public async Task A_rate_above_the_ceiling_is_refused_when_the_tender_refuses_breaches()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        var bid = await WithLotsAsync(tender, provider.Client);
        var band = FirstBand(bid);

        var response = await tender.SaveAsync(provider.Client, RowVersion(bid), new { rates = new Dictionary<Guid, decimal> { [band.GetProperty("bandId").GetGuid()] = band.GetProperty("ceilingRate").GetDecimal() + 0.01m } });

        Assert.Contains("no more than the ceiling", Assert.Single((await response.FieldErrorsAsync())[$"Rates[{band.GetProperty("bandId").GetGuid()}]"]));
    }

    [Fact]
    public async Task A_rate_above_the_ceiling_is_saved_and_flagged_when_the_tender_flags_breaches_and_the_evaluated_price_is_computed()
    {
        var tender = await fixture.PublishedTenderAsync(ceilingRule: "Flag");
        var provider = await fixture.ProviderAsync();
        var bid = await WithLotsAsync(tender, provider.Client);
        var bands = bid.GetProperty("prices")[0].GetProperty("bands").EnumerateArray().ToList();
        var rates = bands.ToDictionary(b => b.GetProperty("bandId").GetGuid(), b => b.GetProperty("ceilingRate").GetDecimal());
        rates[bands[0].GetProperty("bandId").GetGuid()] += 1m;

        var response = await tender.SaveAsync(provider.Client, RowVersion(bid), new { rates });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        var lot = saved.GetProperty("prices")[0];
        Assert.True(lot.GetProperty("bands")[0].GetProperty("aboveCeiling").GetBoolean());
        Assert.False(lot.GetProperty("bands")[1].GetProperty("aboveCeiling").GetBoolean());
        var expected = Math.Round(bands.Sum(b => rates[b.GetProperty("bandId").GetGuid()] * b.GetProperty("expectedAnnualVolume").GetDecimal()), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, lot.GetProperty("evaluatedPrice").GetDecimal());
        Assert.Equal(expected, saved.GetProperty("evaluatedTotal").GetDecimal());
        Assert.DoesNotContain(saved.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString()!.StartsWith("Rates"));
    }

    [Fact]
    public async Task Two_colleagues_saving_the_same_draft_the_second_gets_a_conflict_and_the_first_save_stands()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        var colleague = await fixture.BearerClientAsync((await fixture.CreateUserAsync(provider.Organisation, Core.Domain.Role.BidWriter)).Email!);
        var bid = await WithLotsAsync(tender, provider.Client);
        var question = FirstQuestion(bid, "Scored");

        var first = await tender.SaveAsync(provider.Client, RowVersion(bid), new { answers = new Dictionary<Guid, string> { [question] = "First colleague's answer." } });
        var second = await tender.SaveAsync(colleague, RowVersion(bid), new { answers = new Dictionary<Guid, string> { [question] = "Second colleague's answer." } });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        var stored = await tender.GetBidAsync(colleague);
        Assert.Equal("First colleague's answer.", stored.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionId").GetGuid() == question).GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Check_lists_every_missing_item_until_the_bid_is_complete()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.StartAsync(provider.Client);

        var empty = await provider.Client.GetFromJsonAsync<JsonElement>($"{tender.BidUrl}/check");
        Assert.False(empty.GetProperty("readyToSubmit").GetBoolean());
        var fields = empty.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Contains("LotIds", fields);
        Assert.Contains("Declarations.CqcRegistrationNumber", fields);
        Assert.Contains("Declarations.ConflictsOfInterest", fields);
        Assert.Contains(fields, f => f!.StartsWith("Answers["));

        var partial = await WithLotsAsync(tender, provider.Client, 2);
        var check = await provider.Client.GetFromJsonAsync<JsonElement>($"{tender.BidUrl}/check");
        Assert.Equal(8, check.GetProperty("problems").EnumerateArray().Count(p => p.GetProperty("field").GetString()!.StartsWith("Rates[")));
        Assert.Equal(HttpStatusCode.BadRequest, (await tender.SubmitAsync(provider.Client)).StatusCode);

        await tender.CompleteDraftAsync(provider.Client);
        var ready = await provider.Client.GetFromJsonAsync<JsonElement>($"{tender.BidUrl}/check");
        Assert.True(ready.GetProperty("readyToSubmit").GetBoolean());
        Assert.Empty(ready.GetProperty("problems").EnumerateArray());
        Assert.NotEqual(RowVersion(partial), RowVersion(await tender.GetBidAsync(provider.Client)));
    }

    [Fact]
    public async Task Before_opening_officers_see_only_the_count_of_bids_received_never_names_or_content()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync("Ribble Valley Sealed Bidder Ltd");
        await tender.CompleteDraftAsync(provider.Client);
        await tender.SubmitAsync(provider.Client);
        var officerUser = await fixture.CreateUserAsync(tender.Tenant, Core.Domain.Role.ProcurementOfficer, Core.Domain.Role.TenantAdmin);
        var officerPages = await fixture.PageClientAsync(officerUser.Email!);
        var officerApi = await fixture.BearerClientAsync(officerUser.Email!);

        var received = await officerApi.GetFromJsonAsync<JsonElement>($"/api/v1/t/{tender.Slug}/procurements/{tender.Id}/bids/received");
        Assert.Equal(1, received.GetProperty("received").GetInt32());
        var page = await officerPages.GetStringAsync($"/{tender.Slug}/procurements/{tender.Id}");
        Assert.Contains("Bids received: <strong>1</strong>", page);

        var officerResponses = new List<string> { page, received.GetRawText() };
        foreach (var url in new[]
                 {
                     $"/api/v1/t/{tender.Slug}/procurements/{tender.Id}", $"/api/v1/t/{tender.Slug}/procurements/{tender.Id}/lots",
                     $"/api/v1/t/{tender.Slug}/procurements/{tender.Id}/evaluation-model", $"/api/v1/t/{tender.Slug}/procurements/{tender.Id}/clarifications",
                     $"/api/v1/t/{tender.Slug}/audit-events",
                 })
        {
            var response = await officerApi.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, url);
            officerResponses.Add(await response.Content.ReadAsStringAsync());
        }
        officerResponses.Add(await officerPages.GetStringAsync($"/{tender.Slug}/admin/audit"));
        // The provider's own routes under the tenant answer officers nothing either.
        Assert.Equal(HttpStatusCode.NotFound, (await officerApi.GetAsync(tender.BidUrl)).StatusCode);
        foreach (var body in officerResponses)
        {
            Assert.DoesNotContain("zebra-lantern-7731", body);
            Assert.DoesNotContain("Sealed Bidder", body);
            Assert.DoesNotContain(provider.User.Email!, body);
        }
    }
}
