using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Procurements;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.Web.Features.Evaluation;

public sealed record BidOpeningPanel(Guid ProcurementId, ProcurementState State, OpeningView? Opening, bool IsOfficer);

/// <summary>The procurement page's opening section: the record (who, when, how many) and the officer's confirmation button.</summary>
public sealed class BidOpeningViewComponent(OpenBidsHandler openings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid procurementId, ProcurementState state)
    {
        var opening = (await openings.GetAsync(procurementId, HttpContext.RequestAborted)).Value;
        var officer = HttpContext.TenantMembership()?.Has(Role.ProcurementOfficer) == true;
        return View("~/Features/Evaluation/_BidOpening.cshtml", new BidOpeningPanel(procurementId, state, opening, officer));
    }
}
