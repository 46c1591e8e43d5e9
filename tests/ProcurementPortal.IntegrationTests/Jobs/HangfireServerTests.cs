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
        // Declared first, so disposed last: once this second host is gone, Hangfire's static log provider must not point at its disposed logger factory.
        using var restore = new HangfireLogProviderRestore(fixture);
        await using var app = new PortalAppFactory(fixture, new Dictionary<string, string?>
        {
            ["Jobs:InProcessServer"] = "true",
            ["Jobs:SchedulePollingInterval"] = "00:00:01",
            ["Jobs:QueuePollInterval"] = "00:00:01",
            ["Jobs:WorkerCount"] = "2",
        });
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
        await using var db = fixture.SuperuserDb();
        Assert.NotNull((await db.OutboxMessages.SingleAsync(m => m.Id == id)).SentAt);
        await using var hangfire = new Npgsql.NpgsqlConnection(fixture.SuperuserConnectionString);
        await hangfire.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select count(*) from hangfire.set where key = 'recurring-jobs' and value = 'deliver-outbox'", hangfire);
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// Hangfire keeps its log provider in a static, which every host it is added to replaces. A second host in the test
    /// process leaves it pointing at that host's logger factory, disposed with it; this points it back at the shared
    /// portal's, so that jobs scheduled by later tests can log.
    /// </summary>
    private sealed class HangfireLogProviderRestore(PortalFixture fixture) : IDisposable
    {
        public void Dispose() => Hangfire.Logging.LogProvider.SetCurrentLogProvider(
            new Hangfire.AspNetCore.AspNetCoreLogProvider(fixture.App.Services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
    }
}
