using MimeKit;

namespace ProcurementPortal.IntegrationTests.Support;

/// <summary>Reads the messages the local SMTP sink (aiosmtpd Mailbox handler) stored as maildir files.</summary>
public sealed class MailSink
{
    public string Directory { get; } = Environment.GetEnvironmentVariable("PORTAL_MAILDIR")
        ?? throw new InvalidOperationException("PORTAL_MAILDIR is not set: run the tests with infra/test.");

    public IReadOnlyList<MimeMessage> To(string address)
    {
        var messages = new List<MimeMessage>();
        foreach (var folder in new[] { "new", "cur" })
        {
            var path = Path.Combine(Directory, folder);
            if (!System.IO.Directory.Exists(path))
            {
                continue;
            }
            foreach (var file in System.IO.Directory.EnumerateFiles(path))
            {
                var message = MimeMessage.Load(file);
                if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
                {
                    messages.Add(message);
                }
            }
        }
        return messages;
    }

    /// <summary>Waits up to the timeout for at least <paramref name="count"/> messages to the address.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = To(address);
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }
            await Task.Delay(100);
        }
    }
}
