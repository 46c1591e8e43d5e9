using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Integrations;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// API client tokens (<c>Authorization: Bearer ppat_...</c>) on <c>/api</c>. The token's hash is looked up through
/// <c>api_client_authenticate</c> (the one way past row-level security before the tenant is known); a live client
/// becomes a principal that belongs to exactly its own tenant with the client's roles, which the tenancy middleware
/// reads instead of memberships. It has no user id, so it is never a person: no provider or platform routes.
/// </summary>
public static class ApiClientAuthentication
{
    public const string Scheme = "ApiClient";
    public const string ClientIdClaim = "portal:api_client";
    public const string TenantClaim = "portal:api_client_tenant";
    public const string RoleClaim = "portal:api_client_role";

    /// <summary>The scheme an <c>/api</c> request is authenticated by: an API client token, else a user's bearer token.</summary>
    public static string SchemeFor(HttpRequest request) =>
        TokenOf(request) is not null ? Scheme : IdentityConstants.BearerScheme;

    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return header.StartsWith(bearer + ApiClient.TokenPrefix, StringComparison.Ordinal) ? header[bearer.Length..].Trim() : null;
    }

    public static bool IsApiClient(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == ClientIdClaim);

    /// <summary>The client's tenant and roles, or null when the principal is not an API client.</summary>
    public static (Guid TenantId, List<Role> Roles)? ApiClientMembership(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(TenantClaim), out var tenantId)
            ? (tenantId, user.FindAll(RoleClaim).Select(c => Enum.Parse<Role>(c.Value)).ToList())
            : null;

    public static AuthenticationBuilder AddApiClientAuthentication(this IServiceCollection services) =>
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiClientAuthenticationHandler>(Scheme, "API client token", null);
}

public sealed class ApiClientAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PortalDbContext db)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiClientAuthentication.TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }
        var client = await LookUpAsync(ApiClient.HashToken(token), Context.RequestAborted);
        if (client is null)
        {
            return AuthenticateResult.Fail("The API client token is not valid, has been revoked or has expired.");
        }
        var (id, tenantId, name, roles) = client.Value;
        List<Claim> claims =
        [
            new(ClaimTypes.Name, $"API client {name}"),
            new(ApiClientAuthentication.ClientIdClaim, id.ToString()),
            new(ApiClientAuthentication.TenantClaim, tenantId.ToString()),
            .. roles.Select(r => new Claim(ApiClientAuthentication.RoleClaim, r)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiClientAuthentication.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiClientAuthentication.Scheme));
    }

    private async Task<(Guid Id, Guid TenantId, string Name, string[] Roles)?> LookUpAsync(byte[] hash, CancellationToken ct)
    {
        // Opened through EF, so the connection interceptor sets an empty tenant: only the function can see the row.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "select id, tenant_id, name, roles from api_client_authenticate(@hash)";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "hash";
            parameter.Value = hash;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? (reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<string[]>(3))
                : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
