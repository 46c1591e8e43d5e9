using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Jobs;

/// <summary>
/// Emails each contract's owner 6 months, 3 months and 1 month before its end (issue 7.7). A daily recurring job, each
/// tenant in a unit of work of its own; each reminder is marked on the contract when queued, so it is sent once, and a
/// run that was missed sends only the latest reminder due (not three at once). The owner is also reminded
/// <see cref="ExtensionLeadMonths"/> months before each extension option's decision date (<see cref="ContractExtensions"/>),
/// once per option.
/// </summary>
public sealed class ContractExpiryReminders(IServiceScopeFactory scopes, PortalDbContext db, TimeProvider clock)
{
    public const string RecurringJobId = "contract-expiry-reminders";
    public const int ExtensionLeadMonths = 3;

    public async Task RunAsync(CancellationToken ct)
    {
        var today = Standstill.LondonDay(clock.GetUtcNow().UtcDateTime);
        await EveryTenant.RunAsync<TenantReminders>(scopes, db, (job, tenantId) => job.RunAsync(tenantId, today, ct), ct);
    }

    public sealed class TenantReminders(
        PortalDbContext db, TenantJobScope scope, ITenantContext tenant, EmailOutbox outbox, AuditLog audit, TimeProvider clock, IConfiguration configuration,
        WebhookOutbox webhooks)
    {
        /// <summary>Sends what is due on <paramref name="today"/> (Europe/London).</summary>
        public async Task RunAsync(Guid tenantId, DateOnly today, CancellationToken ct)
        {
            await scope.EnterAsync(tenantId, ct);
            var horizon = today.AddMonths(6);
            var contracts = await db.Contracts
                .Where(c => c.EndsOn >= today && c.EndsOn <= horizon && c.Reminded1MonthAt == null)
                .ToListAsync(ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var contract in contracts)
            {
                var within = today >= contract.EndsOn.AddMonths(-1) ? "1 month"
                    : today >= contract.EndsOn.AddMonths(-3) ? "3 months"
                    : "6 months";
                var alreadySent = within switch
                {
                    "1 month" => contract.Reminded1MonthAt is not null,
                    "3 months" => contract.Reminded3MonthsAt is not null,
                    _ => contract.Reminded6MonthsAt is not null,
                };
                if (alreadySent)
                {
                    continue;
                }
                // Marking the later reminder marks the earlier ones too: a late first run never sends them after it.
                contract.Reminded6MonthsAt ??= now;
                if (within != "6 months") contract.Reminded3MonthsAt ??= now;
                if (within == "1 month") contract.Reminded1MonthAt ??= now;
                if (await TenantOfficers.EmailOfAsync(db, contract.OwnerUserId, ct) is { } email)
                {
                    outbox.Enqueue(email, "contract-expiry-reminder", new
                    {
                        contract.Reference,
                        contract.Title,
                        contract.ProviderName,
                        contract.LotName,
                        EndsOn = contract.EndsOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                        Within = within,
                        ExtensionOptions = contract.ExtensionOptions ?? "none",
                        Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/{tenant.Slug}/contracts",
                    });
                }
                await webhooks.EnqueueAsync(WebhookEvents.ContractExpiring, new
                {
                    contractId = contract.Id, contract.Reference, contract.Title, contract.ProviderName, contract.LotName,
                    endsOn = contract.EndsOn, within,
                }, ct);
                audit.Record("contract.expiry_reminder_sent", nameof(Contract), contract.Id,
                    $"{contract.Reference} with {contract.ProviderName} ends {contract.EndsOn:yyyy-MM-dd}: {within} reminder");
            }
            await RemindOfExtensionsAsync(today, now, ct);
            await db.SaveChangesAsync(ct);
        }

        /// <summary>
        /// The latest extension option whose reminder is due (its decision date within the lead time, not passed) and
        /// not yet sent; options before it count as reminded, so a missed run never sends an old one late.
        /// </summary>
        private async Task RemindOfExtensionsAsync(DateOnly today, DateTime now, CancellationToken ct)
        {
            var contracts = await db.Contracts.Where(c => c.ExtensionOptions != null && c.ExtensionOptions != "").ToListAsync(ct);
            foreach (var contract in contracts)
            {
                var due = ContractExtensions.Options(contract.EndsOn, contract.ExtensionOptions)
                    .LastOrDefault(o => o.Number > contract.ExtensionRemindersSent && today >= o.DecisionOn.AddMonths(-ExtensionLeadMonths) && today <= o.DecisionOn);
                if (due is null)
                {
                    continue;
                }
                contract.ExtensionRemindersSent = due.Number;
                var decideBy = due.DecisionOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
                if (await TenantOfficers.EmailOfAsync(db, contract.OwnerUserId, ct) is { } email)
                {
                    outbox.Enqueue(email, "contract-extension-reminder", new
                    {
                        contract.Reference,
                        contract.Title,
                        contract.ProviderName,
                        contract.LotName,
                        Option = due.Number,
                        Length = due.Months % 12 == 0 ? $"{due.Months / 12} year{(due.Months == 12 ? "" : "s")}" : $"{due.Months} months",
                        DecideBy = decideBy,
                        ExtendsTo = due.ExtendsTo.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                        Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/{tenant.Slug}/contracts/{contract.Id}",
                    });
                }
                audit.Record("contract.extension_reminder_sent", nameof(Contract), contract.Id,
                    $"{contract.Reference} with {contract.ProviderName}: extension option {due.Number} to be decided by {due.DecisionOn:yyyy-MM-dd}");
            }
        }
    }
}
