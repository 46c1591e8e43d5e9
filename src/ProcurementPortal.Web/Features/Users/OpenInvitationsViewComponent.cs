using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace ProcurementPortal.Web.Features.Users;

/// <summary>The tenant admin's dashboard item: how many invitations are waiting to be accepted.</summary>
public sealed class OpenInvitationsViewComponent(TenantInvitations invitations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug)
    {
        var count = await invitations.CountOpenAsync(HttpContext.RequestAborted);
        var text = count switch
        {
            0 => "No invitations are waiting to be accepted.",
            1 => "1 invitation is waiting to be accepted.",
            _ => $"{count} invitations are waiting to be accepted.",
        };
        var href = $"/{HtmlEncoder.Default.Encode(slug)}/admin/users";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<p class=\"govuk-body\">{text} <a class=\"govuk-link\" href=\"{href}\">Manage users and invitations</a></p>"));
    }
}
