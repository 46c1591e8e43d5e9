using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Web.Features.Award;

/// <summary>
/// The dashboard item of the award: for an approver, the recommendations waiting for a decision; for an officer, the
/// approved awards whose letters or notice are still to go and the awards in standstill. Each links to its award page.
/// </summary>
public sealed class AwardsWaitingViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug, bool approver)
    {
        var states = approver ? [ProcurementState.AwardRecommended] : new[] { ProcurementState.AwardApproved, ProcurementState.Standstill };
        var rows = await db.Procurements.AsNoTracking()
            .Where(p => states.Contains(p.State) && db.Awards.Any(a => a.ProcurementId == p.Id))
            .OrderBy(p => p.Reference)
            .Select(p => new { p.Id, p.Reference, p.Title, p.State })
            .ToListAsync(HttpContext.RequestAborted);
        var enc = HtmlEncoder.Default;
        var html = new StringBuilder();
        if (rows.Count > 0)
        {
            html.Append($"<p class=\"govuk-body\">{(approver ? "Award recommendations waiting for a decision:" : "Awards in progress:")}</p><ul class=\"govuk-list govuk-list--bullet\">");
            foreach (var r in rows)
            {
                html.Append($"<li><a class=\"govuk-link\" href=\"/{enc.Encode(slug)}/procurements/{r.Id}/award\">{enc.Encode(r.Reference)} {enc.Encode(r.Title)}</a> ({enc.Encode(ProcurementLifecycle.Describe(r.State))})</li>");
            }
            html.Append("</ul>");
        }
        html.Append($"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/{enc.Encode(slug)}/contracts\">Contract register</a></p>");
        return new HtmlContentViewComponentResult(new HtmlString(html.ToString()));
    }
}
