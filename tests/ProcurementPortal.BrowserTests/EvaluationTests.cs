using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Evaluation;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// A tender closed with two sealed bids (arranged through the API): two officers open the bids, two evaluators declare
/// (one a conflict with a bidder), score and submit, and the moderator settles each score and publishes the ranking,
/// all through the pages; axe checks every page on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationTests(BrowserFixture browser)
{
    private const string Conflicted = "Pendle Support";
    private const string Clear = "Ribble Care";

    [Fact]
    public async Task Officers_open_evaluators_declare_and_score_and_the_moderator_publishes_the_ranking()
    {
        var fixture = browser.Portal;
        var closed = await fixture.ClosedTenderAsync((Clear, 0.95m), (Conflicted, 0.9m));
        var tenant = closed.Tender.Tenant;

        foreach (var (step, officerNumber) in new[] { ("first", 1), ("second", 2) })
        {
            await using var officer = await SignedInAsync(await fixture.CreateUserAsync(tenant, Role.ProcurementOfficer));
            await officer.GotoAsync(closed.Pages);
            await officer.CheckAsync($"evaluation: procurement before the {step} opening");
            await officer.Page.GetByRole(AriaRole.Button, new() { Name = "Confirm the opening" }).ClickAsync();
            await Assertions.Expect(officer.Page.Locator(".govuk-notification-banner"))
                .ToContainTextAsync(officerNumber == 1 ? "A second procurement officer must confirm" : "The bids are open: 2 bid(s) opened");
            await officer.CheckAsync($"evaluation: after the {step} opening");
        }

        var first = await fixture.PanelistAsync(closed);
        var second = await fixture.PanelistAsync(closed);
        var moderator = await fixture.PanelistAsync(closed);
        await closed.AppointAsync(moderator, first, second);
        await closed.PassGatesAsync(await fixture.BidIdsAsync(closed));
        Assert.True((await closed.Tender.Officer.PostAsync($"{closed.Api}/evaluation/prices", null)).IsSuccessStatusCode);

        await DeclareScoreAndSubmitAsync(closed, first, conflictWith: Conflicted, score: 4, expectedBids: 1);
        await DeclareScoreAndSubmitAsync(closed, second, conflictWith: null, score: 2, expectedBids: 2);

        await using var moderating = await SignedInAsync(moderator.User);
        var page = moderating.Page;
        await moderating.GotoAsync($"{closed.Pages}/evaluation");
        await DeclareAsync(moderating, conflictWith: null);
        await page.GetByRole(AriaRole.Link, new() { Name = "Moderate the scores" }).ClickAsync();
        await Assertions.Expect(page.Locator("#moderation")).ToContainTextAsync("Spread 2");
        await moderating.CheckAsync("evaluation: moderation");
        Assert.Equal(6, await ModerateEveryScoreAsync(moderating, "evaluation"));

        await page.GetByRole(AriaRole.Link, new() { Name = "See the results and publish the ranking" }).ClickAsync();
        await moderating.CheckAsync("evaluation: results before publishing");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the ranking as the award recommendation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The ranking is published");
        await Assertions.Expect(page.Locator("#lot-1")).ToContainTextAsync(Clear);
        await Assertions.Expect(page.Locator("#lot-1")).ToContainTextAsync(Conflicted);
        await moderating.CheckAsync("evaluation: results published");
    }

    /// <summary>On the evaluation front page: declares for each bidder, scores every question of each bid, submits.</summary>
    private async Task DeclareScoreAndSubmitAsync(ClosedTender closed, Panelist evaluator, string? conflictWith, int score, int expectedBids)
    {
        await using var tab = await SignedInAsync(evaluator.User);
        var page = tab.Page;
        var step = $"evaluation: evaluator {(conflictWith is null ? "without" : "with")} a conflict";
        await tab.GotoAsync($"{closed.Pages}/evaluation");
        await tab.CheckAsync($"{step}, declarations");
        await DeclareAsync(tab, conflictWith);
        var bids = page.Locator("#bids-to-score a");
        await Assertions.Expect(bids).ToHaveCountAsync(expectedBids);
        if (conflictWith is not null)
        {
            await Assertions.Expect(page.Locator("#bids-to-score")).Not.ToContainTextAsync(conflictWith);
        }
        await tab.CheckAsync($"{step}, bids to score");

        for (var b = 0; b < expectedBids; b++)
        {
            await page.Locator("#bids-to-score a").Nth(b).ClickAsync();
            await tab.CheckAsync($"{step}, bid {b + 1}");
            Assert.Equal(3, await ScoreEveryQuestionAsync(tab, score, b == 0 ? $"{step}, score a question" : null));
            await page.GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit my scores" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your scores are submitted");
        await tab.CheckAsync($"{step}, submitted");
    }

    /// <summary>On a bid's page: scores every question with its justification; returns how many (a check of the first page when named).</summary>
    internal static async Task<int> ScoreEveryQuestionAsync(PortalPage tab, int score, string? checkStep)
    {
        var page = tab.Page;
        // The bid's page itself (the link that led here may not have finished loading it).
        await page.WaitForURLAsync(new Regex(@"/evaluation/bids/[0-9a-f-]{36}(\?.*)?$"));
        var count = await page.Locator("main table a").CountAsync();
        for (var q = 0; q < count; q++)
        {
            await page.Locator("main table a").Nth(q).ClickAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Your score" }).GetByLabel(new Regex($"^{score}")).CheckAsync();
            await page.GetByLabel("Your justification").FillAsync(EvaluationTestSupport.Justification);
            if (q == 0 && checkStep is not null)
            {
                await tab.CheckAsync(checkStep);
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the score" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Score saved");
        }
        await Assertions.Expect(page.Locator("main table")).Not.ToContainTextAsync("Not scored");
        return count;
    }

    /// <summary>On the moderation page: settles every score at 3 with a rationale (the first refused without one, when checking).</summary>
    internal static async Task<int> ModerateEveryScoreAsync(PortalPage moderating, string? checkStep)
    {
        var page = moderating.Page;
        await page.WaitForURLAsync(new Regex(@"/evaluation/moderation(\?.*)?$"));
        var count = await page.Locator("#moderation a").CountAsync();
        for (var i = 0; i < count; i++)
        {
            await page.Locator("#moderation tbody tr").Filter(new() { HasText = "Not moderated" }).First.GetByRole(AriaRole.Link).ClickAsync();
            if (i == 0 && checkStep is not null)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Save the consensus score" }).ClickAsync();
                await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("rationale");
                await moderating.CheckAsync($"{checkStep}: consensus refused without a rationale");
            }
            await page.GetByRole(AriaRole.Group, new() { Name = "Consensus score" }).GetByLabel("3", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Rationale").FillAsync("The panel agreed after discussing the evidence given.");
            if (i == 0 && checkStep is not null)
            {
                await moderating.CheckAsync($"{checkStep}: moderate one score");
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the consensus score" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Consensus score saved");
        }
        await Assertions.Expect(page.Locator("#moderation")).Not.ToContainTextAsync("Not moderated");
        return count;
    }

    /// <summary>Declares on the front page: no conflict with each bidder, except a conflict (with its details) with the one named.</summary>
    internal static async Task DeclareAsync(PortalPage tab, string? conflictWith, int bidderCount = 2)
    {
        var page = tab.Page;
        var bidders = page.Locator("form fieldset");
        await Assertions.Expect(bidders).ToHaveCountAsync(bidderCount);
        var count = bidderCount;
        for (var i = 0; i < count; i++)
        {
            var bidder = bidders.Nth(i);
            var name = await bidder.Locator("legend").InnerTextAsync();
            if (name.Trim() == conflictWith)
            {
                await bidder.GetByLabel("I have a conflict of interest").CheckAsync();
                await bidder.GetByLabel("If you have a conflict, describe it").FillAsync("The provider's chief executive is an elected member of the council.");
            }
            else
            {
                await bidder.GetByLabel("No conflict of interest").CheckAsync();
            }
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Record my declarations" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your declarations are recorded");
    }

    private async Task<PortalPage> SignedInAsync(PortalUser user)
    {
        var tab = await PortalPage.OpenAsync(browser);
        await tab.SignInAsync(user.Email!, PortalFixture.Password);
        return tab;
    }
}
