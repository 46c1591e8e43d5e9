using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>The procurement officer's dashboard item: how many procurements are in draft and how many are open for tenders.</summary>
public sealed class ProcurementCountsViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug)
    {
        var counts = await db.Procurements.AsNoTracking()
            .Where(p => p.State == ProcurementState.Draft || p.State == ProcurementState.TenderOpen)
            .GroupBy(p => p.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, HttpContext.RequestAborted);
        var drafts = counts.GetValueOrDefault(ProcurementState.Draft);
        var open = counts.GetValueOrDefault(ProcurementState.TenderOpen);
        var text = $"{drafts} {(drafts == 1 ? "procurement" : "procurements")} in draft, {open} open for tenders.";
        var href = $"/{HtmlEncoder.Default.Encode(slug)}/procurements";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<p class=\"govuk-body\">{text} <a class=\"govuk-link\" href=\"{href}\">See all procurements</a></p>"));
    }
}
