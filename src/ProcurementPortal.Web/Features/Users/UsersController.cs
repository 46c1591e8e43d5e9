using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Users;

public sealed record UsersPage(IReadOnlyList<MemberView> Members, IReadOnlyList<InvitationView> OpenInvitations);

public sealed record MemberPage(MemberView Member, ChangeMemberRolesCommand Command);

/// <summary>A tenant admin's pages for the tenant's members and invitations.</summary>
[TenantScoped(Role.TenantAdmin)]
[Route("{tenant}/admin")]
public sealed class UsersController(TenantMembers members, TenantInvitations invitations) : Controller
{
    private string Slug => HttpContext.TenantMembership()!.Slug;

    [HttpGet("users")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(new UsersPage(await members.ListAsync(ct), await invitations.ListAsync(openOnly: true, ct)));

    [HttpGet("users/invite")]
    public IActionResult Invite() => View(new InviteUserCommand(null, null));

    [HttpPost("users/invite")]
    [ApiTwin("POST /api/v1/t/{tenant}/invitations")]
    public async Task<IActionResult> Invite(InviteUserCommand command, [FromServices] InviteUser invite, CancellationToken ct) =>
        this.ToPageResult(await invite.HandleAsync(command, ct), () => View(command), invitation =>
        {
            TempData["Success"] = $"Invitation sent to {invitation.Email}";
            return Redirect($"/{Slug}/admin/users");
        });

    [HttpGet("users/{userId:guid}")]
    public async Task<IActionResult> Member(Guid userId, CancellationToken ct) =>
        await members.FindAsync(userId, ct) is { } member
            ? View(new MemberPage(member, new ChangeMemberRolesCommand(member.Roles.Select(r => r.ToString()).ToList())))
            : NotFound();

    [HttpPost("users/{userId:guid}")]
    [ApiTwin("PUT /api/v1/t/{tenant}/members/{userId}/roles")]
    public Task<IActionResult> Member(Guid userId, ChangeMemberRolesCommand command, [FromServices] ChangeMemberRoles change, CancellationToken ct) =>
        ChangeRolesAsync(userId, command, change, "Roles updated", ct);

    [HttpPost("users/{userId:guid}/remove")]
    [ApiTwin("PUT /api/v1/t/{tenant}/members/{userId}/roles")]
    public Task<IActionResult> Remove(Guid userId, [FromServices] ChangeMemberRoles change, CancellationToken ct) =>
        ChangeRolesAsync(userId, new ChangeMemberRolesCommand([]), change, "Member removed from the tenant", ct);

    private async Task<IActionResult> ChangeRolesAsync(
        Guid userId, ChangeMemberRolesCommand command, ChangeMemberRoles change, string success, CancellationToken ct)
    {
        var outcome = await change.HandleAsync(userId, command, ct);
        if (outcome.Errors is not null && await members.FindAsync(userId, ct) is { } member)
        {
            outcome.Errors.CopyTo(ModelState);
            return View(nameof(Member), new MemberPage(member, command));
        }
        return this.ToPageResult(outcome, NotFound, _ =>
        {
            TempData["Success"] = success;
            return Redirect($"/{Slug}/admin/users");
        });
    }

    [HttpGet("invitations/{id:guid}")]
    public async Task<IActionResult> Invitation(Guid id, CancellationToken ct) =>
        await invitations.FindAsync(id, ct) is { } invitation ? View(invitation) : NotFound();

    [HttpPost("invitations/{id:guid}/revoke")]
    [ApiTwin("DELETE /api/v1/t/{tenant}/invitations/{id}")]
    public async Task<IActionResult> Revoke(Guid id, [FromServices] RevokeInvitation revoke, CancellationToken ct)
    {
        var outcome = await revoke.HandleAsync(id, ct);
        if (outcome.Errors is not null)
        {
            outcome.Errors.CopyTo(ModelState);
            return await Invitation(id, ct);
        }
        return this.ToPageResult(outcome, NotFound, invitation =>
        {
            TempData["Success"] = $"The invitation to {invitation.Email} has been withdrawn";
            return Redirect($"/{Slug}/admin/users");
        });
    }
}
