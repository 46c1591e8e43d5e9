using System.Security.Cryptography;
using System.Text;

namespace ProcurementPortal.Core.Domain;

/// <summary>A tenant admin's invitation for a person (by email) to take a role in the tenant.</summary>
public class Invitation : ITenantOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Email { get; set; }
    public Role Role { get; set; }

    /// <summary>SHA-256 of the token sent by email; the token itself is never stored.</summary>
    public required byte[] TokenHash { get; set; }

    public Guid InvitedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public Guid? AcceptedByUserId { get; set; }

    /// <summary>Set when a tenant admin withdraws the invitation; its link then no longer works.</summary>
    public DateTime? RevokedAt { get; set; }

    public static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public bool IsOpen(DateTime utcNow) => AcceptedAt is null && RevokedAt is null && ExpiresAt > utcNow;
}
