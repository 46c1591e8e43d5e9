using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Core.Email;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Notices;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>A submission or withdrawal that reached the portal after the deadline: refused, the draft kept.</summary>
public sealed record LateBid(DateTimeOffset Deadline, DateTimeOffset ReceivedAt, string Message);

public static class LateBidProblems
{
    /// <summary>The API's answer to something that arrived after its deadline: 422 problem details with both times.</summary>
    public static Microsoft.AspNetCore.Mvc.ObjectResult LateProblem(this Microsoft.AspNetCore.Mvc.ControllerBase controller, LateBid late, string title)
    {
        var problem = controller.ProblemDetailsFactory.CreateProblemDetails(controller.HttpContext, StatusCodes.Status422UnprocessableEntity, title, detail: late.Message);
        problem.Extensions["deadline"] = late.Deadline;
        problem.Extensions["receivedAt"] = late.ReceivedAt;
        return new Microsoft.AspNetCore.Mvc.ObjectResult(problem) { StatusCode = StatusCodes.Status422UnprocessableEntity, ContentTypes = { "application/problem+json" } };
    }
}

/// <summary>The receipt (new, or the same one again for a retry with the same key), or the late refusal.</summary>
public sealed record SubmitOutcome(BidReceipt? Receipt, bool Replayed, LateBid? Late);

