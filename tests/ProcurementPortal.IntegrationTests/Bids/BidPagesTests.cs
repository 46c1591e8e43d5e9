using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>The bid pages: a failed or conflicting save shows the page again with what was typed, and says why.</summary>
[Collection(PortalCollection.Name)]
public sealed class BidPagesTests(PortalFixture fixture)
{
    private async Task<(Tender Tender, HttpClient Page, HttpClient Api, JsonElement Bid)> StartedAsync()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        var bid = await tender.CompleteDraftAsync(provider.Client, lots: 1);
        return (tender, await fixture.PageClientAsync(provider.User.Email!), provider.Client, bid);
    }

    [Fact]
    public async Task An_answer_over_the_word_limit_comes_back_in_the_page_with_an_error_summary_and_the_text_typed()
    {
        var (tender, page, _, bid) = await StartedAsync();
        var question = bid.GetProperty("answers").EnumerateArray().First(a => a.GetProperty("wordLimit").ValueKind == JsonValueKind.Number);
        var limit = question.GetProperty("wordLimit").GetInt32();
        var url = $"/{tender.Slug}/opportunities/{tender.Id}/bid/questions/{question.GetProperty("questionId").GetGuid()}";
        var typed = string.Join(' ', Enumerable.Repeat("care", limit + 1)) + " unsaved-marker";

        var response = await page.PostFormAsync(url, new() { [$"Answers[{question.GetProperty("questionId").GetGuid()}]"] = typed, ["RowVersion"] = bid.GetProperty("rowVersion").GetUInt32().ToString() });

        await response.AssertErrorSummaryAsync($"Answers[{question.GetProperty("questionId").GetGuid()}]");
        Assert.Contains("unsaved-marker", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Autosave_stores_the_answer_and_hands_back_the_row_version_so_the_next_save_is_not_a_conflict()
    {
        var (tender, page, api, bid) = await StartedAsync();
        var questionId = bid.GetProperty("answers").EnumerateArray().First(a => a.GetProperty("wordLimit").ValueKind == JsonValueKind.Number).GetProperty("questionId").GetGuid();
        var url = $"/{tender.Slug}/opportunities/{tender.Id}/bid/questions/{questionId}";
        Assert.Contains($"data-autosave=\"{url}/autosave\"", await page.GetStringAsync(url));

        var autosaved = await page.PostWithPageTokenAsync($"{url}/autosave", new()
        {
            [$"Answers[{questionId}]"] = "Autosaved while typing about recovery plans",
            ["RowVersion"] = bid.GetProperty("rowVersion").GetUInt32().ToString(),
        }, url);

        Assert.Equal(HttpStatusCode.OK, autosaved.StatusCode);
        var result = await autosaved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("saved").GetBoolean());
        var draft = await tender.GetBidAsync(api);
        Assert.Equal(draft.GetProperty("rowVersion").GetUInt32(), result.GetProperty("rowVersion").GetUInt32());
        Assert.Equal("Autosaved while typing about recovery plans",
            draft.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionId").GetGuid() == questionId).GetProperty("answer").GetString());

        // The person's own save by hand, carrying the row version the autosave handed back, is not a conflict.
        var byHand = await page.PostFormAsync(url, new()
        {
            [$"Answers[{questionId}]"] = "Saved by hand after the autosave",
            ["RowVersion"] = result.GetProperty("rowVersion").GetUInt32().ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, byHand.StatusCode);

        // An autosave from the stale version is refused as a conflict and changes nothing.
        var stale = await page.PostWithPageTokenAsync($"{url}/autosave", new()
        {
            [$"Answers[{questionId}]"] = "Stale autosave",
            ["RowVersion"] = result.GetProperty("rowVersion").GetUInt32().ToString(),
        }, url);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Saved by hand after the autosave",
            (await tender.GetBidAsync(api)).GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionId").GetGuid() == questionId).GetProperty("answer").GetString());
    }

    [Fact]
    public async Task A_page_saved_after_a_colleague_says_someone_else_saved_first_and_keeps_what_was_typed()
    {
        var (tender, page, api, bid) = await StartedAsync();
        var declarations = $"/{tender.Slug}/opportunities/{tender.Id}/bid/declarations";
        var staleVersion = bid.GetProperty("rowVersion").GetUInt32();
        var colleagueSave = await tender.SaveAsync(api, staleVersion, new { declarations = new { cqcRegistrationNumber = "1-999999999", employersLiabilityCover = 1m, publicLiabilityCover = 1m, conflictsOfInterest = "None" } });
        Assert.Equal(HttpStatusCode.OK, colleagueSave.StatusCode);

        var response = await page.PostFormAsync(declarations, new()
        {
            ["RowVersion"] = staleVersion.ToString(),
            ["Declarations.CqcRegistrationNumber"] = "1-123456789",
            ["Declarations.EmployersLiabilityCover"] = "10,000,000",
            ["Declarations.PublicLiabilityCover"] = "5,000,000",
            ["Declarations.ConflictsOfInterest"] = "Typed-but-not-saved conflicts",
        });

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else at your organisation saved this bid", html);
        Assert.Contains("Typed-but-not-saved conflicts", html);
        Assert.Equal("1-999999999", (await tender.GetBidAsync(api)).GetProperty("declarations").GetProperty("cqcRegistrationNumber").GetString());
    }

    [Fact]
    public async Task A_late_submit_from_the_page_says_the_deadline_and_the_time_received_and_keeps_the_draft()
    {
        var (tender, page, api, _) = await StartedAsync();
        var check = $"/{tender.Slug}/opportunities/{tender.Id}/bid/check";
        var form = await page.GetStringAsync(check);
        var key = System.Text.RegularExpressions.Regex.Match(form, "name=\"IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        await fixture.MoveDeadlineAsync(tender, TimeSpan.FromSeconds(-1));

        var response = await page.PostFormAsync($"/{tender.Slug}/opportunities/{tender.Id}/bid/submit", new() { ["IdempotencyKey"] = key }, check);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html);
        Assert.Contains("The deadline for bids was", html);
        Assert.Contains("Your draft has been kept", html);
        Assert.Equal("Draft", (await tender.GetBidAsync(api)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submitting_from_the_page_shows_the_receipt_and_pressing_twice_submits_once()
    {
        var (tender, page, api, _) = await StartedAsync();
        var check = $"/{tender.Slug}/opportunities/{tender.Id}/bid/check";
        var submit = $"/{tender.Slug}/opportunities/{tender.Id}/bid/submit";
        var key = System.Text.RegularExpressions.Regex.Match(await page.GetStringAsync(check), "name=\"IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;

        var first = await page.PostFormAsync(submit, new() { ["IdempotencyKey"] = key }, check);
        var again = await page.PostFormAsync(submit, new() { ["IdempotencyKey"] = key }, check);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var receipt = await page.GetStringAsync(first.Headers.Location!.ToString());
        Assert.Contains("Bid received", receipt);
        Assert.Matches("id=\"receipt-hash\"[^>]*>[0-9a-f]{64}<", receipt);
        Assert.Single((await api.GetFromJsonAsync<List<JsonElement>>($"{tender.BidUrl}/receipts"))!);
    }
}
