using System.Security.Cryptography;
using System.Text;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Core.Integrations;

/// <summary>
/// A system that calls the API for one tenant (a finance system, a contracts register), with a token a tenant admin
/// created and can revoke. Only the token's SHA-256 hash is stored, with its first characters for display.
/// </summary>
public class ApiClient : ITenantOwned
{
    public const string TokenPrefix = "ppat_";

    /// <summary>The tenant roles a client may hold. A client with none reads what any member may read.</summary>
    /// <remarks>
    /// Evaluator and Approver are duties of a named person (conflict declarations, an approver who did not evaluate),
    /// and TenantAdmin would let a token make more tokens: none of them can be given to a system.
    /// </remarks>
    public static readonly IReadOnlyList<Role> GrantableRoles = [Role.ProcurementOfficer];

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public List<Role> Roles { get; set; } = [];

    /// <summary>SHA-256 of the token; the token itself is shown once and never stored.</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>The token's first characters (prefix and four more), so that an admin can tell tokens apart.</summary>
    public required string TokenHint { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedByName { get; set; }

    public bool IsActive(DateTime utcNow) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > utcNow);

    /// <summary>A new token: the prefix and 32 random bytes, base64url.</summary>
    public static string NewToken() => TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public static string HintOf(string token) => token[..(TokenPrefix.Length + 4)];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
