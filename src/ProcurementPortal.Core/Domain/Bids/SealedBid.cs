using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Domain.Bids;

/// <summary>An attached file as sealed with the bid: its name, the SHA-256 of its plain bytes, and the question it supports (null: supporting documents).</summary>
public sealed record AttachmentHash(string FileName, string Sha256, Guid? QuestionId = null);

/// <summary>What a sealed bid's canonical JSON says, read back (the receipt, and anyone checking a hash).</summary>
public sealed record SealedBidContent(Guid ProcurementId, Guid ProviderId, BidContent Content, IReadOnlyList<AttachmentHash> Attachments);

/// <summary>
/// The sealed form of a bid: canonical JSON (keys in ordinal order, ids as lower-case GUIDs, money as invariant
/// decimals with two places, lists in a fixed order, no insignificant whitespace) of the chosen lots, the answers
/// that apply to them, the rates of their bands, the declarations and the attachments' hashes, so that the same bid
/// always gives the same bytes and the same SHA-256, and the hash on a receipt can be recomputed from what is stored.
/// </summary>
public static class SealedBid
{
    public const string Format = "procurementportal.bid/1";

    public static byte[] Canonical(Procurement procurement, Guid providerId, BidContent content, IReadOnlyCollection<AttachmentHash> attachments)
    {
        var lots = BidRules.ChosenLots(procurement, content.LotIds);
        var lotIds = lots.Select(l => l.Id).ToHashSet();
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("answers");
            foreach (var (_, question) in BidRules.ApplicableQuestions(procurement, lotIds)
                         .Where(x => !string.IsNullOrWhiteSpace(content.Answers.GetValueOrDefault(x.Question.Id)))
                         .OrderBy(x => Id(x.Question.Id), StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("questionId", Id(question.Id));
                json.WriteString("text", content.Answers[question.Id]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("attachments");
            foreach (var file in BidRules.ApplicableAttachments(procurement, lotIds, attachments)
                         .OrderBy(a => a.QuestionId is { } q ? Id(q) : "", StringComparer.Ordinal)
                         .ThenBy(a => a.FileName, StringComparer.Ordinal).ThenBy(a => a.Sha256, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("fileName", file.FileName);
                if (file.QuestionId is { } questionId)
                {
                    json.WriteString("questionId", Id(questionId));
                }
                else
                {
                    json.WriteNull("questionId");
                }
                json.WriteString("sha256", file.Sha256);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            var d = content.Declarations;
            json.WriteStartObject("declarations");
            json.WriteString("conflictsOfInterest", d.ConflictsOfInterest ?? "");
            json.WriteString("cqcRegistrationNumber", d.CqcRegistrationNumber ?? "");
            json.WriteString("employersLiabilityCover", Money(d.EmployersLiabilityCover));
            json.WriteString("publicLiabilityCover", Money(d.PublicLiabilityCover));
            json.WriteEndObject();
            json.WriteString("format", Format);
            json.WriteStartArray("lots");
            foreach (var id in lotIds.Select(Id).Order(StringComparer.Ordinal))
            {
                json.WriteStringValue(id);
            }
            json.WriteEndArray();
            json.WriteStartArray("prices");
            foreach (var (lot, band) in lots.SelectMany(l => l.Bands.Select(b => (l, b)))
                         .Where(x => content.Rates.ContainsKey(x.b.Id))
                         .OrderBy(x => Id(x.l.Id), StringComparer.Ordinal).ThenBy(x => Id(x.b.Id), StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("bandId", Id(band.Id));
                json.WriteString("lotId", Id(lot.Id));
                json.WriteString("rate", Money(content.Rates[band.Id]));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("procurementId", Id(procurement.Id));
            json.WriteString("providerId", Id(providerId));
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Reads canonical JSON back: the lots, answers, rates, declarations and attachments it seals.</summary>
    public static SealedBidContent Read(byte[] canonical)
    {
        var root = JsonDocument.Parse(canonical).RootElement;
        var d = root.GetProperty("declarations");
        var content = new BidContent
        {
            LotIds = root.GetProperty("lots").EnumerateArray().Select(l => l.GetGuid()).ToList(),
            Answers = root.GetProperty("answers").EnumerateArray().ToDictionary(a => a.GetProperty("questionId").GetGuid(), a => a.GetProperty("text").GetString()!),
            Rates = root.GetProperty("prices").EnumerateArray().ToDictionary(p => p.GetProperty("bandId").GetGuid(), p => ParseMoney(p.GetProperty("rate").GetString())!.Value),
            Declarations = new BidDeclarations
            {
                ConflictsOfInterest = Blank(d.GetProperty("conflictsOfInterest").GetString()),
                CqcRegistrationNumber = Blank(d.GetProperty("cqcRegistrationNumber").GetString()),
                EmployersLiabilityCover = ParseMoney(d.GetProperty("employersLiabilityCover").GetString()),
                PublicLiabilityCover = ParseMoney(d.GetProperty("publicLiabilityCover").GetString()),
            },
        };
        var attachments = root.GetProperty("attachments").EnumerateArray().Select(a => new AttachmentHash(
            a.GetProperty("fileName").GetString()!, a.GetProperty("sha256").GetString()!,
            a.TryGetProperty("questionId", out var q) && q.ValueKind == JsonValueKind.String ? q.GetGuid() : null)).ToList();
        return new SealedBidContent(root.GetProperty("procurementId").GetGuid(), root.GetProperty("providerId").GetGuid(), content, attachments);
    }

    private static decimal? ParseMoney(string? text) => string.IsNullOrEmpty(text) ? null : decimal.Parse(text, CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    /// <summary>SHA-256 of the canonical bytes, lower-case hex.</summary>
    public static string Hash(byte[] canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    private static string Id(Guid id) => id.ToString("D");

    private static string Money(decimal? amount) => amount is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "";
}
