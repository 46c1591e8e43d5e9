using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Bids;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Evaluation;

public sealed record Panelist(PortalUser User, HttpClient Client);

/// <summary>A tender closed with sealed bids from named providers, and the people who open and evaluate it.</summary>
public sealed record ClosedTender(PortalFixture Fixture, Tender Tender, HttpClient SecondOfficer, IReadOnlyDictionary<string, BidProvider> Providers)
{
    public string Api => $"/api/v1/t/{Tender.Slug}/procurements/{Tender.Id}";
    public string Pages => $"/{Tender.Slug}/procurements/{Tender.Id}";
}

public static class EvaluationTestSupport
{
    public const string Justification = "Clear plan with named peer mentors and measured recovery outcomes.";

    /// <summary>
    /// A published Lancashire tender with one submitted bid per named provider (each for the first two lots, its rates
    /// at <c>factor</c> × ceiling), the deadline passed and submissions closed by the job.
    /// </summary>
    public static Task<ClosedTender> ClosedTenderAsync(this PortalFixture fixture, params (string Name, decimal Factor)[] bidders) =>
        fixture.ClosedTenderAsync(bidders.Select(b => (b.Name, b.Factor, Lots: 2)).ToArray());

    /// <summary>As above, each provider bidding for the first <c>Lots</c> lots.</summary>
    public static async Task<ClosedTender> ClosedTenderAsync(this PortalFixture fixture, params (string Name, decimal Factor, int Lots)[] bidders)
    {
        var tender = await fixture.PublishedTenderAsync();
        var providers = new List<(BidProvider, decimal, int)>();
        foreach (var (name, factor, lots) in bidders)
        {
            providers.Add((await fixture.ProviderAsync(name), factor, lots));
        }
        return await fixture.ClosedTenderAsync(tender, providers.ToArray());
    }

