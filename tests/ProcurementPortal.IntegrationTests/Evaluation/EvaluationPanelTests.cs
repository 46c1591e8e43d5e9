using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Evaluation;

/// <summary>Issue 6.1: panels per lot, and named external evaluators invited by email.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class EvaluationPanelTests(PortalFixture fixture)
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

    [Fact]
    public async Task An_external_evaluator_invited_by_email_joins_the_panel_for_their_lot_on_accepting()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m, 1), ("Pendle Support", 0.9m, 2));
        await closed.OpenAsync();
        var moderator = await fixture.PanelistAsync(closed);
        var member = await fixture.PanelistAsync(closed);
        await closed.AppointAsync(moderator, member);
        var lots = await fixture.LotIdsAsync(closed);
        var email = $"clinician-{Guid.NewGuid():N}@nhs.test";

        var added = await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/evaluation/panel/external",
            new { name = "Dr Amara Okafor", email, lotIds = new[] { lots["2"] } });
        Assert.True(added.StatusCode == HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        Assert.True((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invited").GetBoolean());
        var again = await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/evaluation/panel/external", new { name = "Dr Amara Okafor", email });
        Assert.Equal(["Email"], (await again.FieldErrorsAsync()).Keys);
        var officerPages = await fixture.PageClientAsync((await fixture.CreateUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer)).Email!);
        Assert.Contains($"Dr Amara Okafor ({email})", await officerPages.GetStringAsync($"{closed.Pages}/evaluation/panel"));

        await fixture.DeliverMailAsync();
        var mail = Assert.Single(await fixture.Mail.WaitForAsync(email));
        var link = InvitationLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, mail.TextBody);
        var user = await fixture.CreateUserWithEmailAsync(email);
        var pages = await fixture.PageClientAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await pages.PostFormAsync(new Uri(link.Value).AbsolutePath, [])).StatusCode);

        var evaluator = new Panelist(user, await fixture.ApiClientAsync(email));
        var overview = await closed.OverviewAsync(evaluator.Client);
        Assert.True(overview.GetProperty("isEvaluator").GetBoolean());
        await closed.DeclareAsync(evaluator);
        await closed.PassGatesAsync(await fixture.BidIdsAsync(closed));
        var bids = (await closed.OverviewAsync(evaluator.Client)).GetProperty("bids").EnumerateArray().Select(b => b.GetProperty("bidder").GetString()).ToList();
        Assert.Equal(["Pendle Support"], bids);
        Assert.DoesNotContain("invited-evaluators", await officerPages.GetStringAsync($"{closed.Pages}/evaluation/panel"));
        var audit = await fixture.AuditChainAsync(closed.Tender.Tenant.Id);
        Assert.Contains(audit, e => e.Action == "evaluation.external_evaluator_invited");
        Assert.Contains(audit, e => e.Action == "evaluation.panel_member_joined" && e.ActorUserId == user.Id);
    }

    [Fact]
    public async Task One_of_the_organisations_evaluators_added_by_email_joins_at_once_without_an_invitation()
    {
        var closed = await fixture.ClosedTenderAsync(("Ribble Care", 0.95m));
        await closed.OpenAsync();
        var moderator = await fixture.PanelistAsync(closed);
        var member = await fixture.PanelistAsync(closed);
        await closed.AppointAsync(moderator, member);
        var colleague = await fixture.PanelistAsync(closed);
        var officer = await fixture.PageClientAsync((await fixture.CreateUserAsync(closed.Tender.Tenant, Role.ProcurementOfficer)).Email!);

        var refused = await officer.PostFormAsync($"{closed.Pages}/evaluation/panel/external", new() { ["Name"] = "", ["Email"] = "not an email" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Enter the evaluator&#x27;s full name", page);
        Assert.Contains("href=\"#Email\"", page);
        var added = await officer.PostFormAsync($"{closed.Pages}/evaluation/panel/external",
            new() { ["Name"] = "Sam Patel", ["Email"] = colleague.User.Email!.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True((await closed.OverviewAsync(colleague.Client)).GetProperty("isEvaluator").GetBoolean());
        await fixture.DeliverMailAsync();
        Assert.Empty(fixture.Mail.To(colleague.User.Email!));
    }

    [GeneratedRegex("http://localhost/invitations/[0-9a-f]{64}")]
    private static partial Regex InvitationLink();
}
