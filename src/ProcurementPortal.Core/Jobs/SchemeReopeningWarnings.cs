using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Calendar;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Core.Jobs;

/// <summary>An open framework scheme with what is due on it (<see cref="OpenFrameworkSchedule.Due"/>).</summary>
public sealed record SchemeDueItem(Guid SchemeId, Guid ProcurementId, string Reference, string Title, SchemeDue Due);

/// <summary>
/// Warns the tenant's procurement officers when an open framework's reopening is due: <see cref="OpenFrameworkSchedule.WarningDays"/>
/// days before a planned reopening not yet started, and before the latest day the law allows for the next award
/// (s.49). A daily recurring job, each tenant in a unit of work of its own; each warning is a row (scheme, kind, day)
/// whose unique key makes a second run send nothing. The dashboard shows the same items while they are due.
/// </summary>
public sealed class SchemeReopeningWarnings(IServiceScopeFactory scopes, PortalDbContext db, TimeProvider clock)
{
    public const string RecurringJobId = "scheme-reopening-warnings";

    public async Task RunAsync(CancellationToken ct)
    {
        var today = Standstill.LondonDay(clock.GetUtcNow().UtcDateTime);
        await EveryTenant.RunAsync<TenantWarnings>(scopes, db, (job, tenantId) => job.RunAsync(tenantId, today, ct), ct);
    }

    /// <summary>What is due on the tenant's open frameworks on <paramref name="today"/> (Europe/London).</summary>
    public static async Task<List<SchemeDueItem>> DueAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var schemes = await db.FrameworkSchemes.AsNoTracking()
            .Where(s => s.Kind == SchemeKind.OpenFramework && s.EndsOn >= today)
            .Join(db.Procurements, s => s.ProcurementId, p => p.Id, (s, p) => new
            {
                Scheme = s, p.Reference, p.Title,
                Rounds = db.SchemeRounds.Count(r => r.SchemeId == s.Id),
                LastAward = db.SchemeRounds.Where(r => r.SchemeId == s.Id)
                    .Join(db.Awards, r => r.ProcurementId, a => a.ProcurementId, (r, a) => a.AwardedAt).Max(),
            })
            .OrderBy(x => x.Reference)
            .ToListAsync(ct);
        return schemes.SelectMany(x => OpenFrameworkSchedule.Due(x.Scheme.FirstAwardOn, x.Scheme.Reopenings, x.Scheme.EndsOn, x.Rounds,
                x.LastAward is { } at ? Standstill.LondonDay(at) : null, today)
            .Select(due => new SchemeDueItem(x.Scheme.Id, x.Scheme.ProcurementId, x.Reference, x.Title, due)))
            .ToList();
    }

    public sealed class TenantWarnings(
        PortalDbContext db, TenantJobScope scope, ITenantContext tenant, EmailOutbox outbox, AuditLog audit, TimeProvider clock, IConfiguration configuration)
    {
        public async Task RunAsync(Guid tenantId, DateOnly today, CancellationToken ct)
        {
            await scope.EnterAsync(tenantId, ct);
            var due = await DueAsync(db, today, ct);
            var sent = await db.SchemeWarnings.AsNoTracking().Select(w => new { w.SchemeId, w.Kind, w.DueOn }).ToListAsync(ct);
            var officers = await TenantOfficers.EmailsAsync(db, tenantId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var item in due.Where(d => !sent.Contains(new { d.SchemeId, d.Due.Kind, d.Due.DueOn })))
            {
                db.SchemeWarnings.Add(new SchemeWarning { SchemeId = item.SchemeId, Kind = item.Due.Kind, DueOn = item.Due.DueOn, SentAt = now });
                foreach (var email in officers)
                {
                    outbox.Enqueue(email, "scheme-reopening-due", new
                    {
                        TenantName = tenant.TenantName,
                        item.Reference,
                        item.Title,
                        item.Due.Text,
                        DueOn = OpenFrameworkSchedule.Day(item.Due.DueOn),
                        Link = $"{configuration["Portal:BaseUrl"]?.TrimEnd('/')}/{tenant.Slug}/procurements/{item.ProcurementId}/scheme",
                    });
                }
                audit.Record("scheme.reopening_warning_sent", nameof(FrameworkScheme), item.SchemeId, $"{item.Reference}: {item.Due.Text}");
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
