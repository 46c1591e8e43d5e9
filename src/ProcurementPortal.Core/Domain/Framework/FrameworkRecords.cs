using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain.Framework;

[JsonConverter(typeof(JsonStringEnumConverter<MemberStatus>))]
public enum MemberStatus
{
    Active = 1,
    /// <summary>Not invited to package requests and cannot offer, until reinstated (the reason is kept).</summary>
    Suspended,
    Left,
}

/// <summary>
/// A provider appointed to a lot's framework agreement, as the live record keeps it: its place in the evaluation (rank,
/// total score), its contract under the framework (whose agreed rate per band caps its offers), and its status.
/// Made at the end of the standstill beside the contract (ADR 024).
/// </summary>
public class FrameworkMember : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid FrameworkAgreementId { get; set; }
    public Guid LotId { get; set; }
    public Guid ProviderId { get; set; }
    public required string ProviderName { get; set; }
    /// <summary>The provider's contract under the framework: its agreed rates are the member's band rates.</summary>
    public Guid ContractId { get; set; }
    public int? Rank { get; set; }
    public decimal TotalScore { get; set; }
    public MemberStatus Status { get; set; } = MemberStatus.Active;
    public string? StatusReason { get; set; }
    public DateTime? StatusChangedAt { get; set; }
    public DateTime JoinedAt { get; set; }
    /// <summary>The hours a week of call-offs the provider can take on the lot, as an officer records it; null when not stated.</summary>
    public decimal? CapacityHoursPerWeek { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<PackageRequestStatus>))]
public enum PackageRequestStatus
{
    /// <summary>Taking offers until <see cref="PackageRequest.ClosesAt"/> (judged by the database clock, whatever this says).</summary>
    Open = 1,
    /// <summary>The window has closed (the job has run); waiting for the officer to confirm an offer.</summary>
    Closed,
    /// <summary>An offer is confirmed and its call-off contract made.</summary>
    Placed,
}

/// <summary>
/// One person's package of care offered to the active members of a lot. Holds no personal data beyond what matching
/// needs: a postcode district (not an address) and the council's case reference (not a name).
/// </summary>
public class PackageRequest : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Reference { get; set; }
    public Guid ProcurementId { get; set; }
    public Guid FrameworkAgreementId { get; set; }
    public Guid LotId { get; set; }
    public required string LotName { get; set; }
    public required string PostcodeDistrict { get; set; }
    public required string BandCode { get; set; }
    public required string BandName { get; set; }
    public decimal HoursPerWeek { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>The placement's last day: the framework agreement's end.</summary>
    public DateOnly EndsOn { get; set; }
    public required string Requirements { get; set; }
    /// <summary>Shown only to officers and, once chosen, to the chosen provider.</summary>
    public required string CaseReference { get; set; }
    public int ResponseWindowHours { get; set; }
    public DateTime PostedAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int MembersInvited { get; set; }
    public PackageRequestStatus Status { get; set; } = PackageRequestStatus.Open;
    public Guid? ChosenResponseId { get; set; }
    public Guid? CallOffContractId { get; set; }
    public DateTime? PlacedAt { get; set; }
    public Guid PostedByUserId { get; set; }
    public required string PostedByName { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<PackageResponseKind>))]
public enum PackageResponseKind
{
    Offer = 1,
    Decline,
}

/// <summary>
/// A member's answer to a package request: an offer (start date, hourly rate no higher than its band rate) or a
/// decline with its reason (the market's capacity signal). One per member per request; provider-owned (ADR 015's
/// provider locks), so one provider never reads another's.
/// </summary>
public class PackageResponse : ITenantOwned, IProviderOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid ProviderId { get; set; }
    public Guid PackageRequestId { get; set; }
    public Guid MemberId { get; set; }
    public required string ProviderName { get; set; }
    public PackageResponseKind Kind { get; set; }
    public DateOnly? CanStartOn { get; set; }
    public decimal? HourlyRate { get; set; }
    public string? DeclineReason { get; set; }
    /// <summary>The database clock at the start of the transaction that received it.</summary>
    public DateTime ReceivedAt { get; set; }
    public required string RespondedByName { get; set; }
}
