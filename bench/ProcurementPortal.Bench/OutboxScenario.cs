using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Email;

namespace ProcurementPortal.Bench;

/// <summary>
/// 10,000 queued outbox messages delivered to the local SMTP sink by the portal's delivery job. Reference: the same
/// number of messages sent straight to the sink by MailKit over one connection (the sink's own ceiling).
/// </summary>
public sealed class OutboxScenario : IBenchScenario
{
    public const int Messages = 10_000;
    public string Name => "jobs";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        await using (var scope = context.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.OutboxMessages.Where(m => m.SentAt == null).ExecuteDeleteAsync(ct);
            var now = DateTime.UtcNow;
            db.OutboxMessages.AddRange(Enumerable.Range(0, Messages).Select(i => new OutboxMessage
            {
                ToAddress = $"provider{i}@bench.test",
                Subject = $"Bench message {i}",
                HtmlBody = $"<p>Your bid receipt {i}</p>",
                TextBody = $"Your bid receipt {i}",
                CreatedAt = now,
                NextAttemptAt = now,
            }));
            await db.SaveChangesAsync(ct);
        }

        var watch = Stopwatch.StartNew();
        var delivered = 0;
        // Two job workers, as the default Hangfire server on a 2-core machine would run.
        await Parallel.ForEachAsync(Enumerable.Range(0, 2), ct, async (_, token) =>
        {
            await using var scope = context.Services.CreateAsyncScope();
            var sent = await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().RunAsync(token);
            Interlocked.Add(ref delivered, sent);
        });
        var jobSeconds = watch.Elapsed.TotalSeconds;
        if (delivered != Messages)
        {
            throw new InvalidOperationException($"The outbox delivered {delivered} of {Messages} messages.");
        }

        watch.Restart();
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(context.SmtpHost, context.SmtpPort, SecureSocketOptions.None, ct);
            for (var i = 0; i < Messages; i++)
            {
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse("bench@procurementportal.local"));
                message.To.Add(MailboxAddress.Parse($"provider{i}@bench.test"));
                message.Subject = $"Bench reference {i}";
                message.Body = new BodyBuilder { HtmlBody = $"<p>Your bid receipt {i}</p>", TextBody = $"Your bid receipt {i}" }.ToMessageBody();
                await client.SendAsync(message, ct);
            }
            await client.DisconnectAsync(true, ct);
        }
        var rawSeconds = watch.Elapsed.TotalSeconds;

        return
        [
            new BenchResult($"outbox: {Messages:N0} emails delivered to the sink", Messages / jobSeconds, "msg/s",
                "MailKit straight to the sink, one connection", Messages / rawSeconds, HigherIsBetter: true),
        ];
    }
}
