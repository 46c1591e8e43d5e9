using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Users;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

/// <summary>A named evaluator from outside the organisation, by email, with the sections and lots they score (none named: all).</summary>
public sealed record ExternalEvaluatorCommand(string? Name, string? Email, List<Guid>? SectionIds = null, List<Guid>? LotIds = null);

/// <summary>Invited: an invitation was emailed; otherwise the person, already an evaluator here, joined the panel at once.</summary>
public sealed record ExternalEvaluatorResponse(string Name, string Email, bool Invited);

/// <summary>
/// Adds a named external evaluator to the panel by email (issue 6.1). A person who is already one of the
/// organisation's evaluators joins the panel at once; anyone else is sent an invitation to the Evaluator role (the
/// ordinary invitation), and joins the panel on accepting it (<see cref="JoinPanelsOnAcceptance"/>).
/// </summary>
public sealed class AddExternalEvaluatorHandler(PortalDbContext db, EvaluationLoader loader, InvitationSender invitations, AuditLog audit,
    ITenantContext tenant, TimeProvider clock)
{
    public async Task<Outcome<ExternalEvaluatorResponse>> HandleAsync(Guid procurementId, ExternalEvaluatorCommand command, CancellationToken ct)
    {
        if (await loader.LoadAsync(procurementId, ct) is not { } state)
        {
            return Outcome<ExternalEvaluatorResponse>.NotFound();
        }
        var p = state.Procurement;
        if (p.State is not (ProcurementState.Opened or ProcurementState.Evaluation))
        {
            return EvaluationRules.StateError(p.State, "change the evaluation panel");
        }
        var errors = new Errors()
            .Require(!string.IsNullOrWhiteSpace(command.Name) && command.Name.Trim().Length <= 256, nameof(command.Name), "Enter the evaluator's full name")
            .RequireEmail(command.Email, nameof(command.Email))
            .Require((command.SectionIds ?? []).All(id => p.Sections.Any(s => s.Id == id)), nameof(command.SectionIds), "Choose sections of this procurement's evaluation model")
            .Require((command.LotIds ?? []).All(id => p.Lots.Any(l => l.Id == id)), nameof(command.LotIds), "Choose lots of this procurement");
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var name = command.Name!.Trim();
        var email = command.Email!.Trim();
        var normalised = email.ToUpperInvariant();
        var roles = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganisationId == tenant.TenantId)
            .Join(db.Users.Where(u => u.NormalizedEmail == normalised), m => m.UserId, u => u.Id, (m, u) => new { m.UserId, m.Role })
            .ToListAsync(ct);
        if (roles.FirstOrDefault(r => r.Role == Role.Evaluator) is { } member)
        {
            if (state.Member(member.UserId, PanelRole.Evaluator) is not null || state.Member(member.UserId, PanelRole.Moderator) is not null)
            {
                return new Errors().Add(nameof(command.Email), $"{email} is already on this panel");
            }
            db.PanelMembers.Add(new PanelMember
            {
                ProcurementId = p.Id, UserId = member.UserId, DisplayName = name, Role = PanelRole.Evaluator,
                SectionIds = command.SectionIds ?? [], LotIds = command.LotIds ?? [],
            });
            audit.Record("evaluation.panel_member_added", nameof(Procurement), p.Id, $"{p.Reference}: {name} ({email}) added to the panel");
            await db.SaveChangesAsync(ct);
            return Outcome<ExternalEvaluatorResponse>.Ok(new ExternalEvaluatorResponse(name, email, Invited: false));
        }
        if (roles.Count > 0)
        {
            return new Errors().Add(nameof(command.Email), $"{email} is a member without the Evaluator role; give them the role, then choose them on the panel");
        }
        var lower = email.ToLowerInvariant();
        if (await db.PanelInvitations.AnyAsync(i => i.ProcurementId == p.Id && i.Email.ToLower() == lower && i.JoinedAt == null, ct))
        {
            return new Errors().Add(nameof(command.Email), $"{email} has already been invited to this panel");
        }
        var invitation = invitations.Send(email, Role.Evaluator);
        db.PanelInvitations.Add(new PanelInvitation
        {
            ProcurementId = p.Id, InvitationId = invitation.Id, Email = email, DisplayName = name,
            SectionIds = command.SectionIds ?? [], LotIds = command.LotIds ?? [], CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Record("evaluation.external_evaluator_invited", nameof(Procurement), p.Id, $"{p.Reference}: {name} ({email}) invited to the panel");
        await db.SaveChangesAsync(ct);
        return Outcome<ExternalEvaluatorResponse>.Ok(new ExternalEvaluatorResponse(name, email, Invited: true));
    }
}

/// <summary>
/// On accepting an invitation, puts the person on the panels it was sent for, inside the acceptance's unit of work.
/// A panel that can no longer change (moderation has begun) is not joined; the invitation still gives the role.
/// </summary>
public sealed class JoinPanelsOnAcceptance(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task JoinAsync(Invitation invitation, Guid userId, CancellationToken ct)
    {
        var seats = await db.PanelInvitations.Where(i => i.InvitationId == invitation.Id && i.JoinedAt == null).ToListAsync(ct);
        foreach (var seat in seats)
        {
            var procurement = await db.Procurements.AsNoTracking().Where(x => x.Id == seat.ProcurementId).Select(x => new { x.Id, x.Reference, x.State }).SingleAsync(ct);
            if (procurement.State is not (ProcurementState.Opened or ProcurementState.Evaluation))
            {
                continue;
            }
            if (!await db.PanelMembers.AnyAsync(m => m.ProcurementId == seat.ProcurementId && m.UserId == userId, ct))
            {
                db.PanelMembers.Add(new PanelMember
                {
                    ProcurementId = seat.ProcurementId, UserId = userId, DisplayName = seat.DisplayName, Role = PanelRole.Evaluator,
                    SectionIds = seat.SectionIds, LotIds = seat.LotIds,
                });
            }
            seat.JoinedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record("evaluation.panel_member_joined", nameof(Procurement), procurement.Id, $"{procurement.Reference}: {seat.DisplayName} ({seat.Email}) joined the panel");
        }
    }
}
