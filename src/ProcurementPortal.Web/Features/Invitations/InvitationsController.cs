using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Features.Users;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Invitations;

public sealed record InvitationPage(string Token, InvitationLink? Link, bool SignedIn, string? SignedInAs);

/// <summary>The page an invitation email links to: sign in (or create an account), then accept.</summary>
[Route("invitations/{token}")]
public sealed class InvitationsController(AcceptInvitation accept) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string token, CancellationToken ct) =>
        Page(token, await accept.DescribeAsync(token, ct));

    [HttpPost("")]
    [ApiTwin("POST /api/v1/invitations/{token}/accept")]
    [Authorize]
    public async Task<IActionResult> Accept(string token, CancellationToken ct)
    {
        var outcome = await accept.HandleAsync(token, User.UserId()!.Value, AcceptInvitation.EmailOf(User), ct);
        if (outcome.Succeeded)
        {
            TempData["Success"] = $"You have joined {outcome.Value!.TenantName} as {outcome.Value.Role.DisplayName()}";
            return Redirect($"/{outcome.Value.TenantSlug}");
        }
        outcome.Errors?.CopyTo(ModelState);
        return Page(token, outcome.IsNotFound ? null : await accept.DescribeAsync(token, ct));
    }

    private ViewResult Page(string token, InvitationLink? link)
    {
        Response.StatusCode = link?.Status switch
        {
            null => StatusCodes.Status404NotFound,
            InvitationStatus.Open => ModelState.IsValid ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status410Gone,
        };
        return View("Show", new InvitationPage(token, link, User.Identity?.IsAuthenticated == true, User.Identity?.Name));
    }
}
