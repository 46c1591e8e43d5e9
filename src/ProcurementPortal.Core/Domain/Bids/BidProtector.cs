using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ProcurementPortal.Core.Domain.Bids;

/// <summary>
/// Bid content at rest: encrypted with ASP.NET Core Data Protection under a purpose of its own per procurement, so
/// the rows hold ciphertext and one procurement's key cannot read another's bids. The opening (two officers, after
/// the deadline) is the only officer-side caller that may <see cref="Unprotect"/>; until then only the provider's
/// own unit of work reads its draft and receipts.
/// </summary>
public sealed class BidProtector(IDataProtectionProvider provider)
{
    public const string Purpose = "ProcurementPortal.Bids";

    private IDataProtector For(Guid procurementId) => provider.CreateProtector(Purpose, procurementId.ToString());

    public byte[] Protect(Guid procurementId, byte[] plain) => For(procurementId).Protect(plain);

    public byte[] Unprotect(Guid procurementId, byte[] cipher) => For(procurementId).Unprotect(cipher);

    public byte[] ProtectDraft(Guid procurementId, BidContent content) =>
        Protect(procurementId, JsonSerializer.SerializeToUtf8Bytes(content));

    public BidContent UnprotectDraft(Guid procurementId, byte[] cipher) =>
        cipher.Length == 0 ? new BidContent() : JsonSerializer.Deserialize<BidContent>(Unprotect(procurementId, cipher)) ?? new BidContent();
}
