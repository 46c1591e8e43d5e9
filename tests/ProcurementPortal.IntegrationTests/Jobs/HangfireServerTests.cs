using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Email;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Jobs;

/// <summary>The in-process Hangfire server on its PostgreSQL storage, running as the app role, delivers the outbox.</summary>
[Collection(PortalCollection.Name)]
public sealed class HangfireServerTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_recurring_delivery_job_runs_on_the_in_process_server_and_sends_the_outbox()
    {
        await fixture.WithExtraAppAsync(app => DeliverThroughTheServerAsync(app), new Dictionary<string, string?>
        {
            ["Jobs:InProcessServer"] = "true",
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Jobs:QueuePollInterval"] = "00:00:01",
            ["Jobs:WorkerCount"] = "2",
        });
    }

    private async Task DeliverThroughTheServerAsync(PortalAppFactory app)
    {
        _ = app.Server;
        var to = $"hangfire-{Guid.NewGuid():N}@example.test";
        Guid id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            id = scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(to, "reset-code", new { Name = "Sam", Code = "654321" }).Id;
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger("deliver-outbox");

        var received = await fixture.Mail.WaitForAsync(to, timeout: TimeSpan.FromSeconds(30));
        Assert.Single(received);
        // The message reaches the sink inside the delivery transaction; the row is marked sent when it commits.
        DateTime? sentAt = null;
        for (var attempt = 0; attempt < 100 && sentAt is null; attempt++)
        {
            await using var db = fixture.SuperuserDb();
            sentAt = (await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id)).SentAt;
            if (sentAt is null)
            {
                await Task.Delay(100);
            }
        }
        Assert.NotNull(sentAt);
        await using var hangfire = new Npgsql.NpgsqlConnection(fixture.SuperuserConnectionString);
        await hangfire.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select count(*) from hangfire.set where key = 'recurring-jobs' and value = 'deliver-outbox'", hangfire);
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }
}
