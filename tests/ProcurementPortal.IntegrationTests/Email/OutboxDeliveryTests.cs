using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Email;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Email;

[Collection(PortalCollection.Name)]
public sealed class OutboxDeliveryTests(PortalFixture fixture)
{
    private static string NewAddress() => $"recipient-{Guid.NewGuid():N}@example.test";

    private async Task<Guid> QueueAsync(string to, bool commit)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var message = scope.ServiceProvider.GetRequiredService<EmailOutbox>()
            .Enqueue(to, "reset-code", new { Name = "Pat", Code = "123456" });
        await db.SaveChangesAsync();
        if (commit)
        {
            await tx.CommitAsync();
        }
        else
        {
            await tx.RollbackAsync();
        }
        return message.Id;
    }

    private async Task DeliverAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task An_email_written_in_a_transaction_that_rolls_back_is_never_sent()
    {
        var to = NewAddress();
        await QueueAsync(to, commit: false);

        await DeliverAsync();

        await using var db = fixture.SuperuserDb();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.ToAddress == to));
        Assert.Empty(await fixture.Mail.WaitForAsync(to, timeout: TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_committed_email_arrives_once_even_if_delivery_runs_twice()
    {
        var to = NewAddress();
        var id = await QueueAsync(to, commit: true);

        await DeliverAsync();
        await DeliverAsync();

        var received = await fixture.Mail.WaitForAsync(to);
        await Task.Delay(500); // give a duplicate the chance to land
        received = fixture.Mail.To(to);
        var message = Assert.Single(received);
        Assert.Equal($"{id:N}@procurementportal.local", message.MessageId);
        Assert.Equal("Your ProcurementPortal password reset code", message.Subject);
        Assert.Contains("123456", message.TextBody);
        Assert.Contains("<strong>123456</strong>", message.HtmlBody);
        await using var db = fixture.SuperuserDb();
        var row = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Two_deliveries_running_at_once_send_each_email_once()
    {
        var addresses = Enumerable.Range(0, 12).Select(_ => NewAddress()).ToList();
        foreach (var to in addresses)
        {
            await QueueAsync(to, commit: true);
        }

        await Task.WhenAll(DeliverAsync(), DeliverAsync(), DeliverAsync());

        foreach (var to in addresses)
        {
            await fixture.Mail.WaitForAsync(to);
        }
        await Task.Delay(500);
        Assert.All(addresses, to => Assert.Single(fixture.Mail.To(to)));
    }

    [Fact]
    public async Task A_temporary_smtp_failure_is_retried_later_with_backoff()
    {
        var to = NewAddress();
        var id = await QueueAsync(to, commit: true);
        var transport = new FailingTransport(to, SmtpStatusCode.MailboxBusy);

        await RunWithAsync(transport);

        await using var db = fixture.SuperuserDb();
        var row = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Null(row.SentAt);
        Assert.Null(row.FailedAt);
        Assert.Equal(1, row.Attempts);
        Assert.True(row.NextAttemptAt > DateTime.UtcNow.AddSeconds(30), "the retry waits (backoff)");
        Assert.Contains("busy", row.LastError, StringComparison.OrdinalIgnoreCase);

        await RunWithAsync(transport); // not due yet: not attempted again
        Assert.Equal(1, transport.AttemptsFor(to));
    }

    [Fact]
    public async Task A_permanent_smtp_failure_marks_the_email_failed()
    {
        var to = NewAddress();
        var id = await QueueAsync(to, commit: true);
        var transport = new FailingTransport(to, SmtpStatusCode.MailboxUnavailable);

        await RunWithAsync(transport);
        await RunWithAsync(transport);

        await using var db = fixture.SuperuserDb();
        var row = await db.OutboxMessages.SingleAsync(m => m.Id == id);
        Assert.Null(row.SentAt);
        Assert.NotNull(row.FailedAt);
        Assert.StartsWith("550", row.LastError);
        Assert.Equal(1, transport.AttemptsFor(to));
    }

    [Fact]
    public void Backoff_doubles_and_is_capped_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), DeliverOutbox.Backoff(1));
        Assert.Equal(TimeSpan.FromMinutes(2), DeliverOutbox.Backoff(2));
        Assert.Equal(TimeSpan.FromMinutes(16), DeliverOutbox.Backoff(5));
        Assert.Equal(TimeSpan.FromMinutes(60), DeliverOutbox.Backoff(12));
    }

    private async Task RunWithAsync(IMailTransport transport)
    {
        await using var db = fixture.AppDb();
        var job = new DeliverOutbox(db, transport, Options.Create(new SmtpOptions()), TimeProvider.System, NullLogger<DeliverOutbox>.Instance);
        await job.RunAsync(CancellationToken.None);
    }

    /// <summary>Refuses mail to one address with the given SMTP status; accepts (and drops) anything else.</summary>
    private sealed class FailingTransport(string failFor, SmtpStatusCode status) : IMailTransport
    {
        private readonly List<string> _attempts = [];

        public int AttemptsFor(string address) => _attempts.Count(a => a == address);

        public Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var to = message.To.Mailboxes.Single().Address;
            _attempts.Add(to);
            if (to == failFor)
            {
                var text = status == SmtpStatusCode.MailboxBusy ? "Mailbox busy, try later" : "Mailbox unavailable";
                throw new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, status, text);
            }
            return Task.CompletedTask;
        }
    }
}
