using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.MarketIntent;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>
/// An officer publishes a statement to the public notices page and feed, or unpublishes (withdraws) it. Publishing
/// what is already published, or withdrawing what is not, is refused rather than silently repeated.
/// </summary>
public sealed class PublishStatement(PortalDbContext db, AuditLog audit, MarketIntentViews views, TimeProvider clock)
{
    public Task<Outcome<StatementView>> PublishAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, publish: true, ct);

    public Task<Outcome<StatementView>> UnpublishAsync(Guid id, CancellationToken ct) =>
        ChangeAsync(id, publish: false, ct);

    private async Task<Outcome<StatementView>> ChangeAsync(Guid id, bool publish, CancellationToken ct)
    {
        var statement = await db.MarketIntentStatements.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null)
        {
            return Outcome<StatementView>.NotFound();
        }
        if (statement.IsPublished == publish)
        {
            return new Errors().Add("Status", publish ? "The statement is already published" : "The statement is not published");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (publish)
        {
            statement.Publish(now);
            audit.Record("market-intent.published", nameof(MarketIntentStatement), id, $"Published: {statement.Title}");
        }
        else
        {
            statement.Withdraw(now);
            audit.Record("market-intent.unpublished", nameof(MarketIntentStatement), id, $"Unpublished: {statement.Title}");
        }
        await db.SaveChangesAsync(ct);
        return Outcome<StatementView>.Ok((await views.FindAsync(id, publishedOnly: false, ct))!);
    }
}
