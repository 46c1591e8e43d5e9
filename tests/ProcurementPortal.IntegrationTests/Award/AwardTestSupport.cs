using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Evaluation;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Award;

namespace ProcurementPortal.IntegrationTests.Award;

/// <summary>A ranked procurement: the tender, an evaluator who is also an approver, and the moderator.</summary>
public sealed record Ranked(ClosedTender Closed, Panelist ScoringApprover, Panelist Moderator);

public static class AwardTestSupport
{
    /// <summary>
    /// Two Lancashire bidders for lots 1 and 2, scored and moderated (Ribble 4s, Pendle 2s), each lot appointing one
    /// provider, the ranking published. The first evaluator also holds the Approver role.
    /// </summary>
    public static async Task<Ranked> RankedAsync(this PortalFixture fixture) =>
        await fixture.RankAsync(await fixture.ClosedTenderAsync(("Ribble Care", 0.95m), ("Pendle Support", 0.9m)));

    /// <summary>The closed tender opened, scored (Ribble Care 4s, every other bidder 2s), moderated and its ranking published, each lot appointing up to <paramref name="maxProviders"/>.</summary>
    public static async Task<Ranked> RankAsync(this PortalFixture fixture, ClosedTender closed, int maxProviders = 1)
    {
        await closed.OpenAsync();
        var scorer = await fixture.CreateUserAsync(closed.Tender.Tenant, Role.Evaluator, Role.Approver);
        var evaluator = new Panelist(scorer, await fixture.BearerClientAsync(scorer.Email!));
        var moderator = await fixture.PanelistAsync(closed);
        await closed.AppointAsync(moderator, evaluator);
        await closed.DeclareAsync(evaluator);
        await closed.DeclareAsync(moderator);
        await closed.PassGatesAsync(await fixture.BidIdsAsync(closed));
        Assert.Equal(HttpStatusCode.OK, (await closed.Tender.Officer.PostAsync($"{closed.Api}/evaluation/prices", null)).StatusCode);
        await closed.ScoreAllAndSubmitAsync(evaluator, name => name == "Ribble Care" ? 4 : 2);
        await closed.ModerateAllAsync(moderator, name => name == "Ribble Care" ? 4 : 2);
        await fixture.SqlAsync($"update lots set max_providers = {maxProviders} where procurement_id = @id", ("id", closed.Tender.Id));
        var published = await moderator.Client.PostAsync($"{closed.Api}/evaluation/results/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return new Ranked(closed, evaluator, moderator);
    }

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The officer records the ranking's recommendation and a new approver approves it.</summary>
    public static async Task<JsonElement> RecommendAndApproveAsync(this PortalFixture fixture, ClosedTender closed)
    {
        await OkJsonAsync(await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/award/recommendation", new { }));
        var approver = await fixture.PanelistAsync(closed, Role.Approver);
        return await OkJsonAsync(await approver.Client.PostAsJsonAsync($"{closed.Api}/award/decision", new { decision = "Approved", comments = "Within budget and well evidenced." }));
    }

    /// <summary>Approved, letters written by the job: the contract award notice may be published.</summary>
    public static async Task LettersSentAsync(this PortalFixture fixture, ClosedTender closed)
    {
        await fixture.RecommendAndApproveAsync(closed);
        await OkJsonAsync(await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/award/letters", new { }), HttpStatusCode.Accepted);
        await fixture.RunJobAsync<AwardLettersJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
    }

    /// <summary>Letters sent and the contract award notice published: the standstill has begun.</summary>
    public static async Task NoticePublishedAsync(this PortalFixture fixture, ClosedTender closed)
    {
        await fixture.LettersSentAsync(closed);
        await OkJsonAsync(await closed.Tender.Officer.PostAsync($"{closed.Api}/award/notice", null));
    }

    /// <summary>The standstill's end moved into the past and its job run: awarded, with the contracts made.</summary>
    public static async Task StandstillEndedAsync(this PortalFixture fixture, ClosedTender closed)
    {
        await fixture.SqlAsync("update awards set standstill_ends_at = now() - interval '1 second' where procurement_id = @id", ("id", closed.Tender.Id));
        await fixture.RunJobAsync<StandstillJob>(j => j.RunAsync(closed.Tender.Tenant.Id, closed.Tender.Id, CancellationToken.None));
    }
}
