using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>A declaration about one bidder: no conflict, or a conflict with its details.</summary>
public sealed record Declaration(bool? HasConflict, string? Details);

/// <summary>One declaration per bidder, by bid id.</summary>
public sealed record DeclarationsCommand(Dictionary<Guid, Declaration>? Declarations);

/// <summary>
/// A panel member's conflict-of-interest declarations, one per bidder, made together before they see any bid. A
/// declared conflict takes the member off that bid: they cannot open it (404) and their name is absent from its
/// scores. Declarations are final once made (the register is part of the evaluation report).
/// </summary>
public sealed class DeclareConflictsHandler(PortalDbContext db, EvaluationLoader loader, AuditLog audit)
{
    public const int MinimumDetails = 10;

    public async Task<Outcome<int>> HandleAsync(Guid procurementId, Guid userId, DeclarationsCommand command, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null || !state.Panel.Any(m => m.UserId == userId))
        {
            return Outcome<int>.NotFound();
        }
        var p = state.Procurement;
        if (p.State is not (ProcurementState.Evaluation or ProcurementState.Moderation))
        {
            return EvaluationRules.StateError(p.State, "declare conflicts of interest");
        }
        if (state.HasDeclaredAll(userId))
        {
            return new Errors().Add(nameof(DeclarationsCommand.Declarations), "You have already declared your conflicts of interest for every bidder");
        }
        var declarations = command.Declarations ?? [];
        var errors = new Errors();
        foreach (var bid in state.Bids)
        {
            var field = $"Declarations[{bid.BidId}]";
            if (!declarations.TryGetValue(bid.BidId, out var d) || d.HasConflict is null)
            {
                errors.Add(field, $"Say whether you have a conflict of interest with {bid.ProviderName}");
            }
            else if (d.HasConflict == true && (d.Details?.Trim().Length ?? 0) < MinimumDetails)
            {
                errors.Add($"{field}.Details", $"Describe your conflict of interest with {bid.ProviderName} (at least {MinimumDetails} characters)");
            }
        }
        errors.Require(declarations.Keys.All(id => state.Bid(id) is not null), nameof(DeclarationsCommand.Declarations), "Declare only for bidders of this procurement");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = await db.DatabaseNowAsync(ct);
        foreach (var bid in state.Bids.Where(b => !state.Declarations.Any(d => d.UserId == userId && d.BidId == b.BidId)))
        {
            var d = declarations[bid.BidId];
            db.ConflictDeclarations.Add(new ConflictDeclaration
            {
                ProcurementId = p.Id, BidId = bid.BidId, UserId = userId, HasConflict = d.HasConflict!.Value,
                Details = d.HasConflict == true ? d.Details!.Trim() : null, DeclaredAt = now,
            });
            if (d.HasConflict == true)
            {
                audit.Record("evaluation.conflict_declared", nameof(Procurement), p.Id,
                    $"{p.Reference}: {state.Panel.First(m => m.UserId == userId).DisplayName} declared a conflict with {bid.ProviderName} "
                    + $"and is taken off that bid: {d.Details!.Trim()}");
            }
        }
        var conflicts = declarations.Values.Count(d => d.HasConflict == true);
        audit.Record("evaluation.conflicts_declared", nameof(Procurement), p.Id,
            $"{p.Reference}: {state.Panel.First(m => m.UserId == userId).DisplayName} declared for {state.Bids.Count} bidder(s), {conflicts} conflict(s)");
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(conflicts);
    }
}
