using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Api;

[ApiController]
[Authorize]
[Route("api/v1/me")]
[Tags("Me")]
public sealed class MeApiController(PortalDbContext db) : ControllerBase
{
    /// <summary>The caller, their organisations and roles.</summary>
    [HttpGet]
    [ProducesResponseType<MeResponse>(StatusCodes.Status200OK)]
    public async Task<MeResponse> Get(CancellationToken ct)
    {
        var userId = User.UserId()!.Value;
        var organisations = await NavigationService.MyOrganisationsAsync(db, userId, ct);
        return new MeResponse(userId, User.Identity!.Name!, User.HasClaim(PortalClaims.PlatformAdmin, "true"),
            organisations.Select(o => new MeOrganisation(o.Id, o.Name, o.Kind.ToString(), o.Slug, o.Roles.Select(r => r.ToString()).ToList())).ToList());
    }
}

public sealed record MeResponse(Guid Id, string Email, bool IsPlatformAdmin, IReadOnlyList<MeOrganisation> Organisations);

public sealed record MeOrganisation(Guid Id, string Name, string Kind, string? Slug, IReadOnlyList<string> Roles);
