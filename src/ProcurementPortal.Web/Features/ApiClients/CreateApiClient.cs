using ProcurementPortal.Core.Audit;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Integrations;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.ApiClients;

/// <summary>
/// A new API client: its name, its roles (none: it may only read) and how many days its token lasts (none: until
/// revoked).
/// </summary>
public sealed record CreateApiClientCommand(string? Name, List<string>? Roles, int? ExpiresInDays)
{
    public const int MaxDays = 730;

    public Errors Validate() => new Errors()
        .Require(!string.IsNullOrWhiteSpace(Name), nameof(Name), "Enter a name for the API client")
        .Require((Name?.Trim().Length ?? 0) <= 100, nameof(Name), "The name must be 100 characters or fewer")
        .Require((Roles ?? []).All(r => Enum.TryParse<Role>(r, ignoreCase: false, out var role) && ApiClient.GrantableRoles.Contains(role)),
            nameof(Roles), "An API client may only be given the procurement officer role")
        .Require(ExpiresInDays is null or (>= 1 and <= MaxDays), nameof(ExpiresInDays), $"The token must expire within 1 to {MaxDays} days, or not at all");
}

/// <summary>The client and its token, which is shown this once and never again.</summary>
public sealed record CreatedApiClient(ApiClientView Client, string Token);

/// <summary>A tenant admin creates an API client; only the token's hash is kept.</summary>
public sealed class CreateApiClient(PortalDbContext db, AuditLog audit, IActor actor)
{
    public async Task<Outcome<CreatedApiClient>> HandleAsync(CreateApiClientCommand command, CancellationToken ct)
    {
        var errors = command.Validate();
        if (!errors.IsEmpty)
        {
            return errors;
        }
        var now = await db.DatabaseNowAsync(ct);
        var token = ApiClient.NewToken();
        var client = new ApiClient
        {
            Name = command.Name!.Trim(),
            Roles = (command.Roles ?? []).Distinct().Select(Enum.Parse<Role>).ToList(),
            TokenHash = ApiClient.HashToken(token),
            TokenHint = ApiClient.HintOf(token),
            CreatedAt = now,
            CreatedByName = actor.Name,
            ExpiresAt = command.ExpiresInDays is { } days ? now.AddDays(days) : null,
        };
        db.ApiClients.Add(client);
        audit.Record("api_client.created", nameof(ApiClient), client.Id,
            $"Created API client {client.Name} ({client.TokenHint}…), roles: {(client.Roles.Count == 0 ? "read only" : string.Join(", ", client.Roles))}, "
            + (client.ExpiresAt is { } expires ? $"expires {expires:u}" : "no expiry"));
        await db.SaveChangesAsync(ct);
        return Outcome<CreatedApiClient>.Ok(new CreatedApiClient(ApiClientView.From(client, now), token));
    }
}
