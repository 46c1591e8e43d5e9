using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace ProcurementPortal.IntegrationTests.Evaluation;

/// <summary>Issue 6: conflicts, gates, blind scoring, moderation, prices, ranking and the report, through the API.</summary>
[Collection(PortalCollection.Name)]
public sealed class EvaluationTests(PortalFixture fixture)
{
    private const string LeedsConflict = "The provider's chief executive is an elected member of the council.";

    private sealed record Panel(ClosedTender Closed, Panelist First, Panelist Second, Panelist Moderator, Dictionary<string, Guid> Bids);

    private async Task<Panel> PanelAsync(params (string Name, decimal Factor)[] bidders)
    {
        var closed = await fixture.ClosedTenderAsync(bidders);
        await closed.OpenAsync();
        var first = await fixture.PanelistAsync(closed);
        var second = await fixture.PanelistAsync(closed);
        var moderator = await fixture.PanelistAsync(closed);
        await closed.AppointAsync(moderator, first, second);
        return new Panel(closed, first, second, moderator, await fixture.BidIdsAsync(closed));
    }

    [Fact]
    public async Task An_evaluator_who_declares_a_conflict_cannot_open_that_bid_and_is_absent_from_its_scores()
    {
        var (closed, first, second, moderator, bids) = await PanelAsync(("Aire Valley Care", 0.95m), ("Wharfe Support", 0.9m));
        await closed.DeclareAsync(first, conflictWith: "Aire Valley Care", LeedsConflict);
        await closed.DeclareAsync(second);
        await closed.DeclareAsync(moderator);
        await closed.PassGatesAsync(bids);

        Assert.Equal(HttpStatusCode.NotFound, (await first.Client.GetAsync($"{closed.Api}/evaluation/bids/{bids["Aire Valley Care"]}")).StatusCode);
        var listed = (await closed.OverviewAsync(first.Client)).GetProperty("bids").EnumerateArray().Select(b => b.GetProperty("bidId").GetGuid()).ToList();
        Assert.Equal([bids["Wharfe Support"]], listed);
        await closed.ScoreAllAndSubmitAsync(first, _ => 4);
        await closed.ScoreAllAndSubmitAsync(second, _ => 3);
        var someQuestion = (await second.Client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/bids/{bids["Aire Valley Care"]}"))
            .GetProperty("questions")[0].GetProperty("questionId").GetGuid();
        var forced = await first.Client.PutAsJsonAsync($"{closed.Api}/evaluation/bids/{bids["Aire Valley Care"]}/scores/{someQuestion}", new { score = 5, justification = EvaluationTestSupport.Justification });
        Assert.Equal(HttpStatusCode.NotFound, forced.StatusCode);

        var rows = (await moderator.Client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/moderation")).EnumerateArray().ToList();
        var aire = rows.Where(r => r.GetProperty("bidId").GetGuid() == bids["Aire Valley Care"]).ToList();
        Assert.NotEmpty(aire);
        Assert.All(aire, r => Assert.Equal([second.User.Email], r.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("evaluator").GetString())));
        Assert.All(rows.Where(r => r.GetProperty("bidId").GetGuid() == bids["Wharfe Support"]), r => Assert.Equal(2, r.GetProperty("scores").GetArrayLength()));
        var audit = await fixture.AuditChainAsync(closed.Tender.Tenant.Id);
        Assert.Contains(audit, e => e.Action == "evaluation.conflict_declared" && e.Summary!.Contains("Aire Valley Care") && e.Summary.Contains(LeedsConflict));
    }

    [Fact]
    public async Task An_evaluator_sees_no_bid_before_declaring_and_a_conflict_needs_its_details()
    {
        var (closed, first, _, _, bids) = await PanelAsync(("Aire Valley Care", 0.95m));
        await closed.PassGatesAsync(bids);

        Assert.Equal(HttpStatusCode.BadRequest, (await first.Client.GetAsync($"{closed.Api}/evaluation/bids/{bids["Aire Valley Care"]}")).StatusCode);
        var vague = await first.Client.PostAsJsonAsync($"{closed.Api}/evaluation/declarations",
            new { declarations = new Dictionary<string, object> { [bids["Aire Valley Care"].ToString()] = new { hasConflict = true, details = "" } } });
        Assert.Equal(HttpStatusCode.BadRequest, vague.StatusCode);
        Assert.Contains("Describe your conflict of interest", await vague.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_evaluator_cannot_see_anothers_scores_until_they_have_submitted_their_own()
    {
        var (closed, first, second, moderator, bids) = await PanelAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m));
        foreach (var p in new[] { first, second, moderator })
        {
            await closed.DeclareAsync(p);
        }
        await closed.PassGatesAsync(bids);
        await closed.ScoreAllAndSubmitAsync(first, _ => 4);
        await closed.ScoreAllAndSubmitAsync(second, _ => 2, submit: false);
        var bidUrl = $"{closed.Api}/evaluation/bids/{bids["Ribble Care"]}";

        var before = await second.Client.GetAsync(bidUrl);
        var body = await before.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.DoesNotContain(first.User.Email!, body);
        Assert.All(JsonDocument.Parse(body).RootElement.GetProperty("questions").EnumerateArray(),
            q => Assert.Equal(JsonValueKind.Null, q.GetProperty("otherScores").ValueKind));
        // Nor can an evaluator who has submitted see a colleague's unsubmitted scores.
        Assert.All((await first.Client.GetFromJsonAsync<JsonElement>(bidUrl)).GetProperty("questions").EnumerateArray(),
            q => Assert.Equal(0, q.GetProperty("otherScores").GetArrayLength()));
        // Nor the moderation view before moderation.
        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.GetAsync($"{closed.Api}/evaluation/moderation")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await second.Client.PostAsync($"{closed.Api}/evaluation/submit", null)).StatusCode);
        var after = await second.Client.GetFromJsonAsync<JsonElement>(bidUrl);
        Assert.All(after.GetProperty("questions").EnumerateArray(), q =>
        {
            var other = Assert.Single(q.GetProperty("otherScores").EnumerateArray());
            Assert.Equal(first.User.Email, other.GetProperty("evaluator").GetString());
            Assert.Equal(4, other.GetProperty("score").GetInt32());
        });
    }

    [Fact]
    public async Task Bidder_names_are_hidden_from_evaluators_until_moderation_when_the_tender_says_so()
    {
        var (closed, first, _, _, bids) = await PanelAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m));
        await fixture.SqlAsync($"update procurements set hide_bidder_names = true where id = '{closed.Tender.Id}'");
        await closed.DeclareAsync(first);
        await closed.PassGatesAsync(bids);

        var overview = await first.Client.GetStringAsync($"{closed.Api}/evaluation");
        var bid = await first.Client.GetStringAsync($"{closed.Api}/evaluation/bids/{bids["Ribble Care"]}");

        Assert.Contains("Bidder A", overview);
        Assert.Contains("Bidder B", overview);
        foreach (var text in new[] { overview, bid })
        {
            Assert.DoesNotContain("Ribble Care", text);
            Assert.DoesNotContain("Pendle Support", text);
        }
    }

    [Fact]
    public async Task Scores_need_a_justification_of_twenty_characters_and_a_score_from_0_to_5()
    {
        var (closed, first, _, _, bids) = await PanelAsync(("Ribble Care", 0.95m));
        await closed.DeclareAsync(first);
        await closed.PassGatesAsync(bids);
        var question = (await first.Client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/bids/{bids["Ribble Care"]}"))
            .GetProperty("questions")[0].GetProperty("questionId").GetGuid();

        var response = await first.Client.PutAsJsonAsync($"{closed.Api}/evaluation/bids/{bids["Ribble Care"]}/scores/{question}", new { score = 6, justification = "Good." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("Score", out _));
        Assert.True(errors.TryGetProperty("Justification", out _));
    }

    /// <summary>Four bidders: Wyre fails the CQC gate; Fylde's price is abnormally low and it scores below the minimum.</summary>
    private async Task<Panel> ModeratedAsync()
    {
        var panel = await PanelAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m), ("Fylde Homes", 0.5m), ("Wyre Living", 0.93m));
        var (closed, first, second, moderator, bids) = panel;
        foreach (var p in new[] { first, second, moderator })
        {
            await closed.DeclareAsync(p);
        }
        await closed.PassGatesAsync(bids, failing: "Wyre Living", reason: "CQC registration has lapsed");
        Assert.Equal(HttpStatusCode.OK, (await closed.Tender.Officer.PostAsync($"{closed.Api}/evaluation/prices", null)).StatusCode);
        await closed.ScoreAllAndSubmitAsync(first, name => name == "Ribble Care" ? 4 : 3);
        await closed.ScoreAllAndSubmitAsync(second, name => name == "Ribble Care" ? 2 : 3);
        return panel;
    }

    [Fact]
    public async Task A_consensus_score_without_a_rationale_is_refused()
    {
        var (closed, _, _, moderator, bids) = await ModeratedAsync();
        var row = (await moderator.Client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/moderation")).EnumerateArray().First();

        var response = await moderator.Client.PutAsJsonAsync(
            $"{closed.Api}/evaluation/moderation/{row.GetProperty("bidId").GetGuid()}/{row.GetProperty("questionId").GetGuid()}", new { score = 3, rationale = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Rationale", out _));
        Assert.Equal(0, await fixture.CountAsync($"select count(*) from moderated_scores where procurement_id = '{closed.Tender.Id}'"));
    }

    [Fact]
    public async Task Moderation_shows_scores_side_by_side_and_flags_a_spread_of_two_points()
    {
        var (closed, _, _, moderator, bids) = await ModeratedAsync();

        var rows = (await moderator.Client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/moderation")).EnumerateArray().ToList();

        Assert.DoesNotContain(rows, r => r.GetProperty("bidId").GetGuid() == bids["Wyre Living"]);
        Assert.All(rows.Where(r => r.GetProperty("bidder").GetString() == "Ribble Care"), r =>
        {
            Assert.Equal(2, r.GetProperty("spread").GetInt32());
            Assert.True(r.GetProperty("wideSpread").GetBoolean());
        });
        Assert.All(rows.Where(r => r.GetProperty("bidder").GetString() == "Pendle Support"), r => Assert.False(r.GetProperty("wideSpread").GetBoolean()));
    }

    [Fact]
    public async Task The_moderated_ranking_is_published_with_exclusions_price_flags_and_affordability()
    {
        var (closed, _, _, moderator, bids) = await ModeratedAsync();
        await closed.ModerateAllAsync(moderator, name => name switch { "Ribble Care" => 4, "Fylde Homes" => 1, _ => 3 });

        var published = await moderator.Client.PostAsync($"{closed.Api}/evaluation/results/publish", null);

        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var results = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AwardRecommended", results.GetProperty("state").GetString());
        var lot = results.GetProperty("lots")[0];
        var ranking = lot.GetProperty("ranking").EnumerateArray().ToDictionary(r => r.GetProperty("bidder").GetString()!);
        // Hand-computed: quality weights 30 + 20 + 10 = 60, price weight 40, lowest-price ratio among the eligible.
        var ribble = ranking["Ribble Care"];
        var pendle = ranking["Pendle Support"];
        Assert.Equal(48.00m, ribble.GetProperty("qualityScore").GetDecimal());
        Assert.Equal(36.00m, pendle.GetProperty("qualityScore").GetDecimal());
        Assert.Equal(40.00m, pendle.GetProperty("priceScore").GetDecimal());
        var expectedRibblePrice = Math.Round(40m * pendle.GetProperty("evaluatedPrice").GetDecimal() / ribble.GetProperty("evaluatedPrice").GetDecimal(), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(expectedRibblePrice, ribble.GetProperty("priceScore").GetDecimal());
        Assert.Equal(1, ribble.GetProperty("rank").GetInt32());
        Assert.Equal(2, pendle.GetProperty("rank").GetInt32());
        Assert.True(ribble.GetProperty("recommended").GetBoolean());
        Assert.Equal("Failed a pass/fail question: CQC registration has lapsed", ranking["Wyre Living"].GetProperty("exclusionReason").GetString());
        Assert.Equal(JsonValueKind.Null, ranking["Fylde Homes"].GetProperty("rank").ValueKind);
        Assert.True(ranking["Fylde Homes"].GetProperty("abnormallyLow").GetBoolean());
        Assert.Contains("more than 20% below the mean", ranking["Fylde Homes"].GetProperty("clarificationRequest").GetString());
        Assert.False(ribble.GetProperty("abnormallyLow").GetBoolean());
        var expected = Math.Round((ribble.GetProperty("evaluatedPrice").GetDecimal() + pendle.GetProperty("evaluatedPrice").GetDecimal()) / 2, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, lot.GetProperty("expectedAnnualCost").GetDecimal());
        var audit = await fixture.AuditChainAsync(closed.Tender.Tenant.Id);
        Assert.Contains(audit, e => e.Action == "evaluation.abnormally_low_clarification_requested" && e.Summary!.Contains("Fylde Homes"));
        Assert.Contains(audit, e => e.Action == "evaluation.gate_failed" && e.Summary!.Contains("CQC registration has lapsed"));
        Assert.Contains(audit, e => e.Action == "evaluation.ranking_published");
    }

    [Fact]
    public async Task The_ranking_cannot_be_published_before_every_score_is_moderated()
    {
        var (closed, _, _, moderator, _) = await ModeratedAsync();

        var response = await moderator.Client.PostAsync($"{closed.Api}/evaluation/results/publish", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("still to moderate", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_pdf_report_reads_back_with_every_bidders_total_and_rank_and_the_csv_has_the_same_numbers()
    {
        var (closed, _, _, moderator, _) = await ModeratedAsync();
        await closed.ModerateAllAsync(moderator, name => name switch { "Ribble Care" => 4, "Fylde Homes" => 1, _ => 3 });
        Assert.Equal(HttpStatusCode.OK, (await moderator.Client.PostAsync($"{closed.Api}/evaluation/results/publish", null)).StatusCode);
        var results = await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/results");

        var pdf = await closed.Tender.Officer.GetByteArrayAsync($"{closed.Api}/evaluation/report.pdf");
        var csv = await closed.Tender.Officer.GetStringAsync($"{closed.Api}/evaluation/results.csv");

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var lot in results.GetProperty("lots").EnumerateArray())
        {
            foreach (var bid in lot.GetProperty("ranking").EnumerateArray())
            {
                var total = bid.GetProperty("totalScore").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);
                var rank = bid.GetProperty("rank").ValueKind == JsonValueKind.Null ? "" : bid.GetProperty("rank").GetInt32().ToString(CultureInfo.InvariantCulture);
                var bidder = bid.GetProperty("bidder").GetString()!;
                Assert.Contains(bidder.Split(' ')[0], text);
                Assert.Contains(total, text);
                var line = Assert.Single(lines, l => l[0] == lot.GetProperty("number").GetInt32().ToString(CultureInfo.InvariantCulture) && l[2] == bidder);
                Assert.Equal(total, line[5]);
                Assert.Equal(rank, line[7]);
            }
        }
        Assert.Contains("Conflict of interest register", text);
        Assert.Contains("The panel agreed", text);
    }

    [Fact]
    public async Task Officers_see_progress_per_evaluator_and_per_question()
    {
        var (closed, first, second, moderator, bids) = await PanelAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m));
        await closed.DeclareAsync(first);
        await closed.PassGatesAsync(bids);
        var question = (await first.Client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/bids/{bids["Ribble Care"]}")).GetProperty("questions")[0];
        await first.Client.PutAsJsonAsync($"{closed.Api}/evaluation/bids/{bids["Ribble Care"]}/scores/{question.GetProperty("questionId").GetGuid()}",
            new { score = 3, justification = EvaluationTestSupport.Justification });

        var progress = (await closed.Tender.Officer.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/progress")).EnumerateArray()
            .ToDictionary(p => p.GetProperty("evaluator").GetString()!);

        var mine = progress[first.User.Email!];
        Assert.True(mine.GetProperty("declared").GetBoolean());
        Assert.Equal(1, mine.GetProperty("scored").GetInt32());
        Assert.Equal(6, mine.GetProperty("toScore").GetInt32());
        var perQuestion = mine.GetProperty("questions").EnumerateArray().First(q => q.GetProperty("number").GetString() == question.GetProperty("number").GetString());
        Assert.Equal(1, perQuestion.GetProperty("scored").GetInt32());
        Assert.Equal(2, perQuestion.GetProperty("toScore").GetInt32());
        Assert.False(progress[second.User.Email!].GetProperty("declared").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await first.Client.GetAsync($"{closed.Api}/evaluation/progress")).StatusCode);
    }

    [Fact]
    public async Task Evaluators_who_have_not_submitted_are_reminded_once_before_the_evaluation_deadline()
    {
        var (closed, first, second, moderator, bids) = await PanelAsync(("Ribble Care", 0.95m));
        await fixture.SqlAsync($"update procurements set evaluation_deadline = now() + interval '1 day' where id = '{closed.Tender.Id}'");
        string Count(PortalUser u) => $"select count(*) from outbox_messages where to_address = '{u.Email}' and subject like '%evaluation scores are due%'";

        await fixture.RunJobAsync<EvaluationDeadlineReminders>(j => j.RunAsync(CancellationToken.None));
        await fixture.RunJobAsync<EvaluationDeadlineReminders>(j => j.RunAsync(CancellationToken.None));

        Assert.Equal(1, await fixture.CountAsync(Count(first.User)));
        Assert.Equal(1, await fixture.CountAsync(Count(second.User)));
        Assert.Equal(0, await fixture.CountAsync(Count(moderator.User)));
    }
}
