using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Evaluation;

/// <summary>Issue 6.1: panels per lot.</summary>
[Collection(PortalCollection.Name)]
public sealed class EvaluationPanelTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_evaluator_on_the_lot_2_panel_neither_sees_nor_scores_a_bid_for_lot_1_only()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m, 1), ("Pendle Support", 0.9m, 2));
        await closed.OpenAsync();
        var lotTwo = await fixture.PanelistAsync(closed);
        var everyLot = await fixture.PanelistAsync(closed);
        var moderator = await fixture.PanelistAsync(closed);
        var lots = await fixture.LotIdsAsync(closed);
        var appointed = await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/evaluation/panel", new
        {
            evaluators = new object[] { new { userId = lotTwo.User.Id, lotIds = new[] { lots["2"] } }, new { userId = everyLot.User.Id } },
            moderatorUserId = moderator.User.Id,
        });
        Assert.True(appointed.StatusCode == HttpStatusCode.OK, await appointed.Content.ReadAsStringAsync());
        var panel = await appointed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([lots["2"]], panel.EnumerateArray().Single(m => m.GetProperty("userId").GetGuid() == lotTwo.User.Id)
            .GetProperty("lotIds").EnumerateArray().Select(l => l.GetGuid()));
        var bids = await fixture.BidIdsAsync(closed);
        await closed.PassGatesAsync(bids);
        await closed.DeclareAsync(lotTwo);
        await closed.DeclareAsync(everyLot);

        var seen = (await closed.OverviewAsync(lotTwo.Client)).GetProperty("bids").EnumerateArray().Select(b => b.GetProperty("bidder").GetString()).ToList();
        Assert.Equal(["Pendle Support"], seen);
        Assert.Equal(2, (await closed.OverviewAsync(everyLot.Client)).GetProperty("bids").GetArrayLength());
        var lotOneBid = $"{closed.Api}/evaluation/bids/{bids["Ribble Care"]}";
        Assert.Equal(HttpStatusCode.NotFound, (await lotTwo.Client.GetAsync(lotOneBid)).StatusCode);
        var question = (await everyLot.Client.GetFromJsonAsync<JsonElement>(lotOneBid)).GetProperty("questions")[0].GetProperty("questionId").GetGuid();
        var scored = await lotTwo.Client.PutAsJsonAsync($"{lotOneBid}/scores/{question}", new { score = 3, justification = EvaluationTestSupport.Justification });
        Assert.Equal(HttpStatusCode.NotFound, scored.StatusCode);
        var pages = await fixture.PageClientAsync(lotTwo.User.Email!);
        Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync($"{closed.Pages}/evaluation/bids/{bids["Ribble Care"]}")).StatusCode);

        // The lot 2 bid is all there is to score: the evaluator can submit without the lot 1 bid.
        await closed.ScoreAllAndSubmitAsync(lotTwo, _ => 3);
    }

    [Fact]
    public async Task Lots_of_another_procurement_are_refused_for_a_panel()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m));
        await closed.OpenAsync();
        var evaluator = await fixture.PanelistAsync(closed);
        var moderator = await fixture.PanelistAsync(closed);

        var response = await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/evaluation/panel", new
        {
            evaluators = new[] { new { userId = evaluator.User.Id, lotIds = new[] { Guid.NewGuid() } } },
            moderatorUserId = moderator.User.Id,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose lots of this procurement", await response.Content.ReadAsStringAsync());
    }
}
