using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Invitations;

[ApiController]
[Authorize]
[Route("api/v1/invitations/{token}")]
[Tags("Users and invitations")]
public sealed class InvitationsApiController(AcceptInvitation accept) : ControllerBase
{
    /// <summary>The invitation a token from an invitation email stands for: tenant, role and status.</summary>
    [HttpGet]
    [ProducesResponseType<InvitationLink>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<InvitationLink>> Get(string token, CancellationToken ct) =>
        await accept.DescribeAsync(token, ct) is { } link ? link : NotFound();

    /// <summary>Accepts the invitation for the caller, whose email address must be the one invited.</summary>
    [HttpPost("accept")]
    [ProducesResponseType<InvitationLink>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Accept(string token, CancellationToken ct) =>
        this.ToApiResult(await accept.HandleAsync(token, User.UserId()!.Value, AcceptInvitation.EmailOf(User), ct), link => Ok(link));
}
