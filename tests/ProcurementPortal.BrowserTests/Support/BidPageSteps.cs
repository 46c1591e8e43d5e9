using Microsoft.Playwright;

namespace ProcurementPortal.BrowserTests.Support;

/// <summary>Steps of the bid pages that several journeys take the same way.</summary>
public static class BidPageSteps
{
    /// <summary>Fills the declarations page (already open) with a complete, valid set and saves it.</summary>
    public static async Task FillDeclarationsAsync(IPage page)
    {
        await page.GetByLabel("CQC registration number").FillAsync("1-101234567");
        await page.GetByLabel("Employer's liability insurance cover").FillAsync("10,000,000");
        await page.GetByLabel("Public liability insurance cover").FillAsync("5,000,000");
        await page.GetByLabel("Conflicts of interest").FillAsync("None");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
    }
}
