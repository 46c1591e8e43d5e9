using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>Why the procurement is cancelled: told to every provider that bid or registered interest, and published.</summary>
/// <param name="Reason">Plain words, up to <see cref="CancelProcurementHandler.MaxReason"/> characters.</param>
public sealed record CancelProcurementCommand(string? Reason);

/// <summary>
/// An officer cancels a procurement before the award, in one transaction: the lifecycle's transition (with the reason
/// and the database clock's time), an audit event, and one email to each person of every provider with a bid (in any
/// state) or a registered interest. The scheduled jobs (close of submissions, clarification deadline, standstill,
/// reminders) re-read the state when they run and do nothing for a cancelled procurement.
/// </summary>
public sealed class CancelProcurementHandler(PortalDbContext db, AuditLog audit, EmailOutbox outbox, ITenantContext tenant, IOptions<PortalOptions> options)
{
    public const int MaxReason = 2000;

    public static Errors Validate(CancelProcurementCommand command) => new Errors()
        .Require(!string.IsNullOrWhiteSpace(command.Reason), nameof(command.Reason), "Enter the reason for cancelling the procurement")
        .Require((command.Reason?.Trim().Length ?? 0) <= MaxReason, nameof(command.Reason), $"The reason must be {MaxReason} characters or fewer");

    public async Task<Outcome<TransitionResult>> HandleAsync(Guid id, TransitionActor actor, CancelProcurementCommand command, CancellationToken ct)
    {
        var procurement = await db.Procurements.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (procurement is null)
        {
            return Outcome<TransitionResult>.NotFound();
        }
        var errors = Validate(command);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var result = ProcurementLifecycle.Cancel(procurement, actor, await db.DatabaseNowAsync(ct), command.Reason!);
        if (!result.Succeeded)
        {
            return TransitionHandler.ErrorsOf(result);
        }

        var bidders = await db.Bids.AsNoTracking().Where(b => b.ProcurementId == id).Select(b => b.ProviderId).Distinct().ToListAsync(ct);
        var interested = await db.ProcurementInterests.AsNoTracking().Where(i => i.ProcurementId == id)
            .Select(i => new { i.ProviderId, i.ContactEmail }).ToListAsync(ct);
        var people = await ProviderContacts.EmailsAsync(db, bidders, ct);
        var recipients = people.Values.SelectMany(e => e).Concat(interested.Select(i => i.ContactEmail))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var email in recipients)
        {
            outbox.Enqueue(email, "procurement-cancelled", new
            {
                TenantName = tenant.TenantName,
                procurement.Reference,
                procurement.Title,
                Reason = procurement.CancellationReason,
                Link = $"{options.Value.BaseUrl.TrimEnd('/')}/{tenant.Slug}/opportunities/{procurement.Id}",
            });
        }
        var providers = bidders.Concat(interested.Select(i => i.ProviderId)).Distinct().Count();
        audit.Record("procurement.cancelled", nameof(Procurement), procurement.Id,
            $"{procurement.Reference}: {result.From} → {result.To}; reason: {procurement.CancellationReason}; told {recipients.Count} person(s) at {providers} provider(s)");
        // The row version makes a concurrent transition (the close of submissions, an award) fail here, not interleave.
        await db.SaveChangesAsync(ct);
        return Outcome<TransitionResult>.Ok(result);
    }
}
