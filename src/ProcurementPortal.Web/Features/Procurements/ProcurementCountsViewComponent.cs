using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Web.Features.Procurements;

/// <summary>
/// The procurement officer's dashboard item: how many procurements are in draft, open for tenders, and between the
/// close and the award (closed, opened, in evaluation or moderation, award recommended or approved, in standstill).
/// </summary>
public sealed class ProcurementCountsViewComponent(PortalDbContext db) : ViewComponent
{
    private static readonly ProcurementState[] ClosedNotAwarded =
    [
        ProcurementState.SubmissionsClosed, ProcurementState.Opened, ProcurementState.Evaluation, ProcurementState.Moderation,
        ProcurementState.AwardRecommended, ProcurementState.AwardApproved, ProcurementState.Standstill,
    ];

    public async Task<IViewComponentResult> InvokeAsync(string slug)
    {
        var counts = await db.Procurements.AsNoTracking()
            .Where(p => p.State == ProcurementState.Draft || p.State == ProcurementState.TenderOpen || ClosedNotAwarded.Contains(p.State))
            .GroupBy(p => p.State)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.State, x => x.Count, HttpContext.RequestAborted);
        var drafts = counts.GetValueOrDefault(ProcurementState.Draft);
        var open = counts.GetValueOrDefault(ProcurementState.TenderOpen);
        var closedNotAwarded = counts.Where(c => ClosedNotAwarded.Contains(c.Key)).Sum(c => c.Value);
        var text = $"{drafts} {(drafts == 1 ? "procurement" : "procurements")} in draft, {open} open for tenders, {closedNotAwarded} closed and not yet awarded.";
        var href = $"/{HtmlEncoder.Default.Encode(slug)}/procurements";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<p class=\"govuk-body\">{text} <a class=\"govuk-link\" href=\"{href}\">See all procurements</a></p>"));
    }
}
