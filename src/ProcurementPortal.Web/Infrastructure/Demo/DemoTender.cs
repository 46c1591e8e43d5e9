using System.Text.Json;
using ProcurementPortal.Core.Demo;

namespace ProcurementPortal.Web.Infrastructure.Demo;

/// <summary>A demo bid: the provider, its answer to every quality question, its rates as a share of each ceiling, and the score the panel gives it.</summary>
public sealed record DemoBid(string ProviderKey, string Answer, decimal RateFactor, int Score);

/// <summary>
/// One demo tender driven through the API from creation to ranking, step by step, by the tenant's demo people:
/// officer1 and officer2 (or the joint officer), evaluator1 and evaluator2, the approver.
/// </summary>
public sealed class DemoTender(DemoApi api, DemoBackstage backstage, string slug, Guid tenantId, Guid id, string secondOfficer)
{
    public const string Justification = "The answer is well evidenced, with named staff, clear outcomes and a plan for each stage.";

    public Guid Id => id;
    public Guid TenantId => tenantId;
    public string Api => $"/api/v1/t/{slug}/procurements/{id}";
    public string BidUrl => $"/api/v1/t/{slug}/opportunities/{id}/bid";
    public DemoCaller Officer => api.As($"officer1@{slug}.demo");
    public DemoCaller SecondOfficer => api.As(secondOfficer);
    public DemoCaller Evaluator1 => api.As($"evaluator1@{slug}.demo");
    public DemoCaller Evaluator2 => api.As($"evaluator2@{slug}.demo");
    public DemoCaller Approver => api.As($"approver@{slug}.demo");

    /// <summary>A procurement the tenant already has, found by the caller.</summary>
    public static async Task<DemoTender> ExistingAsync(DemoApi api, DemoBackstage backstage, string slug, Guid id, CancellationToken ct) =>
        new(api, backstage, slug, await backstage.TenantIdAsync(slug, ct), id, $"officer2@{slug}.demo");

    /// <summary>Creates the procurement with the fields given and returns it as a tender to build.</summary>
    public static async Task<DemoTender> CreateAsync(DemoApi api, DemoBackstage backstage, string slug, string secondOfficer, object fields, CancellationToken ct)
    {
        var created = await api.As($"officer1@{slug}.demo").PostAsync($"/api/v1/t/{slug}/procurements", fields, ct);
        return new DemoTender(api, backstage, slug, await backstage.TenantIdAsync(slug, ct), created.GetProperty("id").GetGuid(), secondOfficer);
    }

    /// <summary>One lot with its bands, the evaluation model, and the tender published.</summary>
    public async Task PublishAsync(string lotName, string area, int maxProviders, IEnumerable<DemoBand> bands, string recoveryQuestion, CancellationToken ct)
    {
        await AddLotAsync(lotName, area, maxProviders, bands, ct);
        await PutEvaluationModelAsync(recoveryQuestion, ct);
        await PublishAsync(ct);
    }

    /// <summary>
    /// The bids submitted, submissions closed and the bids opened, the panel appointed with every member's declaration
    /// made, the gates passed and the prices scored: the score each bid is to get, by bid id.
    /// </summary>
    public async Task<Dictionary<Guid, int>> ReadyForScoringAsync(
        IReadOnlyList<DemoBid> bids, IReadOnlyList<DemoCaller> evaluators, DemoCaller moderator, CancellationToken ct)
    {
        var scores = new Dictionary<Guid, int>();
        foreach (var bid in bids)
        {
            scores[await SubmitBidAsync(bid.ProviderKey, bid.Answer, bid.RateFactor, ct)] = bid.Score;
        }
        await CloseAndOpenAsync(ct);
        await AppointAsync(evaluators, moderator, ct);
        foreach (var member in evaluators.Append(moderator))
        {
            await DeclareAsync(member, ct);
        }
        await PassGatesAndScorePricesAsync(scores.Keys, ct);
        return scores;
    }

    /// <summary>Several lots with their bands, the evaluation model, and the tender published.</summary>
    public async Task PublishAsync(IEnumerable<(string Name, string Area, int MaxProviders, IReadOnlyList<DemoBand> Bands)> lots, string recoveryQuestion, CancellationToken ct)
    {
        foreach (var lot in lots)
        {
            await AddLotAsync(lot.Name, lot.Area, lot.MaxProviders, lot.Bands, ct);
        }
        await PutEvaluationModelAsync(recoveryQuestion, ct);
        await PublishAsync(ct);
    }