    /// <summary>The published <paramref name="tender"/> with one submitted bid per provider given (the same provider may bid to several tenders), then closed.</summary>
    public static async Task<ClosedTender> ClosedTenderAsync(this PortalFixture fixture, Tender tender, params (BidProvider Provider, decimal Factor, int Lots)[] bidders)
    {
        var providers = new Dictionary<string, BidProvider>();
        foreach (var (provider, factor, lots) in bidders)
        {
            var name = provider.Organisation.Name;
            var draft = await tender.CompleteDraftAsync(provider.Client, lots);
            var rates = draft.GetProperty("prices").EnumerateArray().SelectMany(l => l.GetProperty("bands").EnumerateArray())
                .ToDictionary(b => b.GetProperty("bandId").GetGuid(), b => (decimal?)Math.Round(b.GetProperty("ceilingRate").GetDecimal() * factor, 2));
            var saved = await tender.SaveAsync(provider.Client, draft.GetProperty("rowVersion").GetUInt32(), new { rates });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await tender.SubmitAsync(provider.Client)).StatusCode);
            providers[name] = provider;
        }
        await fixture.MoveDeadlineAsync(tender, TimeSpan.FromSeconds(-1));
        await fixture.RunJobAsync<CloseSubmissionsJob>(j => j.RunAsync(tender.Tenant.Id, tender.Id, CancellationToken.None));
        var second = await fixture.ApiClientAsync((await fixture.CreateUserAsync(tender.Tenant, Role.ProcurementOfficer)).Email!);
        return new ClosedTender(fixture, tender, second, providers);
    }

    /// <summary>Both officers confirm: the bids are open.</summary>
    public static async Task OpenAsync(this ClosedTender closed)
    {
        Assert.Equal(HttpStatusCode.OK, (await closed.Tender.Officer.PostAsync($"{closed.Api}/open", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await closed.SecondOfficer.PostAsync($"{closed.Api}/open", null)).StatusCode);
    }

    public static async Task<Panelist> PanelistAsync(this PortalFixture fixture, ClosedTender closed, Role role = Role.Evaluator)
    {
        var user = await fixture.CreateUserAsync(closed.Tender.Tenant, role);
        return new Panelist(user, await fixture.ApiClientAsync(user.Email!));
    }

    public static async Task AppointAsync(this ClosedTender closed, Panelist moderator, params Panelist[] evaluators)
    {
        var response = await closed.Tender.Officer.PutAsJsonAsync($"{closed.Api}/evaluation/panel", new
        {
            evaluators = evaluators.Select(e => new { userId = e.User.Id }).ToList(),
            moderatorUserId = moderator.User.Id,
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> OverviewAsync(this ClosedTender closed, HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation");

    /// <summary>Declares for every bidder: a conflict with the one named (with its details), none with the rest.</summary>
    public static async Task DeclareAsync(this ClosedTender closed, Panelist panelist, string? conflictWith = null, string details = "")
    {
        var overview = await closed.OverviewAsync(panelist.Client);
        var declarations = overview.GetProperty("declarations").EnumerateArray().ToDictionary(
            d => d.GetProperty("bidId").GetGuid().ToString(),
            d => d.GetProperty("providerName").GetString() == conflictWith
                ? new { hasConflict = true, details = (string?)details }
                : new { hasConflict = false, details = (string?)null });
        var response = await panelist.Client.PostAsJsonAsync($"{closed.Api}/evaluation/declarations", new { declarations });
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The bid ids by provider name, read past the locks (officers learn them from the pages after opening).</summary>
    public static Task<Dictionary<string, Guid>> BidIdsAsync(this PortalFixture fixture, ClosedTender closed) =>
        fixture.IdsByNameAsync("select o.name, b.id from bids b join organisations o on o.id = b.provider_id where b.procurement_id = @id", closed);

    /// <summary>The lot ids by lot number ("1", "2" …).</summary>
    public static Task<Dictionary<string, Guid>> LotIdsAsync(this PortalFixture fixture, ClosedTender closed) =>
        fixture.IdsByNameAsync("select number::text, id from lots where procurement_id = @id", closed);

    private static async Task<Dictionary<string, Guid>> IdsByNameAsync(this PortalFixture fixture, string sql, ClosedTender closed)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", closed.Tender.Id);
        var ids = new Dictionary<string, Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids[reader.GetString(0)] = reader.GetGuid(1);
        }
        return ids;
    }

    /// <summary>Records every gate of every bid as passed, except a fail for the bidder named.</summary>
    public static async Task PassGatesAsync(this ClosedTender closed, IReadOnlyDictionary<string, Guid> bids, string? failing = null, string reason = "")
    {
        var gates = new List<Guid>();
        await using (var connection = new Npgsql.NpgsqlConnection(closed.Fixture.SuperuserConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "select q.id from evaluation_questions q join evaluation_sections s on s.id = q.section_id where s.procurement_id = @id and q.type = 'PassFail'", connection);
            command.Parameters.AddWithValue("id", closed.Tender.Id);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                gates.Add(reader.GetGuid(0));
            }
        }
        foreach (var (name, bidId) in bids)
        {
            foreach (var gate in gates)
            {
                var fails = name == failing;
                var response = await closed.Tender.Officer.PostAsJsonAsync($"{closed.Api}/evaluation/bids/{bidId}/gates",
                    new { questionId = gate, passed = !fails, reason = fails ? reason : null });
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }
        }
    }

    /// <summary>Scores every question of every bid in the evaluator's list with <paramref name="score"/>, then submits.</summary>
    public static async Task ScoreAllAndSubmitAsync(this ClosedTender closed, Panelist evaluator, Func<string, int> score, bool submit = true)
    {
        var overview = await closed.OverviewAsync(evaluator.Client);
        foreach (var bid in overview.GetProperty("bids").EnumerateArray())
        {
            var bidId = bid.GetProperty("bidId").GetGuid();
            var view = await evaluator.Client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/bids/{bidId}");
            foreach (var question in view.GetProperty("questions").EnumerateArray())
            {
                var response = await evaluator.Client.PutAsJsonAsync(
                    $"{closed.Api}/evaluation/bids/{bidId}/scores/{question.GetProperty("questionId").GetGuid()}",
                    new { score = score(bid.GetProperty("bidder").GetString()!), justification = Justification });
                Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }
        }
        if (submit)
        {
            var submitted = await evaluator.Client.PostAsync($"{closed.Api}/evaluation/submit", null);
            Assert.True(submitted.StatusCode == HttpStatusCode.NoContent, await submitted.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The moderator settles every row of the matrix at the score chosen per bidder.</summary>
    public static async Task ModerateAllAsync(this ClosedTender closed, Panelist moderator, Func<string, int> score)
    {
        var rows = await moderator.Client.GetFromJsonAsync<JsonElement>($"{closed.Api}/evaluation/moderation");
        foreach (var row in rows.EnumerateArray())
        {
            var response = await moderator.Client.PutAsJsonAsync(
                $"{closed.Api}/evaluation/moderation/{row.GetProperty("bidId").GetGuid()}/{row.GetProperty("questionId").GetGuid()}",
                new { score = score(row.GetProperty("bidder").GetString()!), rationale = "The panel agreed after discussing the evidence given." });
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }
    }
}
