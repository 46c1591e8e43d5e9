namespace ProcurementPortal.Core.Domain.Bids;

/// <summary>
/// A file attached to a bid: to one question (whose <c>AttachmentRule</c> allows it) or, with no question, to the
/// bid's supporting documents. The file is kept encrypted with the procurement's bid protector (never plain on disk);
/// <see cref="Sha256"/> is of the plain bytes, so that the sealed bid lists it and anyone can prove which file it was.
/// Removing one marks it removed rather than deleting it: a sealed version may name it, and must still open.
/// </summary>
public class BidAttachment : ITenantOwned, IProviderOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid BidId { get; set; }
    public Guid ProcurementId { get; set; }
    /// <summary>The question the file supports; null for the bid's supporting documents.</summary>
    public Guid? QuestionId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>Size of the plain file in bytes.</summary>
    public long SizeBytes { get; set; }
    /// <summary>SHA-256 of the plain file, lower-case hex: what the sealed bid and the receipt list.</summary>
    public required string Sha256 { get; set; }
    /// <summary>The file store's random name of the encrypted file; never shown or taken from a request.</summary>
    public required string StorageName { get; set; }
    public DateTime UploadedAt { get; set; }
    public Guid UploadedByUserId { get; set; }
    /// <summary>When it was removed from the draft; the row and the encrypted file stay for the versions that sealed it.</summary>
    public DateTime? RemovedAt { get; set; }
}