    /// <summary>
    /// After the ranking: the officer records the recommendation, the approver approves it, the letters go, the award
    /// notice is published and the standstill ends, so the contracts (and a framework's members) are made.
    /// </summary>
    public async Task AwardAsync(string approval, CancellationToken ct)
    {
        await Officer.PutAsync($"{Api}/award/recommendation", new { }, ct);
        await Approver.PostAsync($"{Api}/award/decision", new { decision = "Approved", comments = approval }, ct);
        await Officer.PostAsync($"{Api}/award/letters", new { noticeOn = Core.Calendar.Standstill.LondonDay(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }, ct);
        await backstage.WriteLettersAsync(tenantId, id, ct);
        await Officer.PostAsync($"{Api}/award/notice", null, ct);
        await backstage.EndStandstillAsync(tenantId, id, ct);
    }

    private async Task AddLotAsync(string name, string area, int maxProviders, IEnumerable<DemoBand> bands, CancellationToken ct)
    {
        var lot = await Officer.PostAsync($"{Api}/lots", new { name, area, maxProviders, description = $"{name}: {area}" }, ct);
        var lotId = lot.GetProperty("id").GetGuid();
        foreach (var band in bands)
        {
            await Officer.PostAsync($"{Api}/lots/{lotId}/bands", new
            {
                code = band.Code, name = band.Name, needDescription = band.NeedDescription, unit = band.Unit,
                ceilingRate = band.CeilingRate, expectedAnnualVolume = band.ExpectedAnnualVolume,
            }, ct);
        }
    }

    /// <summary>A CQC gate, three quality questions (30%, 20%, 10%) scored 0–5, and price at 40% by the lowest price ratio.</summary>
    private Task PutEvaluationModelAsync(string recoveryQuestion, CancellationToken ct)
    {
        string[] descriptors = ["No response", "Poor", "Weak", "Satisfactory", "Good", "Excellent"];
        return Officer.PutAsync($"{Api}/evaluation-model", new
        {
            priceWeight = 40m,
            priceFormula = "lowest-price-ratio",
            sections = new object[]
            {
                new { title = "Gateway", questions = new object[] { new { text = "Are you registered with the CQC for the regulated activities of this service?", type = "PassFail", weight = 0m } } },
                new
                {
                    title = "Quality",
                    questions = new object[]
                    {
                        new { text = recoveryQuestion, type = "Scored", weight = 30m, minimumScore = 2, wordLimit = 1000, scoreDescriptors = descriptors },
                        new { text = "How will you recruit, train and keep the staff the service needs?", type = "Scored", weight = 20m, minimumScore = 2, wordLimit = 750, scoreDescriptors = descriptors },
                        new { text = "How will you work with the NHS, housing and the voluntary sector?", type = "Scored", weight = 10m, wordLimit = 500, scoreDescriptors = descriptors },
                    },
                },
            },
        }, ct);
    }

    public Task PublishAsync(CancellationToken ct) => Officer.PostAsync($"{Api}/publish", null, ct);

    /// <summary>The provider's bid writer starts a bid for every lot and answers every question; returns the draft.</summary>
    public async Task<JsonElement> DraftBidAsync(string providerKey, string answer, decimal rateFactor, CancellationToken ct)
    {
        var writer = api.As($"bidwriter@{providerKey}.demo");
        var bid = await writer.PostAsync(BidUrl, null, ct);
        var lotIds = bid.GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToList();
        bid = await writer.PutAsync(BidUrl, new { rowVersion = bid.GetProperty("rowVersion").GetUInt32(), lotIds }, ct);
        var answers = bid.GetProperty("answers").EnumerateArray().ToDictionary(
            a => a.GetProperty("questionId").GetGuid(),
            a => a.GetProperty("type").GetString() == "PassFail" ? "Yes" : answer);
        var rates = bid.GetProperty("prices").EnumerateArray().SelectMany(l => l.GetProperty("bands").EnumerateArray())
            .ToDictionary(b => b.GetProperty("bandId").GetGuid(), b => (decimal?)Math.Round(b.GetProperty("ceilingRate").GetDecimal() * rateFactor, 2));
        return await writer.PutAsync(BidUrl, new
        {
            rowVersion = bid.GetProperty("rowVersion").GetUInt32(),
            answers,
            rates,
            declarations = new { cqcRegistrationNumber = DemoData.Organisations.Single(o => o.Key == providerKey).CqcLocationId, employersLiabilityCover = 10_000_000m, publicLiabilityCover = 5_000_000m, conflictsOfInterest = "None" },
        }, ct);
    }

    /// <summary>A complete bid, sealed and submitted (receipt, hash); returns the bid's id.</summary>
    private async Task<Guid> SubmitBidAsync(string providerKey, string answer, decimal rateFactor, CancellationToken ct)
    {
        var draft = await DraftBidAsync(providerKey, answer, rateFactor, ct);
        await api.As($"bidwriter@{providerKey}.demo").PostAsync($"{BidUrl}/submit", null, ct, idempotencyKey: $"demo-{id}-{providerKey}");
        return draft.GetProperty("id").GetGuid();
    }

    /// <summary>The deadline passes, submissions close, and both officers confirm the opening.</summary>
    private async Task CloseAndOpenAsync(CancellationToken ct)
    {
        await backstage.CloseSubmissionsAsync(tenantId, id, ct);
        await Officer.PostAsync($"{Api}/open", null, ct);
        await SecondOfficer.PostAsync($"{Api}/open", null, ct);
    }

    private async Task AppointAsync(IReadOnlyList<DemoCaller> evaluators, DemoCaller moderator, CancellationToken ct)
    {
        var evaluatorIds = new List<object>();
        foreach (var evaluator in evaluators)
        {
            evaluatorIds.Add(new { userId = await UserIdAsync(evaluator, ct) });
        }
        await Officer.PutAsync($"{Api}/evaluation/panel", new { evaluators = evaluatorIds, moderatorUserId = await UserIdAsync(moderator, ct) }, ct);
    }

    /// <summary>The panel member declares no conflict of interest with any bidder.</summary>
    private async Task DeclareAsync(DemoCaller member, CancellationToken ct)
    {
        var overview = await member.GetAsync($"{Api}/evaluation", ct);
        var declarations = overview.GetProperty("declarations").EnumerateArray()
            .ToDictionary(d => d.GetProperty("bidId").GetGuid(), _ => new { hasConflict = false, details = (string?)null });
        await member.PostAsync($"{Api}/evaluation/declarations", new { declarations }, ct);
    }

    /// <summary>The officer records every gate of every bid as passed, then scores the prices.</summary>
    private async Task PassGatesAndScorePricesAsync(IEnumerable<Guid> bidIds, CancellationToken ct)
    {
        var gates = await backstage.GateIdsAsync(tenantId, id, ct);
        foreach (var bidId in bidIds)
        {
            foreach (var gate in gates)
            {
                await Officer.PostAsync($"{Api}/evaluation/bids/{bidId}/gates", new { questionId = gate, passed = true, reason = (string?)null }, ct);
            }
        }
        await Officer.PostAsync($"{Api}/evaluation/prices", null, ct);
    }

    /// <summary>
    /// The evaluator scores the questions of their bids (all, or only the first <paramref name="questionsToScore"/>),
    /// with the score chosen per bid, and submits when they have scored them all.
    /// </summary>
    public async Task ScoreAsync(DemoCaller evaluator, Func<Guid, int> score, CancellationToken ct, int? questionsToScore = null)
    {
        var overview = await evaluator.GetAsync($"{Api}/evaluation", ct);
        var scored = 0;
        foreach (var bidId in overview.GetProperty("bids").EnumerateArray().Select(b => b.GetProperty("bidId").GetGuid()))
        {
            var view = await evaluator.GetAsync($"{Api}/evaluation/bids/{bidId}", ct);
            foreach (var question in view.GetProperty("questions").EnumerateArray())
            {
                if (scored == questionsToScore)
                {
                    return;
                }
                await evaluator.PutAsync($"{Api}/evaluation/bids/{bidId}/scores/{question.GetProperty("questionId").GetGuid()}",
                    new { score = score(bidId), justification = Justification }, ct);
                scored++;
            }
        }
        await evaluator.PostAsync($"{Api}/evaluation/submit", null, ct);
    }

    /// <summary>The moderator settles every row at the score chosen per bid, and publishes the ranking.</summary>
    public async Task ModerateAndPublishAsync(DemoCaller moderator, Func<Guid, int> score, CancellationToken ct)
    {
        var rows = await moderator.GetAsync($"{Api}/evaluation/moderation", ct);
        foreach (var row in rows.EnumerateArray())
        {
            var bidId = row.GetProperty("bidId").GetGuid();
            await moderator.PutAsync($"{Api}/evaluation/moderation/{bidId}/{row.GetProperty("questionId").GetGuid()}",
                new { score = score(bidId), rationale = "The panel agreed this score after discussing the evidence in the answer." }, ct);
        }
        await moderator.PostAsync($"{Api}/evaluation/results/publish", null, ct);
    }

    private static async Task<Guid> UserIdAsync(DemoCaller caller, CancellationToken ct) =>
        (await caller.GetAsync("/api/v1/me", ct)).GetProperty("id").GetGuid();
}
