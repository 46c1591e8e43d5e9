using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace ProcurementPortal.Web.Features.MarketIntent;

/// <summary>The procurement officer's dashboard item: engagement events coming up in the next fortnight.</summary>
public sealed class UpcomingEngagementEventsViewComponent(MarketIntentViews views, TimeProvider clock) : ViewComponent
{
    public const int Days = 14;

    public async Task<IViewComponentResult> InvokeAsync(string slug)
    {
        var count = await views.CountUpcomingEventsAsync(clock.GetUtcNow().UtcDateTime, Days, HttpContext.RequestAborted);
        var text = count == 1 ? $"1 engagement event in the next {Days} days." : $"{count} engagement events in the next {Days} days.";
        var href = $"/{HtmlEncoder.Default.Encode(slug)}/market-intent";
        return new HtmlContentViewComponentResult(new HtmlString(
            $"<p class=\"govuk-body\">{text} <a class=\"govuk-link\" href=\"{href}\">Market engagement</a></p>"));
    }
}
