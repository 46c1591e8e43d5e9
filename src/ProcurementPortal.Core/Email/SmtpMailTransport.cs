using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ProcurementPortal.Core.Email;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseStartTls { get; set; }
    public string FromAddress { get; set; } = "no-reply@procurementportal.local";
    public string FromName { get; set; } = "ProcurementPortal";
    /// <summary>The domain part of Message-Ids, which are derived from outbox ids.</summary>
    public string MessageIdDomain { get; set; } = "procurementportal.local";
}

/// <summary>Hands one message to an SMTP server.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var o = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(o.Host, o.Port, o.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
