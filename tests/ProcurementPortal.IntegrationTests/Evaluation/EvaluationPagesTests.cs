using System.Net;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Evaluation;

/// <summary>The evaluation pages: declarations before any bid, blind scoring, a score's errors on its page.</summary>
[Collection(PortalCollection.Name)]
public sealed class EvaluationPagesTests(PortalFixture fixture)
{
    [Fact]
    public async Task On_the_pages_an_evaluator_sees_anothers_scores_only_after_submitting_their_own()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m));
        await closed.OpenAsync();
        var first = await fixture.PanelistAsync(closed);
        var second = await fixture.PanelistAsync(closed);
        var moderator = await fixture.PanelistAsync(closed);
        await closed.AppointAsync(moderator, first, second);
        var bids = await fixture.BidIdsAsync(closed);
        var pages = await fixture.PageClientAsync(second.User.Email!);
        var bidPage = $"{closed.Pages}/evaluation/bids/{bids["Ribble Care"]}";

        // Before declaring, the bid page sends the evaluator to the declarations.
        Assert.Equal(HttpStatusCode.Redirect, (await pages.GetAsync(bidPage)).StatusCode);
        var declared = await pages.PostFormAsync($"{closed.Pages}/evaluation/declarations",
            new() { [$"Declarations[{bids["Ribble Care"]}].HasConflict"] = "false" }, $"{closed.Pages}/evaluation");
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        await closed.DeclareAsync(first);
        await closed.PassGatesAsync(bids);
        await closed.ScoreAllAndSubmitAsync(first, _ => 5);

        var bid = await pages.GetStringAsync(bidPage);
        Assert.Contains("You will see the other evaluators&#x27; scores after you submit your own.", bid);
        Assert.DoesNotContain(first.User.Email!, bid);

        var questionLink = System.Text.RegularExpressions.Regex.Match(bid, "href=\"([^\"]*/questions/[^\"]+)\"").Groups[1].Value;
        var refused = await pages.PostFormAsync(questionLink, new() { ["Score"] = "3", ["Justification"] = "Too short" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Write a justification of at least 20 characters", await refused.Content.ReadAsStringAsync());
        await closed.ScoreAllAndSubmitAsync(second, _ => 3);

        var after = await pages.GetStringAsync(bidPage);
        Assert.Contains(first.User.Email!, after);
        Assert.DoesNotContain("Hidden until you submit", after);
    }
}
