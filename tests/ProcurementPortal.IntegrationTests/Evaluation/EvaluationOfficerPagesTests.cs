using System.Net;
using System.Text.RegularExpressions;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Evaluation;

/// <summary>The officer's and moderator's evaluation pages post to the use cases, and their errors show on the page.</summary>
[Collection(PortalCollection.Name)]
public sealed class EvaluationOfficerPagesTests(PortalFixture fixture)
{
    [Fact]
    public async Task An_officer_appoints_the_panel_decides_gates_evaluates_prices_and_the_moderator_publishes_through_the_pages()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.5m));
        await closed.OpenAsync();
        var first = await fixture.PanelistAsync(closed);
        var second = await fixture.PanelistAsync(closed);
        var moderator = await fixture.PanelistAsync(closed);
        var officer = await fixture.PageClientAsync((await fixture.CreateUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer)).Email!);
        var bids = await fixture.BidIdsAsync(closed);
        var evaluation = $"{closed.Pages}/evaluation";

        var panelPage = await officer.GetStringAsync($"{evaluation}/panel");
        Assert.Contains(first.User.Id.ToString(), panelPage);
        var refused = await officer.PostFormAsync($"{evaluation}/panel", new() { ["ModeratorUserId"] = moderator.User.Id.ToString() }, $"{evaluation}/panel");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose at least one evaluator", await refused.Content.ReadAsStringAsync());
        var appointed = await officer.PostFormAsync($"{evaluation}/panel",
            new()
        {
            ["Evaluators[0]"] = first.User.Id.ToString(), ["Evaluators[1]"] = second.User.Id.ToString(), ["ModeratorUserId"] = moderator.User.Id.ToString(),
            ["EvaluationDeadline.Day"] = "1", ["EvaluationDeadline.Month"] = "3", ["EvaluationDeadline.Year"] = "2030", ["EvaluationDeadline.Time"] = "17:00",
        }, $"{evaluation}/panel");
        Assert.Equal(HttpStatusCode.Redirect, appointed.StatusCode);
        Assert.True((await closed.OverviewAsync(first.Client)).GetProperty("isEvaluator").GetBoolean());

        var gates = await officer.GetStringAsync($"{evaluation}/gates");
        var gateLinks = Regex.Matches(gates, "href=\"([^\"]*/evaluation/gates/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(gateLinks);
        var firstGate = gateLinks[0].Split('/')[^1];
        var gateBid = gateLinks[0].Split('/')[^2];
        var noReason = await officer.PostFormAsync($"{evaluation}/bids/{gateBid}/gates", new() { ["QuestionId"] = firstGate, ["Passed"] = "false" }, gateLinks[0]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Give the reason the bid fails", await noReason.Content.ReadAsStringAsync());
        foreach (var link in gateLinks)
        {
            var passed = await officer.PostFormAsync($"{evaluation}/bids/{link.Split('/')[^2]}/gates", new() { ["QuestionId"] = link.Split('/')[^1], ["Passed"] = "true" }, link);
            Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        }
        Assert.DoesNotContain("Not decided", await officer.GetStringAsync($"{evaluation}/gates"));

        var priced = await officer.PostFormAsync($"{evaluation}/prices", new(), $"{evaluation}/prices");
        Assert.Equal(HttpStatusCode.Redirect, priced.StatusCode);
        var prices = await officer.GetStringAsync($"{evaluation}/prices");
        Assert.Contains("Abnormally low", prices);
        Assert.Contains("Pendle Support", prices);

        foreach (var panelist in new[] { first, second, moderator })
        {
            await closed.DeclareAsync(panelist);
        }
        await closed.ScoreAllAndSubmitAsync(first, _ => 4);
        Assert.Contains("0 of", await officer.GetStringAsync($"{evaluation}/progress"));
        await closed.ScoreAllAndSubmitAsync(second, _ => 2);

        var moderatorPages = await fixture.PageClientAsync(moderator.User.Email!);
        var matrix = await moderatorPages.GetStringAsync($"{evaluation}/moderation");
        Assert.Contains("Spread 2", matrix);
        var rows = Regex.Matches(matrix, "href=\"([^\"]*/evaluation/moderation/[^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        var noRationale = await moderatorPages.PostFormAsync(rows[0], new() { ["Score"] = "3", ["Rationale"] = "" }, rows[0]);
        Assert.Equal(HttpStatusCode.OK, noRationale.StatusCode);
        Assert.Contains("Write a rationale for the consensus score of at least 20 characters", await noRationale.Content.ReadAsStringAsync());

        var tooEarly = await moderatorPages.PostFormAsync($"{evaluation}/results/publish", new(), $"{evaluation}/results");
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains("still to moderate", await tooEarly.Content.ReadAsStringAsync());
        foreach (var row in rows)
        {
            var moderated = await moderatorPages.PostFormAsync(row, new() { ["Score"] = "3", ["Rationale"] = "The panel agreed after discussing the evidence." }, row);
            Assert.Equal(HttpStatusCode.Redirect, moderated.StatusCode);
        }
        var published = await moderatorPages.PostFormAsync($"{evaluation}/results/publish", new(), $"{evaluation}/results");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("The ranking is published as the award recommendation", await moderatorPages.GetStringAsync($"{evaluation}/results"));
    }

    [Fact]
    public async Task The_evaluation_settings_are_validated_on_the_price_page_and_frozen_once_published()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m));
        var officer = await fixture.PageClientAsync((await fixture.CreateUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer)).Email!);
        var price = $"{closed.Pages}/evaluation-model/price";
        var response = await officer.PostFormAsync(price, new()
        {
            ["PriceWeight"] = "40", ["PriceFormula"] = "lowest-price-ratio", ["TieBreakRule"] = "LowerPrice", ["HideBidderNames"] = "true",
            ["AbnormallyLowThresholdPercent"] = "150",
        }, price);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Abnormally low threshold must be more than 0% and less than 100%", html);
        Assert.Contains("its evaluation model is frozen", html);
    }
}
