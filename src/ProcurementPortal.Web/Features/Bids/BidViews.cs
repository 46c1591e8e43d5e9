using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Bids;

public sealed record BidLotView(Guid Id, int Number, string Name, string? Area, bool Chosen);

public sealed record BidAnswerView(Guid QuestionId, string Label, string Section, string Question, string Type, int? WordLimit, string? Answer, int Words,
    string AttachmentRule);

/// <summary>A file attached to the draft (the question it supports, or none for a supporting document), with the SHA-256 of its plain bytes.</summary>
public sealed record BidAttachmentView(Guid Id, Guid? QuestionId, string FileName, string ContentType, long SizeBytes, string Sha256, DateTimeOffset UploadedAt);

public sealed record BidBandPriceView(Guid BandId, string Code, string Name, string Unit, decimal? CeilingRate, decimal ExpectedAnnualVolume,
    decimal? Rate, bool AboveCeiling, decimal? EvaluatedPrice);

public sealed record BidLotPriceView(Guid LotId, string Name, IReadOnlyList<BidBandPriceView> Bands, decimal EvaluatedPrice);

/// <summary>A receipt: the number, the database's receipt time to the second in UTC and in UK time, and the SHA-256 of the sealed bid.</summary>
public sealed record BidReceipt(string ReceiptNumber, Guid BidId, Guid VersionId, int Version, DateTimeOffset ReceivedAtUtc, DateTimeOffset ReceivedAtUk,
    string ReceivedAtUkText, string Sha256);

/// <summary>The provider's own bid as its people and its API see it (never shown to officers).</summary>
public sealed record BidView(
    Guid Id, Guid ProcurementId, string ProcurementReference, string ProcurementTitle, Guid ProviderId, string ProviderName,
    string Status, uint RowVersion, DateTimeOffset SubmissionDeadline, string SubmissionDeadlineText, string CeilingBreachRule,
    IReadOnlyList<BidLotView> Lots, IReadOnlyList<BidAnswerView> Answers, IReadOnlyList<BidLotPriceView> Prices, decimal EvaluatedTotal,
    IReadOnlyList<BidAttachmentView> Attachments, BidDeclarations Declarations, BidReceipt? CurrentReceipt, IReadOnlyList<BidProblem> Problems);

public static class BidViews
{
    public static BidView From(BidScope scope, IReadOnlyList<BidVersion> versions)
    {
        var (p, content) = (scope.Procurement, scope.Content);
        var bid = scope.Bid!;
        var prices = BidRules.Price(p, content);
        var current = versions.FirstOrDefault(v => v.Id == bid.CurrentVersionId);
        return new BidView(
            bid.Id, p.Id, p.Reference, p.Title, scope.Provider.Id, scope.Provider.Name, bid.Status.ToString(), bid.RowVersion,
            Utc(p.SubmissionDeadline!.Value), UkTime.FormatDeadline(p.SubmissionDeadline.Value), p.CeilingBreachRule.ToString(),
            p.Lots.OrderBy(l => l.Number).Select(l => new BidLotView(l.Id, l.Number, l.Name, l.Area, content.LotIds.Contains(l.Id))).ToList(),
            BidRules.ApplicableQuestions(p, content.LotIds).Select(x =>
            {
                var answer = content.Answers.GetValueOrDefault(x.Question.Id);
                return new BidAnswerView(x.Question.Id, BidRules.QuestionLabel(x.Section, x.Question), x.Section.Title, x.Question.Text,
                    x.Question.Type.ToString(), x.Question.WordLimit, answer, BidRules.CountWords(answer), x.Question.Attachments.ToString());
            }).ToList(),
            prices.Select(l => new BidLotPriceView(l.Lot.Id, l.Lot.Name,
                l.Bands.Select(b => new BidBandPriceView(b.Band.Id, b.Band.Code, b.Band.Name, b.Band.Unit.ToString(), b.Band.CeilingRate,
                    b.Band.ExpectedAnnualVolume, b.Rate, b.AboveCeiling, b.EvaluatedPrice)).ToList(), l.EvaluatedPrice)).ToList(),
            prices.Sum(l => l.EvaluatedPrice),
            scope.Attachments.Select(Attachment).ToList(),
            content.Declarations,
            current is null ? null : Receipt(current),
            BidRules.Problems(p, content, scope.AttachedTo));
    }

    public static BidAttachmentView Attachment(BidAttachment a) =>
        new(a.Id, a.QuestionId, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, Utc(a.UploadedAt));

    public static BidReceipt Receipt(BidVersion v)
    {
        var utc = DateTime.SpecifyKind(v.ReceivedAt, DateTimeKind.Utc);
        var second = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        var uk = TimeZoneInfo.ConvertTime(new DateTimeOffset(second), UkTime.London);
        return new BidReceipt(v.ReceiptNumber, v.BidId, v.Id, v.Number, new DateTimeOffset(second), uk, FormatToSecond(utc), v.ContentHash);
    }

    /// <summary>"15:04:05 on 25 November 2026 (GMT)": a receipt or deadline time to the second, in UK time.</summary>
    public static string FormatToSecond(DateTime utc)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var uk = UkTime.ToUk(utc);
        var zone = UkTime.London.IsDaylightSavingTime(utc) ? "BST" : "GMT";
        return $"{uk.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} on {uk.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} ({zone})";
    }

    private static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
