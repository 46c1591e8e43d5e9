using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.TenderDocuments;

[Collection(PortalCollection.Name)]
public sealed class SubmissionReminderTests(PortalFixture fixture)
{
    private async Task RunJobAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SubmissionDeadlineReminders>().RunAsync(CancellationToken.None);
    }

    private async Task MoveDeadlinesAsync(Guid id, string clarification, string submission)
    {
        await using var connection = new NpgsqlConnection(fixture.SuperuserConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(
            $"update procurements set clarification_deadline = now() + interval '{clarification}', submission_deadline = now() + interval '{submission}' where id = '{id}'",
            connection).ExecuteNonQueryAsync();
    }

    private async Task<int> RemindersToAsync(string email, string when)
    {
        await using var db = fixture.SuperuserDb();
        return await db.OutboxMessages.CountAsync(m => m.ToAddress == email && m.Subject.Contains($"submissions close {when}"));
    }

    [Fact]
    public async Task Each_interested_provider_gets_each_reminder_once_and_a_moved_deadline_earns_fresh_ones()
    {
        var tender = await fixture.PublishedTenderAsync();
        var first = await fixture.ProviderAsync("Ribble Valley Supported Living Ltd");
        var second = await fixture.ProviderAsync("Aire Valley Recovery Trust");
        var uninterested = await fixture.ProviderAsync("Brixton Wellbeing Partnership CIC");
        await first.RegisterInterestAsync(tender);
        await second.RegisterInterestAsync(tender);

        await RunJobAsync(); // 28 days ahead: nothing is due yet
        Assert.Equal(0, await RemindersToAsync(first.User.Email!, "in 7 days"));

        await MoveDeadlinesAsync(tender.Id, "1 day", "6 days 23 hours");
        await RunJobAsync();
        await RunJobAsync();
        foreach (var provider in new[] { first, second })
        {
            Assert.Equal(1, await RemindersToAsync(provider.User.Email!, "in 7 days"));
            Assert.Equal(0, await RemindersToAsync(provider.User.Email!, "tomorrow"));
        }

        await MoveDeadlinesAsync(tender.Id, "1 hour", "23 hours");
        await RunJobAsync();
        await RunJobAsync();
        foreach (var provider in new[] { first, second })
        {
            Assert.Equal(1, await RemindersToAsync(provider.User.Email!, "tomorrow"));
        }

        // An addendum gives every bidder another week: the new deadline earns its own 7-day reminder.
        var addendum = await tender.Officer.PostAsync($"{tender.Api}/addenda", System.Net.Http.Json.JsonContent.Create(new
        {
            title = "More time", text = "Submissions close a week later.", submissionDeadline = DateTimeOffset.UtcNow.AddDays(6.5),
        }));
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(addendum.Content)).GetProperty("id").GetGuid();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await tender.Officer.PostAsync($"{tender.Api}/addenda/{id}/publish", null)).StatusCode);
        await RunJobAsync();
        await RunJobAsync();
        foreach (var provider in new[] { first, second })
        {
            Assert.Equal(2, await RemindersToAsync(provider.User.Email!, "in 7 days"));
        }
        Assert.Equal(0, await RemindersToAsync(uninterested.User.Email!, "in 7 days"));
        await fixture.DeliverMailAsync();
        var delivered = await fixture.Mail.WaitForAsync(first.User.Email!, 3);
        Assert.Contains(delivered, m => m.Subject?.Contains("submissions close tomorrow") == true && m.TextBody?.Contains($"/opportunities/{tender.Id}") == true);
    }
}
