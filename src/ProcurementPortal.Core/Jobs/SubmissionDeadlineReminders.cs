using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Jobs;

/// <summary>
/// Reminds every interested provider of an open tender that submissions close, 7 days and 1 day before the
/// deadline (issue: tender building, item 10). A recurring job: each run looks at every tenant in a unit of work of
/// its own, sends what is due and records it per provider, kind and deadline, so a second run sends nothing and a
/// deadline moved by an addendum earns fresh reminders. A reminder whose moment has passed (a deadline set less
/// than 7 days ahead) is not sent late: only the latest kind due is.
/// </summary>
public sealed class SubmissionDeadlineReminders(IServiceScopeFactory scopes, PortalDbContext db)
{
    public const string RecurringJobId = "submission-deadline-reminders";

    public static readonly IReadOnlyList<(SubmissionReminderKind Kind, TimeSpan Before, string When)> Kinds =
    [
        (SubmissionReminderKind.OneDay, TimeSpan.FromDays(1), "tomorrow"),
        (SubmissionReminderKind.SevenDays, TimeSpan.FromDays(7), "in 7 days"),
    ];

    public async Task RunAsync(CancellationToken ct)
    {
        await EveryTenant.RunAsync<TenantReminders>(scopes, db, (job, tenantId) => job.RunAsync(tenantId, ct), ct);
    }

    /// <summary>The reminders due now for one tenant, in one transaction.</summary>
    public sealed class TenantReminders(
        PortalDbContext db, TenantJobScope scope, ITenantContext tenant, EmailOutbox outbox, AuditLog audit, TimeProvider clock, IConfiguration configuration)
    {
        public async Task RunAsync(Guid tenantId, CancellationToken ct)
        {
            await scope.EnterAsync(tenantId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var horizon = now + Kinds.Max(k => k.Before);
            var open = await db.Procurements.AsNoTracking()
                .Where(p => p.State == ProcurementState.TenderOpen && p.SubmissionDeadline > now && p.SubmissionDeadline <= horizon)
                .ToListAsync(ct);
            foreach (var procurement in open)
            {
                var deadline = procurement.SubmissionDeadline!.Value;
                var (kind, _, when) = Kinds.First(k => deadline - k.Before <= now);
                var alreadySent = await db.SubmissionReminders.AsNoTracking()
                    .Where(r => r.ProcurementId == procurement.Id && r.Kind == kind && r.Deadline == deadline)
                    .Select(r => r.ProviderId)
                    .ToListAsync(ct);
                var due = await db.ProcurementInterests.AsNoTracking()
                    .Where(i => i.ProcurementId == procurement.Id && !alreadySent.Contains(i.ProviderId))
                    .ToListAsync(ct);
                foreach (var interest in due)
                {
                    outbox.Enqueue(interest.ContactEmail, "submission-reminder", new
                    {
                        TenantName = tenant.TenantName,
                        procurement.Reference,
                        procurement.Title,
                        When = when,
                        Deadline = TenderTimes.Deadline(deadline),
                        Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/{tenant.Slug}/opportunities/{procurement.Id}",
                    });
                    db.SubmissionReminders.Add(new SubmissionReminder
                    {
                        ProcurementId = procurement.Id, ProviderId = interest.ProviderId, Kind = kind, Deadline = deadline, SentAt = now,
                    });
                }
                if (due.Count > 0)
                {
                    audit.Record("procurement.submission_reminder_sent", nameof(Procurement), procurement.Id,
                        $"{procurement.Reference}: {kind} reminder of the deadline {deadline:u} sent to {due.Count} interested provider(s)");
                }
            }
            // One transaction per tenant; the unique (procurement, provider, kind, deadline) index makes an overlapping
            // run fail here rather than send twice.
            await db.SaveChangesAsync(ct);
        }
    }
}