/// <summary>
/// Seals and submits the provider's bid in one transaction: the procurement row is held in share mode from the
/// transaction's first statement (so the close, an extension or the opening cannot interleave, while other providers'
/// submissions run beside it), the deadline is judged by the database clock at the start of the transaction, and the
/// canonical content, its SHA-256, the receipt, the audit event and the emails commit together or not at all.
/// ARCHITECTURE.md: "The deadline is enforced inside the submission transaction against the database clock".
/// </summary>
public sealed partial class SubmitBid(
    PortalDbContext db, BidWorkspace workspace, BidProtector protector, AuditLog audit, EmailOutbox outbox, IActor actor,
    IBidSubmissionObserver observer, ITenantContext tenant, IOptions<PortalOptions> options)
{
    public async Task<Outcome<SubmitOutcome>> HandleAsync(Guid procurementId, Guid? providerId, string? idempotencyKey, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(procurementId, providerId, ct, withAttachments: false);
        if (scope?.Bid is not { } bid)
        {
            return Outcome<SubmitOutcome>.NotFound();
        }
        if (string.IsNullOrWhiteSpace(idempotencyKey) || !IdempotencyKeyFormat().IsMatch(idempotencyKey))
        {
            return new Errors().Add("IdempotencyKey", "Send an Idempotency-Key of 8 to 100 letters, digits, '-', '_', '.' or ':'");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Nothing here carries on after a failed save: the whole transaction rolls back, so no savepoint around it.
        db.Database.AutoSavepointsEnabled = false;
        // One round trip (ADR 036): the procurement row in share mode and the database clock at the start of the
        // transaction, first — that moment is when the bid reached the portal, however long it then waits (for a
        // colleague's save of the draft, or for the audit chain); submissions of different providers share the row and
        // run side by side, while the close, an extension and the opening update it, so they wait for every submission
        // in flight and a submission that comes after them sees their change (docs/adr/021). Then the provider's own bid
        // row, locked: its submissions and a colleague's save wait for one another. Then, under that lock, the versions
        // sealed so far, the draft's attachments and who is told of the receipt.
        var reads = await SubmissionReads.ReadAsync(db,
            new SubmissionReads.For(tenant.TenantId!.Value, scope.Provider.Id, procurementId, bid.Id, actor.UserId!.Value, idempotencyKey), ct)
            ?? throw new InvalidOperationException($"Procurement {procurementId} or bid {bid.Id} was not found under its lock.");
        var (window, sealedSoFar) = (reads.Window, reads.Sealed);
        var content = scope.Content;
        if (reads.BidRowVersion != bid.RowVersion)
        {
            // The draft changed after the workspace read it (a colleague saved it): read the row again, under the lock
            // this transaction now holds, so that the draft sealed is the one locked.
            db.Entry(bid).State = EntityState.Detached;
            bid = await LockBid(db, bid.Id, ct) ?? throw new InvalidOperationException($"Bid {bid.Id} was not found under its lock.");
            content = protector.UnprotectDraft(procurementId, bid.DraftContent);
        }
        if (sealedSoFar.Any(v => v.SameKey))
        {
            var earlier = await db.BidVersions.AsNoTracking().SingleAsync(v => v.BidId == bid.Id && v.IdempotencyKey == idempotencyKey, ct);
            return Outcome<SubmitOutcome>.Ok(new SubmitOutcome(BidViews.Receipt(earlier), true, null));
        }
        if (window.Late("Your bid", "Your draft has been kept.") is { } late)
        {
            return Outcome<SubmitOutcome>.Ok(new SubmitOutcome(null, false, late));
        }
        if (window.State != ProcurementState.TenderOpen)
        {
            return new Errors().Add("Bid", "The tender is not open for bids");
        }
        var files = reads.Attachments;
        var problems = BidRules.Problems(scope.Procurement, content, files.Select(f => f.QuestionId).ToList());
        if (problems.Count > 0)
        {
            var errors = new Errors();
            problems.ForEach(p => errors.Add(p.Field, p.Message));
            return errors;
        }
        var canonical = SealedBid.Canonical(scope.Procurement, scope.Provider.Id, content, files);
        var versionNumber = sealedSoFar.Select(v => v.Number).DefaultIfEmpty().Max() + 1;
        var version = new BidVersion
        {
            BidId = bid.Id,
            ProcurementId = procurementId,
            Number = versionNumber,
            ReceiptNumber = BidReceiptNumbers.New(scope.Procurement.Reference),
            ReceivedAt = window.Now,
            SubmittedByUserId = actor.UserId!.Value,
            SealedContent = protector.Protect(procurementId, canonical),
            ContentHash = SealedBid.Hash(canonical),
            IdempotencyKey = idempotencyKey,
        };
        db.BidVersions.Add(version);
        var replaced = bid.CurrentVersionId is not null;
        bid.Status = BidStatus.Submitted;
        bid.CurrentVersionId = version.Id;
        bid.WithdrawnAt = null;
        var receipt = BidViews.Receipt(version);
        Enqueue(scope, Recipients.Of(reads.People, actor.UserId!.Value), ReceiptEmail, ReceiptDetails(receipt, replaced,
            $"{options.Value.BaseUrl.TrimEnd('/')}{BidReceiptPdf.Path(tenant.Slug!, procurementId, scope.Provider.Id, version.Id)}"));
        audit.RecordWithoutActor(StartBid.SealedActor, replaced ? "bid.replaced" : "bid.submitted", nameof(Bid), bid.Id,
            $"{scope.Procurement.Reference} receipt {version.ReceiptNumber}, SHA-256 {version.ContentHash}");
        await db.SaveChangesAsync(ct);
        await observer.SealedAsync(version, ct);
        await tx.CommitAsync(ct);
        return Outcome<SubmitOutcome>.Ok(new SubmitOutcome(receipt, false, null));
    }

    /// <summary>Queues a confirmation to the person acting and to the provider's admins.</summary>
    internal async Task EmailAsync(BidScope scope, string template, object details, CancellationToken ct) =>
        Enqueue(scope, await RecipientsAsync(scope, ct), template, details);

    private sealed record Recipients(string ActedBy, IReadOnlyList<string> Emails)
    {
        /// <summary>The person acting (by name, or email when they have none) and the emails to send to, once each.</summary>
        public static Recipients Of(IReadOnlyList<SubmissionPerson> people, Guid userId)
        {
            var person = people.Single(p => p.Id == userId);
            var admins = people.Where(p => p.Id != userId).Select(p => p.Email);
            return new Recipients(string.IsNullOrWhiteSpace(person.DisplayName) ? person.Email : person.DisplayName,
                admins.Prepend(person.Email).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }
    }

    /// <summary>The person acting and the provider's admins, once each.</summary>
    private async Task<Recipients> RecipientsAsync(BidScope scope, CancellationToken ct)
    {
        // The person and the provider's admins in one query.
        var userId = actor.UserId!.Value;
        return Recipients.Of(await People(db, userId, scope.Provider.Id).ToListAsync(ct), userId);
    }

    private void Enqueue(BidScope scope, Recipients recipients, string template, object details)
    {
        foreach (var to in recipients.Emails)
        {
            outbox.Enqueue(to, template, EmailModel(scope.Provider.Name, scope.Procurement.Reference, scope.Procurement.Title, recipients.ActedBy, details));
        }
    }

    private const string ReceiptEmail = "bid-submitted";

    private static object EmailModel(string providerName, string reference, string title, string actedBy, object details) =>
        new { ProviderName = providerName, Reference = reference, Title = title, ActedBy = actedBy, Details = details };

    private static object ReceiptDetails(BidReceipt receipt, bool replaced, string pdfLink) => new
    {
        receipt.ReceiptNumber,
        ReceivedAt = receipt.ReceivedAtUkText,
        ReceivedAtUtc = receipt.ReceivedAtUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'"),
        receipt.Sha256,
        Replaced = replaced,
        PdfLink = pdfLink,
    };

    /// <summary>
    /// Renders the receipt email once with a model of the very types every submission renders it with: the template
    /// engine learns how to read each model type the first time it meets it, and a node should do that before a rush
    /// rather than in 200 requests at once (<see cref="WarmUp"/>).
    /// </summary>
    internal static RenderedEmail PrepareReceiptEmail(EmailTemplates templates)
    {
        var now = DateTimeOffset.UnixEpoch;
        var receipt = new BidReceipt("REF-R23456789", Guid.Empty, Guid.Empty, 1, now, now, BidViews.FormatToSecond(now.UtcDateTime), new string('0', 64));
        return templates.Render(ReceiptEmail, EmailModel("Provider", "REF", "Title", "Bid writer", ReceiptDetails(receipt, true, "https://portal.invalid/receipt.pdf")));
    }

    private static Task<Bid?> LockBid(PortalDbContext db, Guid bidId, CancellationToken ct) =>
        db.Bids.FromSql($"select b.*, b.xmin from bids b where b.id = {bidId} for update").SingleOrDefaultAsync(ct);

    /// <summary>
    /// Sends the submission's batch once, and the queries EF Core compiles for a submission whose draft changed under it
    /// and for the receipt's people, for ids that match nothing (and with no tenant set, so row-level security hides
    /// every row anyway): Npgsql and EF Core prepare what they send the first time, and a node should do that before a
    /// rush rather than in 200 requests at once (<see cref="WarmUp"/>).
    /// </summary>
    internal static async Task PrepareQueriesAsync(PortalDbContext db, CancellationToken ct)
    {
        await SubmissionReads.ReadAsync(db, new SubmissionReads.For(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, nameof(PrepareQueriesAsync)), ct);
        await LockBid(db, Guid.Empty, ct);
        await People(db, Guid.Empty, Guid.Empty).ToListAsync(ct);
    }

    /// <summary>What <see cref="PrepareCodeAsync"/> ran: the handler's answer for nobody, and a made-up bid sealed.</summary>
    internal sealed record PreparedCode(bool HandlerFoundNothing, IReadOnlyList<BidProblem> Problems, byte[] Canonical, BidReceipt Receipt, string Late);

    /// <summary>
    /// Runs the submission's own code once before a node listens (ADR 037): the runtime compiles each method the first
    /// time it is called, and the first burst of a deadline rush spent about an eighth of the web process's CPU
    /// compiling the submission's methods (the handler's state machine the largest of them) while 200 requests waited.
    /// The handler runs for nobody (no person is signed in, so it ends at the provider check, sending no SQL); its
    /// steps after the checks run on a made-up tender of one lot, one band and one question, in memory only.
    /// </summary>
    internal static async Task<PreparedCode> PrepareCodeAsync(IServiceProvider services, CancellationToken ct)
    {
        var outcome = await services.GetRequiredService<SubmitBid>().HandleAsync(Guid.Empty, null, nameof(PrepareCodeAsync), ct);
        var band = new FeeBand { Code = "A", Name = "Band A", CeilingRate = 30m, ExpectedAnnualVolume = 1m };
        var lot = new Lot { Number = 1, Name = "Lot 1", Bands = [band] };
        var question = new EvaluationQuestion { Number = 1, Text = "Question", Attachments = AttachmentRule.Allowed };
        var procurement = new Procurement
        {
            Reference = "REF", Title = "Tender", Lots = [lot],
            Sections = [new EvaluationSection { Number = 1, Title = "Quality", Questions = [question] }],
        };
        var content = new BidContent
        {
            LotIds = [lot.Id], Answers = { [question.Id] = "Answer" }, Rates = { [band.Id] = 20m },
            Declarations = { CqcRegistrationNumber = "1-101234567", EmployersLiabilityCover = 1m, PublicLiabilityCover = 1m, ConflictsOfInterest = "None" },
        };
        AttachmentHash[] files = [new("file.pdf", new string('0', 64), question.Id)];
        var problems = BidRules.Problems(procurement, content, files.Select(f => f.QuestionId).ToList());
        var canonical = SealedBid.Canonical(procurement, Guid.Empty, content, files);
        var version = new BidVersion
        {
            ReceiptNumber = BidReceiptNumbers.New(procurement.Reference), ReceivedAt = DateTime.UnixEpoch,
            ContentHash = SealedBid.Hash(canonical), IdempotencyKey = nameof(PrepareCodeAsync),
        };
        Recipients.Of([new SubmissionPerson(Guid.Empty, "nobody@portal.invalid", null)], Guid.Empty);
        var window = new SubmissionWindow(ProcurementState.TenderOpen, DateTime.UnixEpoch, DateTime.UnixEpoch);
        return new PreparedCode(outcome.IsNotFound, problems, canonical, BidViews.Receipt(version),
            window.Late("Your bid", "Your draft has been kept.")?.Message ?? "");
    }

    private static readonly Func<PortalDbContext, Guid?, Guid, IAsyncEnumerable<SubmissionPerson>> People =
        EF.CompileAsyncQuery((PortalDbContext db, Guid? userId, Guid providerId) => db.Users.AsNoTracking()
            .Where(u => u.Id == userId || db.Memberships.Any(m => m.UserId == u.Id && m.OrganisationId == providerId && m.Role == Role.ProviderAdmin))
            .Select(u => new SubmissionPerson(u.Id, u.Email!, u.DisplayName)));

    [GeneratedRegex("^[A-Za-z0-9_.:-]{8,100}$")]
    private static partial Regex IdempotencyKeyFormat();
}

/// <summary>
/// Receipt numbers: the tender's reference and eight random characters (no 0/O or 1/I/L). Not a count, so a receipt
/// tells nobody how many bids came before it, and no row is shared by every submission to the tender.
/// </summary>
public static class BidReceiptNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New(string reference) => $"{reference}-R{RandomNumberGenerator.GetString(Alphabet, 8)}";
}

/// <summary>
/// The procurement's state and deadline read under its row lock (share mode: submissions and withdrawals of different
/// providers do not wait for one another; whatever updates the row waits for them all), and the database clock at the
/// start of the transaction (<c>now()</c>): the moment the submission reached the portal, before any wait for a lock.
/// </summary>
internal sealed record SubmissionWindow(ProcurementState State, DateTime? Deadline, DateTime Now)
{
    private sealed record Row(string State, DateTime? Deadline, DateTime Now);

    /// <summary>Must be the transaction's first statement, so that <c>now()</c> is when this request began its transaction.</summary>
    public static async Task<SubmissionWindow> EnterAsync(PortalDbContext db, Guid procurementId, CancellationToken ct)
    {
        var row = await db.Database.SqlQuery<Row>(
            $"select state, submission_deadline as deadline, now() as now from procurements where id = {procurementId} for share")
            .SingleAsync(ct);
        return new SubmissionWindow(Enum.Parse<ProcurementState>(row.State), row.Deadline, row.Now);
    }
    /// <summary>Refused when the database clock has reached the deadline: no grace, and no extension for one bidder.</summary>
    public LateBid? Late(string what, string consequence) => Deadline is { } deadline && Now >= deadline
        ? new LateBid(Utc(deadline), Utc(Now),
            $"The deadline for bids was {BidViews.FormatToSecond(deadline)}. {what} reached the portal at {BidViews.FormatToSecond(Now)}, " +
            $"after the deadline, so it was not accepted. {consequence}")
        : null;

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
