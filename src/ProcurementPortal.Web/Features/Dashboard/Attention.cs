using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Jobs;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Dashboard;

/// <summary>
/// One thing a person has to do, with the page that does it and, when it has one, the date by which it is due.
/// <c>Kind</c> is a stable code for API clients: clarifications, opening, letters, standstill, scores, moderation,
/// award-approval, report-approval, report-returned, bid-deadline, letter, package-request, package-placed, reopening-due,
/// market-application.
/// </summary>
public sealed record AttentionItem(Role Role, string Kind, string Text, string Href, DateTimeOffset? Due)
{
    /// <summary>The due date as the page shows it (Europe/London), or empty.</summary>
    public string DueText => Due is { } due ? UkTime.FormatDeadline(due.UtcDateTime) : "";
}

/// <summary>What needs the signed-in person's attention in one tenant, for each role they hold there; soonest due first.</summary>
public sealed class TenantAttention(PortalDbContext db, IActor actor)
{
    private static readonly ProcurementState[] Scoring = [ProcurementState.Opened, ProcurementState.Evaluation];

    public async Task<IReadOnlyList<AttentionItem>> ForAsync(TenantMembership membership, CancellationToken ct)
    {
        var items = new List<AttentionItem>();
        var slug = membership.Slug;
        if (membership.Roles.Contains(Role.ProcurementOfficer))
        {
            items.AddRange(await OfficerAsync(slug, ct));
        }
        if (membership.Roles.Contains(Role.Evaluator) || membership.Roles.Contains(Role.ProcurementOfficer))
        {
            items.AddRange(await PanelAsync(slug, ct));
        }
        if (membership.Roles.Contains(Role.Approver))
        {
            items.AddRange(await ApproverAsync(slug, ct));
        }
        return Ordered(items);
    }

    /// <summary>Due items first, soonest first; then the rest in the order found.</summary>
    public static IReadOnlyList<AttentionItem> Ordered(IEnumerable<AttentionItem> items) =>
        items.Select((item, index) => (item, index))
            .OrderBy(x => x.item.Due is null).ThenBy(x => x.item.Due).ThenBy(x => x.index)
            .Select(x => x.item).ToList();

