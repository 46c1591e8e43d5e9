using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ProcurementPortal.Core.Data;

namespace ProcurementPortal.Core.Email;

/// <summary>
/// The recurring job that sends queued emails. Each batch is claimed with FOR UPDATE SKIP LOCKED, so two
/// runs (or two nodes) never take the same row; a row is marked sent in the same transaction that held the
/// lock, and the Message-Id is derived from the outbox id, so a retried delivery is recognisable downstream.
/// A 4xx reply is retried with exponential backoff; a 5xx reply (or too many attempts) marks the row failed.
/// </summary>
public sealed class DeliverOutbox(
    PortalDbContext db, IMailTransport transport, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<DeliverOutbox> log)
{
    public const int BatchSize = 50;

    /// <summary>The next batch due, claimed so that no other run or node takes it (its plan is checked by QueryPlanTests).</summary>
    public static readonly string PickSql = $"""
        select * from outbox_messages
        where sent_at is null and failed_at is null and skipped_at is null and next_attempt_at <= now()
        order by next_attempt_at, id
        limit {BatchSize}
        for update skip locked
        """;
    public const int MaxAttempts = 8;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var delivered = 0;
        while (true)
        {
            var (claimed, sent) = await DeliverBatchAsync(ct);
            delivered += sent;
            if (claimed < BatchSize)
            {
                return delivered;
            }
        }
    }

    private async Task<(int Claimed, int Sent)> DeliverBatchAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.OutboxMessages
            .FromSqlRaw(PickSql)
            .ToListAsync(ct);
        var recipients = await KeepAsNotificationsAsync(batch, ct);
        var sent = 0;
        foreach (var message in batch)
        {
            if (message.Attempts == 0 && EmailCategories.IsReminder(message.Template)
                && recipients.TryGetValue(message.ToAddress.ToUpperInvariant(), out var person) && !person.ReminderEmails)
            {
                message.SkippedAt = clock.GetUtcNow().UtcDateTime;
                continue;
            }
            if (await TrySendAsync(message, ct))
            {
                sent++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (batch.Count, sent);
    }

    private sealed record Recipient(Guid Id, string NormalizedEmail, bool ReminderEmails);

    /// <summary>
    /// Copies each message to a person with an account into their notifications, once per message: only on the first
    /// attempt, in the transaction that counts the attempt (a batch that fails rolls both back; the unique index on
    /// the message id is the backstop). Returns those people by normalised email with their email preferences.
    /// </summary>
    private async Task<Dictionary<string, Recipient>> KeepAsNotificationsAsync(List<OutboxMessage> batch, CancellationToken ct)
    {
        var addresses = batch.Select(m => m.ToAddress.ToUpperInvariant()).Distinct().ToList();
        var people = (await db.Users.AsNoTracking()
                .Where(u => addresses.Contains(u.NormalizedEmail!))
                .Select(u => new Recipient(u.Id, u.NormalizedEmail!, u.ReminderEmails))
                .ToListAsync(ct))
            .ToDictionary(p => p.NormalizedEmail);
        foreach (var message in batch.Where(m => m.Attempts == 0 && EmailCategories.KeptAsNotification(m.Template)))
        {
            if (people.TryGetValue(message.ToAddress.ToUpperInvariant(), out var person))
            {
                await db.Database.ExecuteSqlAsync($"""
                    insert into notifications (id, user_id, tenant_id, outbox_message_id, subject, body, created_at)
                    values ({Guid.CreateVersion7()}, {person.Id}, {message.TenantId}, {message.Id}, {message.Subject}, {message.TextBody}, {message.CreatedAt})
                    """, ct);
            }
        }
        return people;
    }

    private async Task<bool> TrySendAsync(OutboxMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.Attempts++;
        try
        {
            await transport.SendAsync(ToMime(message), ct);
            message.SentAt = now;
            message.LastError = null;
            return true;
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 || message.Attempts >= MaxAttempts)
        {
            message.FailedAt = now;
            message.LastError = $"{(int)ex.StatusCode} {ex.Message}";
            log.LogError(ex, "Email {OutboxId} to {To} failed permanently", message.Id, message.ToAddress);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException
                                       or System.Net.Sockets.SocketException)
        {
            message.LastError = ex.Message;
            message.NextAttemptAt = now + Backoff(message.Attempts);
            log.LogWarning(ex, "Email {OutboxId} to {To} deferred (attempt {Attempt})", message.Id, message.ToAddress, message.Attempts);
        }
        return false;
    }

    /// <summary>1, 2, 4, 8 ... minutes, capped at an hour.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    public MimeMessage ToMime(OutboxMessage message)
    {
        var o = options.Value;
        var mime = new MimeMessage
        {
            MessageId = $"{message.Id:N}@{o.MessageIdDomain}",
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero),
        };
        mime.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.ToAddress));
        mime.Headers.Add("X-Portal-Outbox-Id", message.Id.ToString());
        var body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody };
        if (message.AttachmentName is { } name && message.AttachmentPdf is { } pdf)
        {
            body.Attachments.Add(name, pdf, new ContentType("application", "pdf"));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
