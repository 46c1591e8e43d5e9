using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>An evaluator, the sections they score (none named: every section) and the lots whose bids they score (none named: every lot).</summary>
public sealed record PanelEvaluator(Guid UserId, List<Guid>? SectionIds = null, List<Guid>? LotIds = null);

/// <summary>The panel of a procurement: its evaluators, its moderator and when the individual scores are due (UTC).</summary>
public sealed record PanelCommand(List<PanelEvaluator>? Evaluators, Guid? ModeratorUserId, DateTimeOffset? EvaluationDeadline);

/// <summary>
/// Appoints the evaluation panel from the tenant's members: evaluators must hold the Evaluator role, the moderator the
/// Evaluator or Procurement officer role. The first appointment after the opening starts the evaluation. The panel
/// can change until moderation; a member taken off keeps what they recorded, but it no longer counts.
/// </summary>
public sealed class AssignPanelHandler(PortalDbContext db, EvaluationLoader loader, AuditLog audit, ITenantContext tenant)
{
    public async Task<Outcome<IReadOnlyList<PanelMember>>> HandleAsync(Guid procurementId, PanelCommand command, TransitionActor actor, CancellationToken ct)
    {
        var state = await loader.LoadAsync(procurementId, ct);
        if (state is null)
        {
            return Outcome<IReadOnlyList<PanelMember>>.NotFound();
        }
        var p = state.Procurement;
        if (p.State is not (ProcurementState.Opened or ProcurementState.Evaluation))
        {
            return EvaluationRules.StateError(p.State, "change the evaluation panel");
        }
        var evaluators = command.Evaluators ?? [];
        var userIds = evaluators.Select(e => e.UserId).Append(command.ModeratorUserId ?? Guid.Empty).ToList();
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == tenant.TenantId && userIds.Contains(m.UserId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.UserId, m.Role, Name = u.DisplayName != "" ? u.DisplayName : u.Email ?? "" })
            .ToListAsync(ct);
        bool Holds(Guid user, params Role[] roles) => members.Any(m => m.UserId == user && roles.Contains(m.Role));
        var sectionIds = p.Sections.Select(s => s.Id).ToHashSet();
        var lotIds = p.Lots.Select(l => l.Id).ToHashSet();
        var errors = new Errors()
            .Require(evaluators.Count > 0, nameof(PanelCommand.Evaluators), "Choose at least one evaluator")
            .Require(evaluators.All(e => Holds(e.UserId, Role.Evaluator)), nameof(PanelCommand.Evaluators), "Every evaluator must be a member of your organisation with the Evaluator role")
            .Require(evaluators.Select(e => e.UserId).Distinct().Count() == evaluators.Count, nameof(PanelCommand.Evaluators), "Choose each evaluator once")
            .Require(evaluators.All(e => (e.SectionIds ?? []).All(sectionIds.Contains)), nameof(PanelCommand.Evaluators), "Choose sections of this procurement's evaluation model")
            .Require(evaluators.All(e => (e.LotIds ?? []).All(lotIds.Contains)), nameof(PanelCommand.Evaluators), "Choose lots of this procurement")
            .Require(command.ModeratorUserId is { } mod && Holds(mod, Role.Evaluator, Role.ProcurementOfficer), nameof(PanelCommand.ModeratorUserId),
                "Choose a moderator: a member with the Evaluator or Procurement officer role")
            .Require(command.ModeratorUserId is not { } moderator || evaluators.All(e => e.UserId != moderator), nameof(PanelCommand.ModeratorUserId),
                "The moderator cannot also score the bids: choose someone who is not an evaluator");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        string NameOf(Guid user) => members.First(m => m.UserId == user).Name;

        var wanted = evaluators.Select(e => (e.UserId, Role: PanelRole.Evaluator, Sections: e.SectionIds ?? [], Lots: e.LotIds ?? []))
            .Append((UserId: command.ModeratorUserId!.Value, Role: PanelRole.Moderator, Sections: new List<Guid>(), Lots: new List<Guid>()))
            .ToList();
        foreach (var gone in state.Panel.Where(m => !wanted.Any(w => w.UserId == m.UserId && w.Role == m.Role)))
        {
            if (gone.ScoresSubmittedAt is not null)
            {
                return new Errors().Add(nameof(PanelCommand.Evaluators), $"{gone.DisplayName} has submitted their scores and must stay on the panel");
            }
            db.PanelMembers.Remove(gone);
        }
        foreach (var (userId, role, sections, lots) in wanted)
        {
            var member = state.Member(userId, role);
            if (member is null)
            {
                db.PanelMembers.Add(new PanelMember { ProcurementId = p.Id, UserId = userId, DisplayName = NameOf(userId), Role = role, SectionIds = sections, LotIds = lots });
            }
            else
            {
                member.SectionIds = sections;
                member.LotIds = lots;
            }
        }
        p.EvaluationDeadline = command.EvaluationDeadline?.UtcDateTime;
        if (p.State == ProcurementState.Opened)
        {
            var started = ProcurementLifecycle.StartEvaluation(p, actor);
            if (!started.Succeeded)
            {
                return EvaluationRules.FromTransition(started);
            }
            audit.Record("procurement.evaluation_started", nameof(Procurement), p.Id, $"{p.Reference}: {started.From} → {started.To}");
        }
        audit.Record("evaluation.panel_appointed", nameof(Procurement), p.Id,
            $"{p.Reference}: evaluators {string.Join(", ", evaluators.Select(e => NameOf(e.UserId) + LotsOf(p, e.LotIds)))}; moderator {NameOf(command.ModeratorUserId!.Value)}"
            + (p.EvaluationDeadline is { } due ? $"; scores due {UkTime.FormatDeadline(due)}" : ""));
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<PanelMember>>.Ok(await db.PanelMembers.AsNoTracking().Where(m => m.ProcurementId == p.Id).OrderBy(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct));
    }

    private static string LotsOf(Procurement p, List<Guid>? lotIds) =>
        lotIds is { Count: > 0 } ? $" (lot {string.Join(", ", p.Lots.Where(l => lotIds.Contains(l.Id)).OrderBy(l => l.Number).Select(l => l.Number))})" : "";
}
