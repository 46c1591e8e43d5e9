namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>
/// A document of a tender (specification, pricing schedule, terms). It keeps every version; the latest one that
/// providers may see is the current one. Before publishing, officers change documents freely; after publishing,
/// only through an addendum, whose versions stay hidden until the addendum is published.
/// </summary>
public class TenderDocument : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
    public List<TenderDocumentVersion> Versions { get; set; } = [];

    /// <summary>The newest version providers may see: one uploaded before publishing, or with a published addendum.</summary>
    public TenderDocumentVersion? LatestVisible(IReadOnlyCollection<Guid> publishedAddenda) =>
        Versions.Where(v => v.IsVisible(publishedAddenda)).MaxBy(v => v.Number);
}

/// <summary>One uploaded file of a document: what the upload checks found, and where the store keeps it.</summary>
public class TenderDocumentVersion : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid DocumentId { get; set; }
    /// <summary>1, 2, 3 … within the document.</summary>
    public int Number { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    /// <summary>SHA-256 of the bytes stored, lower-case hex: lets anyone prove which file they were given.</summary>
    public required string Sha256 { get; set; }
    /// <summary>The file store's random name; never shown or taken from a request.</summary>
    public required string StorageName { get; set; }
    public DateTime UploadedAt { get; set; }
    public Guid? UploadedByUserId { get; set; }
    /// <summary>The addendum that brings this version after publishing; null for versions from before.</summary>
    public Guid? AddendumId { get; set; }

    public bool IsVisible(IReadOnlyCollection<Guid> publishedAddenda) =>
        AddendumId is not { } addendum || publishedAddenda.Contains(addendum);
}
