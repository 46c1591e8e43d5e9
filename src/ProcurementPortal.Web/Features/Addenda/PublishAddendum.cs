using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Addenda;

/// <summary>
/// Publishes a draft addendum in one transaction (issue: tender building, item 8): its later deadlines replace the
/// procurement's for every bidder alike, its documents become visible, it is audited, and every interested provider
/// is emailed once. Lots, bands and the evaluation model are not touched. The close-of-submissions job scheduled
/// for the old deadline re-reads the deadline when it fires and schedules itself again for the new one.
/// </summary>
public sealed class PublishAddendumHandler(PortalDbContext db, AuditLog audit, EmailOutbox outbox, ITenantContext tenant, IOptions<PortalOptions> options)
{
    public async Task<Outcome<Addendum>> HandleAsync(Guid procurementId, Guid addendumId, CancellationToken ct)
    {
        var procurement = await db.Procurements.SingleOrDefaultAsync(p => p.Id == procurementId, ct);
        var addendum = procurement is null ? null : await db.Addenda.SingleOrDefaultAsync(a => a.Id == addendumId && a.ProcurementId == procurementId, ct);
        if (procurement is null || addendum is null)
        {
            return Outcome<Addendum>.NotFound();
        }
        var now = await db.DatabaseNowAsync(ct);
        var errors = new Errors().Require(!addendum.IsPublished, "State", $"Addendum {addendum.Number} has already been published");
        if (errors.IsEmpty)
        {
            AddendumRules.Check(procurement, addendum.NewSubmissionDeadline, addendum.NewClarificationDeadline, now, errors);
        }
        if (!errors.IsEmpty)
        {
            return errors;
        }

        addendum.PreviousSubmissionDeadline = procurement.SubmissionDeadline;
        addendum.PreviousClarificationDeadline = procurement.ClarificationDeadline;
        procurement.SubmissionDeadline = addendum.NewSubmissionDeadline ?? procurement.SubmissionDeadline;
        procurement.ClarificationDeadline = addendum.NewClarificationDeadline ?? procurement.ClarificationDeadline;
        addendum.PublishedAt = now;

        var documents = await db.TenderDocumentVersions.AsNoTracking()
            .Where(v => v.AddendumId == addendum.Id)
            .Join(db.TenderDocuments, v => v.DocumentId, d => d.Id, (v, d) => new { d.Title, v.Number, v.FileName })
            .OrderBy(x => x.Title)
            .ToListAsync(ct);
        var recipients = await db.ProcurementInterests.AsNoTracking()
            .Where(i => i.ProcurementId == procurement.Id)
            .Select(i => i.ContactEmail)
            .ToListAsync(ct);
        var distinct = recipients.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var email in distinct)
        {
            outbox.Enqueue(email, "addendum-published", new
            {
                TenantName = tenant.TenantName,
                procurement.Reference,
                procurement.Title,
                addendum.Number,
                AddendumTitle = addendum.Title,
                addendum.Text,
                SubmissionDeadline = addendum.NewSubmissionDeadline is { } s ? TenderTimes.Deadline(s) : null,
                ClarificationDeadline = addendum.NewClarificationDeadline is { } c ? TenderTimes.Deadline(c) : null,
                Documents = documents.Select(d => $"{d.Title} (version {d.Number}, {d.FileName})").ToList(),
                Link = $"{options.Value.BaseUrl.TrimEnd('/')}/{tenant.Slug}/opportunities/{procurement.Id}",
            });
        }
        audit.Record("addendum.published", nameof(Addendum), addendum.Id,
            $"{procurement.Reference} addendum {addendum.Number}: {addendum.Title}"
            + (addendum.NewSubmissionDeadline is { } moved ? $"; submission deadline {addendum.PreviousSubmissionDeadline:u} → {moved:u}" : "")
            + (addendum.NewClarificationDeadline is { } movedQ ? $"; clarification deadline {addendum.PreviousClarificationDeadline:u} → {movedQ:u}" : "")
            + $"; {documents.Count} document(s); sent to {distinct.Count} interested provider(s)");
        // The procurement's row version makes a concurrent change (another addendum, the close) fail here, not interleave.
        await db.SaveChangesAsync(ct);
        return Outcome<Addendum>.Ok(addendum);
    }
}
