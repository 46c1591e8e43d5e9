using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Jobs;

/// <summary>
/// Reminds each evaluator who has not submitted their scores, once, when the evaluation deadline is less than
/// <see cref="Before"/> away (issue 6.9). A recurring job: each tenant in a unit of work of its own; the deadline a
/// member was reminded of is kept on the panel row, so a second run sends nothing and a moved deadline earns a fresh reminder.
/// </summary>
public sealed class EvaluationDeadlineReminders(IServiceScopeFactory scopes, PortalDbContext db)
{
    public const string RecurringJobId = "evaluation-deadline-reminders";
    public static readonly TimeSpan Before = TimeSpan.FromDays(2);

    public async Task RunAsync(CancellationToken ct)
    {
        await EveryTenant.RunAsync<TenantReminders>(scopes, db, (job, tenantId) => job.RunAsync(tenantId, ct), ct);
    }

    public sealed class TenantReminders(
        PortalDbContext db, TenantJobScope scope, ITenantContext tenant, EmailOutbox outbox, AuditLog audit, TimeProvider clock, IConfiguration configuration)
    {
        public async Task RunAsync(Guid tenantId, CancellationToken ct)
        {
            await scope.EnterAsync(tenantId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var horizon = now + Before;
            var due = await db.Procurements.AsNoTracking()
                .Where(p => p.State == ProcurementState.Evaluation && p.EvaluationDeadline > now && p.EvaluationDeadline <= horizon)
                .ToListAsync(ct);
            foreach (var procurement in due)
            {
                var deadline = procurement.EvaluationDeadline!.Value;
                var members = await db.PanelMembers
                    .Where(m => m.ProcurementId == procurement.Id && m.Role == PanelRole.Evaluator && m.ScoresSubmittedAt == null
                        && (m.RemindedForDeadline == null || m.RemindedForDeadline != deadline))
                    .ToListAsync(ct);
                foreach (var member in members)
                {
                    if (await TenantOfficers.EmailOfAsync(db, member.UserId, ct) is { } email)
                    {
                        outbox.Enqueue(email, "evaluation-reminder", new
                        {
                            TenantName = tenant.TenantName,
                            procurement.Reference,
                            procurement.Title,
                            Deadline = TenderTimes.Deadline(deadline),
                            Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/{tenant.Slug}/procurements/{procurement.Id}/evaluation",
                        });
                    }
                    member.RemindedForDeadline = deadline;
                }
                if (members.Count > 0)
                {
                    audit.Record("evaluation.reminder_sent", nameof(Procurement), procurement.Id,
                        $"{procurement.Reference}: {members.Count} evaluator(s) reminded that scores are due {deadline:u}");
                }
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
