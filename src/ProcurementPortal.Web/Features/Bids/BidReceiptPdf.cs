using System.Globalization;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Pdf;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

/// <summary>A receipt as a PDF file.</summary>
public sealed record ReceiptPdfFile(string FileName, byte[] Content);

/// <summary>
/// The receipt of one sealed version as a PDF (issue 5, item 4), drawn by the PDF engine from what was sealed: the
/// provider's own sealed content is decrypted in its own unit of work to list the lots with their evaluated prices and
/// the attachments with their hashes. The same version always gives the same document.
/// </summary>
public sealed class BidReceiptPdf(BidWorkspace workspace, BidProtector protector, PdfRenderer renderer, ITenantContext tenant)
{
    /// <summary>The page route of a receipt's PDF (the API's is the same under /api/v1/t).</summary>
    public static string Path(string slug, Guid procurementId, Guid? providerId, Guid versionId) =>
        $"/{slug}/opportunities/{procurementId}/bid/receipts/{versionId}.pdf{(providerId is { } p ? $"?providerId={p}" : "")}";

    public async Task<ReceiptPdfFile?> RenderAsync(Guid procurementId, Guid? providerId, Guid versionId, CancellationToken ct)
    {
        var scope = await workspace.OpenAsync(procurementId, providerId, ct);
        var version = scope?.Bid is { } bid ? (await workspace.VersionsAsync(bid.Id, ct)).SingleOrDefault(v => v.Id == versionId) : null;
        if (version is null)
        {
            return null;
        }
        var p = scope!.Procurement;
        var sealedBid = SealedBid.Read(protector.Unprotect(procurementId, version.SealedContent));
        var receipt = BidViews.Receipt(version);
        var questions = BidRules.ApplicableQuestions(p, sealedBid.Content.LotIds).ToDictionary(x => x.Question.Id, x => BidRules.QuestionLabel(x.Section, x.Question));
        var lots = BidRules.Price(p, sealedBid.Content);

        var blocks = new List<PdfBlock>
        {
            new PdfHeading("Bid receipt"),
            new PdfParagraph($"{tenant.TenantName} received this bid for {p.Reference} {p.Title}. The bid stays sealed until the commissioner opens the bids after the deadline."),
            new PdfKeyValueList(
            [
                new("Receipt number", receipt.ReceiptNumber),
                new("Tender", $"{p.Reference} {p.Title}"),
                new("Commissioner", tenant.TenantName ?? ""),
                new("Provider", scope.Provider.Name),
                new("Received (UK time)", receipt.ReceivedAtUkText),
                new("Received (UTC)", receipt.ReceivedAtUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)),
                new("Version", $"{version.Number}{(version.Number > 1 ? " (replaces the earlier versions)" : "")}"),
            ]),
            new PdfParagraph([new PdfTextRun("SHA-256 of the sealed bid\n", Bold: true), new PdfTextRun(receipt.Sha256)]),
            new PdfHeading("Lots and evaluated prices", 2),
            new PdfTable(
                [new PdfTableColumn("Lot", 0.65f), new PdfTableColumn("Evaluated price a year", 0.35f, PdfAlign.Right)],
                [
                    .. lots.Select(l => (IReadOnlyList<string>)[$"Lot {l.Lot.Number}: {l.Lot.Name}", Money.Format(l.EvaluatedPrice)]),
                    ["Total", Money.Format(lots.Sum(l => l.EvaluatedPrice))],
                ]),
            new PdfParagraph("The evaluated price of a lot is the sum over its bands of the rate times the expected volume a year."),
            new PdfHeading("Attachments", 2),
        };
        if (sealedBid.Attachments.Count == 0)
        {
            blocks.Add(new PdfParagraph("No files were attached."));
        }
        foreach (var file in sealedBid.Attachments)
        {
            var place = file.QuestionId is { } q && questions.TryGetValue(q, out var label) ? $"question {label}" : "supporting document";
            blocks.Add(new PdfParagraph([new PdfTextRun($"{file.FileName}", Bold: true), new PdfTextRun($" ({place})\nSHA-256 {file.Sha256}")]));
        }
        blocks.Add(new PdfParagraph("The SHA-256 of the sealed bid is computed over its canonical JSON (answers, prices, declarations and the attachments' hashes). Keep this receipt: it proves what was submitted and when."));

        var pdf = renderer.Render(new PdfDocumentModel
        {
            Title = $"Bid receipt {receipt.ReceiptNumber}",
            Author = tenant.TenantName,
            Subject = $"{p.Reference} {p.Title}",
            Created = receipt.ReceivedAtUtc,
            RunningFooter = $"Receipt {receipt.ReceiptNumber}",
            Blocks = blocks,
        });
        return new ReceiptPdfFile($"bid-receipt-{receipt.ReceiptNumber}.pdf", pdf);
    }
}
