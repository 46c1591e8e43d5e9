using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>An officer changes a statement (in any status: a published one shows the change at once, and the feed says it was updated).</summary>
public sealed class UpdateStatement(PortalDbContext db, AuditLog audit, MarketIntentViews views, TimeProvider clock)
{
    public async Task<Outcome<StatementView>> HandleAsync(Guid id, StatementCommand command, CancellationToken ct)
    {
        var statement = await db.MarketIntentStatements.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null)
        {
            return Outcome<StatementView>.NotFound();
        }
        var errors = command.Validate();
        await command.CheckProcurementAsync(db, errors, ct);
        if (!errors.IsEmpty)
        {
            return errors;
        }
        command.ApplyTo(statement, clock.GetUtcNow().UtcDateTime);
        audit.Record("market-intent.updated", nameof(MarketIntentStatement), statement.Id, $"Statement changed: {statement.Title}");
        await db.SaveChangesAsync(ct);
        return Outcome<StatementView>.Ok((await views.FindAsync(id, publishedOnly: false, ct))!);
    }
}