    private async Task<List<AttentionItem>> OfficerAsync(string slug, CancellationToken ct)
    {
        var items = new List<AttentionItem>();
        var questions = await db.Clarifications.AsNoTracking()
            .Where(c => c.PublishedAt == null && c.AskedByProviderId != null)
            .GroupBy(c => c.ProcurementId)
            .Select(g => new { ProcurementId = g.Key, Count = g.Count() })
            .Join(db.Procurements, g => g.ProcurementId, p => p.Id, (g, p) => new { g.Count, p.Id, p.Reference, p.Title, p.ClarificationDeadline, p.State })
            .Where(x => x.State == ProcurementState.TenderOpen || x.State == ProcurementState.MarketEngagement)
            .OrderBy(x => x.Reference)
            .ToListAsync(ct);
        items.AddRange(questions.Select(q => new AttentionItem(Role.ProcurementOfficer, "clarifications",
            $"{q.Count} clarification {(q.Count == 1 ? "question" : "questions")} to answer: {q.Reference} {q.Title}",
            $"/{slug}/procurements/{q.Id}/clarifications", Utc(q.ClarificationDeadline))));

        var me = actor.UserId;
        var toOpen = await db.Procurements.AsNoTracking()
            .Where(p => p.State == ProcurementState.SubmissionsClosed)
            .OrderBy(p => p.SubmissionDeadline)
            .Select(p => new
            {
                p.Id, p.Reference, p.Title, p.SubmissionDeadline,
                ConfirmedByMe = db.BidOpenings.Any(o => o.ProcurementId == p.Id && (o.FirstOfficerUserId == me || o.SecondOfficerUserId == me)),
            })
            .ToListAsync(ct);
        items.AddRange(toOpen.Select(p => new AttentionItem(Role.ProcurementOfficer, "opening",
            p.ConfirmedByMe
                ? $"Bids waiting for a second officer to open them: {p.Reference} {p.Title}"
                : $"Bids to open (submissions closed {UkTime.Format(p.SubmissionDeadline!.Value)}): {p.Reference} {p.Title}",
            $"/{slug}/procurements/{p.Id}/opening", null)));

        var awards = await db.Procurements.AsNoTracking()
            .Where(p => p.State == ProcurementState.AwardApproved || p.State == ProcurementState.Standstill)
            .OrderBy(p => p.Reference)
            .Select(p => new { p.Id, p.Reference, p.Title, p.State, StandstillEndsAt = db.Awards.Where(a => a.ProcurementId == p.Id).Select(a => a.StandstillEndsAt).FirstOrDefault() })
            .ToListAsync(ct);
        items.AddRange(awards.Select(a => a.State == ProcurementState.AwardApproved
            ? new AttentionItem(Role.ProcurementOfficer, "letters", $"Award approved, letters to send: {a.Reference} {a.Title}", $"/{slug}/procurements/{a.Id}/award", null)
            : new AttentionItem(Role.ProcurementOfficer, "standstill", $"Standstill ends, then the contracts can be entered into: {a.Reference} {a.Title}",
                $"/{slug}/procurements/{a.Id}/award", Utc(a.StandstillEndsAt))));

        var returned = await db.DecisionReports.AsNoTracking()
            .Where(r => r.Status == DecisionReportStatus.Rejected && r.AuthorUserId == me)
            .OrderBy(r => r.Title)
            .Select(r => new { r.Id, r.Title })
            .ToListAsync(ct);
        items.AddRange(returned.Select(r => new AttentionItem(Role.ProcurementOfficer, "report-returned",
            $"Decision report returned by the approver: {r.Title}", $"/{slug}/decision-reports/{r.Id}", null)));
        items.AddRange(await Schemes.SchemeAttention.ForAsync(db, slug, ct));
        return items;
    }

    private async Task<List<AttentionItem>> PanelAsync(string slug, CancellationToken ct)
    {
        var me = actor.UserId;
        var seats = await db.PanelMembers.AsNoTracking()
            .Where(m => m.UserId == me)
            .Join(db.Procurements, m => m.ProcurementId, p => p.Id, (m, p) => new { m.Role, m.ScoresSubmittedAt, p.Id, p.Reference, p.Title, p.State, p.EvaluationDeadline })
            .Where(x => (x.Role == PanelRole.Evaluator && x.ScoresSubmittedAt == null && Scoring.Contains(x.State))
                        || (x.Role == PanelRole.Moderator && x.State == ProcurementState.Moderation))
            .OrderBy(x => x.Reference)
            .ToListAsync(ct);
        return seats.Select(s => s.Role == PanelRole.Evaluator
            ? new AttentionItem(Role.Evaluator, "scores", $"Scores due: {s.Reference} {s.Title}", $"/{slug}/procurements/{s.Id}/evaluation", Utc(s.EvaluationDeadline))
            : new AttentionItem(Role.Evaluator, "moderation", $"Moderation to complete: {s.Reference} {s.Title}", $"/{slug}/procurements/{s.Id}/evaluation/moderation", Utc(s.EvaluationDeadline)))
            .ToList();
    }

