using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Features.Procurements;

namespace ProcurementPortal.IntegrationTests.Bids;

/// <summary>
/// Issue 10: submissions to one tender run side by side (the procurement row in share mode, the audit chain linked at
/// commit), a bid is received when its transaction starts however long it then waits, and the close waits for every
/// submission in flight (docs/adr/021).
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class DeadlineRushTests(PortalFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_bid_whose_submission_began_before_the_deadline_is_accepted_though_it_waited_past_it()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client);
        await fixture.MoveDeadlineAsync(tender, TimeSpan.FromSeconds(5));

        // A colleague's save holds the bid row: the submission starts, then waits for it past the deadline.
        await using var colleague = await OpenAsync();
        await using var save = await colleague.BeginTransactionAsync();
        await ExecuteAsync(colleague, $"select id from bids where procurement_id = '{tender.Id}' for update");
        var submit = tender.SubmitAsync(provider.Client);
        await WaitUntilAsync(() => fixture.CountAsync("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%from bids where id%for update%'"));
        await WaitUntilAsync(() => fixture.CountAsync($"select count(*) from procurements where id = '{tender.Id}' and submission_deadline < clock_timestamp() - interval '200 milliseconds'"));
        await save.RollbackAsync();

        var response = await submit;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var deadline = (await tender.GetBidAsync(provider.Client)).GetProperty("submissionDeadline").GetDateTimeOffset();
        Assert.True(receipt.GetProperty("receivedAtUtc").GetDateTimeOffset() < deadline);
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from bid_versions v join procurements p on p.id = v.procurement_id where p.id = '{tender.Id}' and v.received_at < p.submission_deadline"));
    }

    [Fact]
    public async Task A_draft_saved_while_the_submission_waited_for_the_bids_lock_is_the_draft_sealed()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client, answer: "The draft a colleague saves last.");
        await using var colleague = await OpenAsync();
        await ExecuteAsync(colleague, $"create temp table kept as select draft_content from bids where procurement_id = '{tender.Id}'");
        await tender.CompleteDraftAsync(provider.Client, answer: "The draft the submission first reads.");

        // The colleague's save holds the bid row; the submission reads the draft before it, then waits for the row.
        await using (var save = await colleague.BeginTransactionAsync())
        {
            await ExecuteAsync(colleague, $"update bids set draft_content = (select draft_content from kept) where procurement_id = '{tender.Id}'");
            var submit = tender.SubmitAsync(provider.Client);
            await WaitUntilAsync(() => fixture.CountAsync("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%from bids where id%for update%'"));
            await save.CommitAsync();

            var response = await submit;
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        await using var db = fixture.SuperuserDb(tender.Tenant.Id);
        var version = await db.BidVersions.IgnoreQueryFilters().SingleAsync(v => v.ProcurementId == tender.Id);
        var sealedJson = fixture.App.Services.GetRequiredService<BidProtector>().Unprotect(tender.Id, version.SealedContent);
        var answers = JsonDocument.Parse(sealedJson).RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Contains("The draft a colleague saves last.", answers);
        Assert.DoesNotContain("The draft the submission first reads.", answers);
    }

    [Fact]
    public async Task The_close_waits_for_a_submission_in_flight_and_counts_it()
    {
        var tender = await fixture.PublishedTenderAsync();
        var provider = await fixture.ProviderAsync();
        await tender.CompleteDraftAsync(provider.Client, lots: 1);
        var gate = new HoldBeforeCommit();
        await using var held = HeldApp(gate);
        var client = await SignInAsync(held, provider);
        await fixture.MoveDeadlineAsync(tender, TimeSpan.FromSeconds(5));

        var submit = tender.SubmitAsync(client);
        await HeldAsync(gate, submit);
        await WaitUntilAsync(() => fixture.CountAsync($"select count(*) from procurements where id = '{tender.Id}' and submission_deadline < clock_timestamp()"));
        var close = fixture.RunJobAsync<CloseSubmissionsJob>(j => j.RunAsync(tender.Tenant.Id, tender.Id, CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(close.IsCompleted, "The close did not wait for the submission in flight");
        gate.Release.SetResult();

        Assert.Equal(HttpStatusCode.Created, (await submit).StatusCode);
        await close.WaitAsync(Patience);
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from procurements where id = '{tender.Id}' and state = 'SubmissionsClosed'"));
        Assert.Equal(1, await fixture.CountAsync($"select count(*) from audit_events where tenant_id = '{tender.Tenant.Id}' and action = 'procurement.submissions_closed' and summary like '%1 bid(s) received%'"));
    }

    [Fact]
    public async Task Submissions_of_different_providers_do_not_wait_for_one_another()
    {
        var tender = await fixture.PublishedTenderAsync();
        var first = await fixture.ProviderAsync("Ribble Valley Supported Living Ltd");
        var second = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        await tender.CompleteDraftAsync(first.Client, lots: 1);
        await tender.CompleteDraftAsync(second.Client, lots: 1);
        var gate = new HoldBeforeCommit();
        await using var held = HeldApp(gate);

        // The first submission has written its version, bid, emails and audit event and is held before its commit.
        var firstSubmit = tender.SubmitAsync(await SignInAsync(held, first));
        await HeldAsync(gate, firstSubmit);
        var secondResponse = await tender.SubmitAsync(second.Client).WaitAsync(Patience);
        gate.Release.SetResult();

        Assert.Equal(HttpStatusCode.Created, secondResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await firstSubmit).StatusCode);
        Assert.Equal(2, await fixture.CountAsync($"select count(*) from bid_versions where procurement_id = '{tender.Id}'"));
        // The chain is linked in commit order: unbroken, numbered 1..n, whichever submission inserted its event first.
        await using var scope = fixture.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tender.Tenant);
        var verification = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(CancellationToken.None);
        Assert.True(verification.EventsChecked >= 2);
        Assert.True(verification.Intact, verification.Problem);
    }

    /// <summary>Holds the first submission that reaches it after its writes and before its commit, until released.</summary>
    private sealed class HoldBeforeCommit : IBidSubmissionObserver
    {
        private int entered;
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SealedAsync(BidVersion version, CancellationToken ct)
        {
            if (Interlocked.Exchange(ref entered, 1) == 0)
            {
                Entered.SetResult();
                await Release.Task.WaitAsync(Patience, ct);
            }
        }
    }

    /// <summary>Waits until the submission is held before its commit (fails with its answer if it ended instead).</summary>
    private static async Task HeldAsync(HoldBeforeCommit gate, Task<HttpResponseMessage> submit)
    {
        if (await Task.WhenAny(gate.Entered.Task, submit).WaitAsync(Patience) == submit)
        {
            var response = await submit;
            Assert.Fail($"The submission ended before its commit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private WebApplicationFactory<Program> HeldApp(HoldBeforeCommit gate) =>
        fixture.App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IBidSubmissionObserver>(gate)));

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> app, BidProvider provider)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/identity/login", new { email = provider.User.Email, password = PortalFixture.Password });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilAsync(Func<Task<long>> count)
    {
        var until = DateTime.UtcNow + Patience;
        while (await count() == 0)
        {
            Assert.True(DateTime.UtcNow < until, "Waited too long");
            await Task.Delay(50);
        }
    }
}
