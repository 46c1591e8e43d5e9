using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Email;

/// <summary>
/// Queues an email in the caller's unit of work: it is sent only if that unit commits
/// (the delivery job picks it up afterwards).
/// </summary>
public sealed class EmailOutbox(PortalDbContext db, ITenantContext tenant, EmailTemplates templates, TimeProvider clock)
{
    public OutboxMessage Enqueue(string to, string template, object model, (string Name, byte[] Pdf)? attachment = null)
    {
        var rendered = templates.Render(template, model);
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            TenantId = tenant.TenantId,
            ToAddress = to,
            Template = template,
            Subject = rendered.Subject,
            HtmlBody = rendered.HtmlBody,
            TextBody = rendered.TextBody,
            CreatedAt = now,
            NextAttemptAt = now,
            AttachmentName = attachment?.Name,
            AttachmentPdf = attachment?.Pdf,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
