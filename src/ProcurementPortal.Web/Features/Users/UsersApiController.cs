using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Users;

[ApiController]
[TenantScoped(Role.TenantAdmin)]
[Route("api/v1/t/{tenant}")]
[Tags("Users and invitations")]
public sealed class UsersApiController(TenantMembers members, TenantInvitations invitations) : ControllerBase
{
    /// <summary>The tenant's members and their roles.</summary>
    [HttpGet("members")]
    [ProducesResponseType<List<MemberView>>(StatusCodes.Status200OK)]
    public async Task<List<MemberView>> Members([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await members.ListAsync(ct), paging);

    /// <summary>One member of the tenant.</summary>
    [HttpGet("members/{userId:guid}")]
    [ProducesResponseType<MemberView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<MemberView>> Member(Guid userId, CancellationToken ct) =>
        await members.FindAsync(userId, ct) is { } member ? member : NotFound();

    /// <summary>Replaces a member's roles; an empty list removes the member. The tenant must keep a tenant admin.</summary>
    [HttpPut("members/{userId:guid}/roles")]
    [ProducesResponseType<MemberView>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> ChangeRoles(Guid userId, ChangeMemberRolesCommand command, [FromServices] ChangeMemberRoles change, CancellationToken ct) =>
        this.ToApiResult(await change.HandleAsync(userId, command, ct), member => member is null ? NoContent() : Ok(member));

    /// <summary>Every invitation of the tenant, newest first, with its status.</summary>
    [HttpGet("invitations")]
    [ProducesResponseType<List<InvitationView>>(StatusCodes.Status200OK)]
    public async Task<List<InvitationView>> Invitations([FromQuery] PageRequest paging, CancellationToken ct) => this.Page(await invitations.ListAsync(openOnly: false, ct), paging);

    /// <summary>Invites a person by email to take a tenant role; the link in the email is valid for 7 days.</summary>
    [HttpPost("invitations")]
    [ProducesResponseType<InvitationView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult> Invite(InviteUserCommand command, [FromServices] InviteUser invite, CancellationToken ct) =>
        this.ToApiResult(await invite.HandleAsync(command, ct),
            invitation => Created($"/api/v1/t/{HttpContext.TenantMembership()!.Slug}/invitations/{invitation.Id}", invitation));

    /// <summary>One invitation of the tenant.</summary>
    [HttpGet("invitations/{id:guid}")]
    [ProducesResponseType<InvitationView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<InvitationView>> Invitation(Guid id, CancellationToken ct) =>
        await invitations.FindAsync(id, ct) is { } invitation ? invitation : NotFound();

    /// <summary>Withdraws an invitation that has not been accepted.</summary>
    [HttpDelete("invitations/{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Revoke(Guid id, [FromServices] RevokeInvitation revoke, CancellationToken ct) =>
        this.ToApiResult(await revoke.HandleAsync(id, ct), _ => NoContent());
}
