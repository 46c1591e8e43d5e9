namespace ProcurementPortal.Core.Domain.Procurements;

/// <summary>A provider organisation's registered interest in a published procurement: who hears of answers and addenda.</summary>
public class ProcurementInterest : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid ProviderId { get; set; }
    /// <summary>The person who registered; clarification answers and addenda are sent to them.</summary>
    public Guid RegisteredByUserId { get; set; }
    public required string ContactEmail { get; set; }
    public DateTime RegisteredAt { get; set; }
}

/// <summary>
/// A question a provider asks privately before the clarification deadline, and the officer's answer, which is
/// published to every interested provider without the asker's name (the officer may reword the question to
/// anonymise it).
/// </summary>
public class Clarification : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    /// <summary>Sequence within the procurement: Q1, Q2 ...</summary>
    public int Number { get; set; }
    /// <summary>The provider that asked; null for a notice an officer published of their own accord.</summary>
    public Guid? AskedByProviderId { get; set; }
    public Guid? AskedByUserId { get; set; }
    public required string Question { get; set; }
    public DateTime AskedAt { get; set; }
    /// <summary>The question as published: the asker's wording unless the officer anonymised it.</summary>
    public string? PublishedQuestion { get; set; }
    public string? Answer { get; set; }
    public Guid? AnsweredByUserId { get; set; }
    public DateTime? PublishedAt { get; set; }

    public bool IsPublished => PublishedAt is not null;

    /// <summary>An officer's own notice: no provider asked it.</summary>
    public bool IsOfficerNotice => AskedByProviderId is null;
}