    private async Task<List<AttentionItem>> ApproverAsync(string slug, CancellationToken ct)
    {
        var awards = await db.Procurements.AsNoTracking()
            .Where(p => p.State == ProcurementState.AwardRecommended)
            .OrderBy(p => p.Reference)
            .Select(p => new { p.Id, p.Reference, p.Title })
            .ToListAsync(ct);
        var reports = await db.DecisionReports.AsNoTracking()
            .Where(r => r.Status == DecisionReportStatus.InReview)
            .OrderBy(r => r.Title)
            .Select(r => new { r.Id, r.Title })
            .ToListAsync(ct);
        return awards.Select(a => new AttentionItem(Role.Approver, "award-approval", $"Award recommendation waiting for your decision: {a.Reference} {a.Title}",
                $"/{slug}/procurements/{a.Id}/award/decision", null))
            .Concat(reports.Select(r => new AttentionItem(Role.Approver, "report-approval", $"Decision report waiting for approval: {r.Title}",
                $"/{slug}/decision-reports/{r.Id}", null)))
            .ToList();
    }

    internal static DateTimeOffset? Utc(DateTime? utc) => utc is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}

/// <summary>
/// What needs a provider's attention across every commissioning body: its bids still in draft with their deadlines,
/// the award letters of the last 60 days, and package requests open to it and its placements. Each tenant is read in a unit of work of its own, as the letter inbox
/// does (ADR 020); null when the caller does not belong to the provider (404).
/// </summary>
public sealed class ProviderAttention(IServiceScopeFactory scopes, PortalDbContext db, Providers.ProviderAccess access, TimeProvider clock)
{
    public static readonly TimeSpan RecentLetters = TimeSpan.FromDays(60);

    public async Task<IReadOnlyList<AttentionItem>?> ForAsync(Guid providerId, CancellationToken ct)
    {
        if ((await access.RolesAsync(providerId, ct)).Count == 0)
        {
            return null;
        }
        var tenants = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.CommissioningBody)
            .Select(o => new { o.Id, o.Slug })
            .ToListAsync(ct);
        var since = clock.GetUtcNow().UtcDateTime - RecentLetters;
        var items = new List<AttentionItem>();
        foreach (var tenant in tenants)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TenantJobScope>().EnterAsync(tenant.Id, ct);
            var tenantDb = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var drafts = await tenantDb.Bids.AsNoTracking()
                .Where(b => b.ProviderId == providerId && b.Status == BidStatus.Draft)
                .Join(tenantDb.Procurements, b => b.ProcurementId, p => p.Id, (b, p) => new { p.Id, p.Reference, p.Title, p.State, p.SubmissionDeadline })
                .Where(x => x.State == ProcurementState.TenderOpen)
                .ToListAsync(ct);
            items.AddRange(drafts.Select(d => new AttentionItem(Role.BidWriter, "bid-deadline", $"Bid not yet submitted: {d.Reference} {d.Title}",
                $"/{tenant.Slug}/opportunities/{d.Id}/bid?providerId={providerId}", TenantAttention.Utc(d.SubmissionDeadline))));
            var letters = await tenantDb.AwardLetters.AsNoTracking()
                .Where(l => l.ProviderId == providerId && l.CreatedAt >= since)
                .Join(tenantDb.Procurements, l => l.ProcurementId, p => p.Id, (l, p) => new { l.Id, l.ProcurementId, l.Successful, l.CreatedAt, p.Reference, p.Title })
                .OrderByDescending(l => l.CreatedAt)
                .ToListAsync(ct);
            items.AddRange(letters.Select(l => new AttentionItem(Role.BidWriter, "letter",
                $"{(l.Successful ? "Award letter" : "Outcome letter")} received {UkTime.Format(l.CreatedAt)}: {l.Reference} {l.Title}",
                $"/{tenant.Slug}/opportunities/{l.ProcurementId}/letters/{l.Id}", null)));
            items.AddRange(await Brokerage.ProviderPackageAttention.ForAsync(tenantDb, tenant.Slug!, providerId, clock.GetUtcNow().UtcDateTime, since, ct));
            items.AddRange(await MiniCompetitions.ProviderMiniCompetitionAttention.ForAsync(tenantDb, tenant.Slug!, providerId, clock.GetUtcNow().UtcDateTime, ct));
        }
        return TenantAttention.Ordered(items);
    }
}
