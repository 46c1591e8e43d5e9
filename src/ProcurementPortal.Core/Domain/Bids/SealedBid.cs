using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Domain.Bids;

/// <summary>The hash of an attached file, as sealed with the bid (attachments are added by their own feature).</summary>
public sealed record AttachmentHash(string FileName, string Sha256);

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
            foreach (var file in attachments.OrderBy(a => a.FileName, StringComparer.Ordinal).ThenBy(a => a.Sha256, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("fileName", file.FileName);
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

    /// <summary>SHA-256 of the canonical bytes, lower-case hex.</summary>
    public static string Hash(byte[] canonical) => Convert.ToHexStringLower(SHA256.HashData(canonical));

    private static string Id(Guid id) => id.ToString("D");

    private static string Money(decimal? amount) => amount is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : "";
}
