using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ProcurementPortal.BrowserTests.Support;
using ProcurementPortal.IntegrationTests.Bids;

namespace ProcurementPortal.BrowserTests;

/// <summary>
/// A provider's bid written with the keyboard alone: every control is reached with Tab (never clicked), links and
/// buttons are used with Enter, choices with Space; each control shows where the focus is when it gets it; an error
/// summary takes the focus when the page shows it. Axe checks the pages on the way.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_bid_writer_signs_in_writes_and_submits_a_bid_using_only_the_keyboard()
    {
        var tender = await browser.Portal.PublishedTenderAsync();
        await using var tab = await PortalPage.OpenAsync(browser);
        var page = tab.Page;
        var keys = new KeyboardOnly(page);

        await tab.GotoAsync("/account/sign-in");
        await keys.TypeIntoAsync(page.Locator("#Email"), "bidwriter@ribble-valley.demo");
        await keys.TypeIntoAsync(page.Locator("#Password"), "Demo-portal-2026");
        await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }), "Enter");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in"));

        await tab.GotoAsync($"/{tender.Slug}/opportunities/{tender.Id}/bid");
        await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Start your bid" }), "Enter");
        await keys.PressOnAsync(page.GetByRole(AriaRole.Link, new() { Name = "Choose the lots you are bidding for" }), "Enter");

        // Saving with no lot chosen: the error summary takes the focus, and its link leads to the first checkbox.
        await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }), "Enter");
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await tab.CheckAsync("keyboard: error summary has the focus");
        await keys.PressOnAsync(summary.GetByRole(AriaRole.Link, new() { Name = "Select at least one lot" }), "Enter");
        await Assertions.Expect(page.GetByLabel("Lot 1: East")).ToBeFocusedAsync();

        await keys.PressOnAsync(page.GetByLabel("Lot 1: East"), "Space", fromHere: true);
        await keys.PressOnAsync(page.GetByLabel("Lot 2: North"), "Space", fromHere: true);
        await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }), "Enter", fromHere: true);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("saved");

        await keys.PressOnAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Question 1\\.1") }), "Enter");
        await keys.PressOnAsync(page.GetByLabel("Yes"), "Space");
        await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }), "Enter", fromHere: true);
        foreach (var question in new[] { "2\\.1", "2\\.2", "2\\.3" })
        {
            await keys.PressOnAsync(page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex($"^Question {question}") }), "Enter");
            await keys.TypeIntoAsync(page.GetByRole(AriaRole.Textbox), "Recovery plans written with each person and reviewed monthly.");
            await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }), "Enter", fromHere: true);
        }

        await keys.PressOnAsync(page.GetByRole(AriaRole.Link, new() { Name = "Price schedule" }), "Enter");
        var rates = page.Locator("input[data-lot]");
        await rates.First.WaitForAsync();
        await Assertions.Expect(rates).ToHaveCountAsync(8);
        for (var i = 0; i < 8; i++)
        {
            await keys.TypeIntoAsync(rates.Nth(i), "14.00", fromHere: i > 0);
        }
        await Assertions.Expect(page.Locator("[data-bid-total]")).Not.ToHaveTextAsync("£0.00");
        await tab.CheckAsync("keyboard: price schedule");
        await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }), "Enter", fromHere: true);

        await keys.PressOnAsync(page.GetByRole(AriaRole.Link, new() { Name = "Declarations" }), "Enter");
        await keys.TypeIntoAsync(page.GetByLabel("CQC registration number"), "1-101234567");
        await keys.TypeIntoAsync(page.GetByLabel("Employer's liability insurance cover"), "10,000,000", fromHere: true);
        await keys.TypeIntoAsync(page.GetByLabel("Public liability insurance cover"), "5,000,000", fromHere: true);
        await keys.TypeIntoAsync(page.GetByLabel("Conflicts of interest"), "None", fromHere: true);
        await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }), "Enter", fromHere: true);

        await keys.PressOnAsync(page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }), "Enter");
        await Assertions.Expect(page.Locator("#missing")).ToHaveCountAsync(0);
        await tab.CheckAsync("keyboard: check your answers");
        await keys.PressOnAsync(page.GetByRole(AriaRole.Button, new() { Name = "Submit your bid" }), "Enter");
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Bid received");
        await tab.CheckAsync("keyboard: receipt");
        Assert.Equal(0, keys.Clicks);
    }
}

/// <summary>
/// Reaches controls the way a keyboard user does: Tab from wherever the focus is until the control has it (failing
/// if Tab never gets there), and checks the control shows its focus (GOV.UK's yellow focus state: a box shadow, or on
/// a radio or checkbox the ring drawn by its label).
/// </summary>
public sealed class KeyboardOnly(IPage page)
{
    private const int MaxTabs = 200;

    /// <summary>Mouse clicks made: counted by the page itself, so a test can prove there were none.</summary>
    public int Clicks { get; private set; }

    /// <summary>Tabs to the control and presses a key on it. <paramref name="fromHere"/>: the control is after the focus (no restart from the top).</summary>
    public async Task PressOnAsync(ILocator control, string key, bool fromHere = false)
    {
        await TabToAsync(control, fromHere);
        await page.Keyboard.PressAsync(key);
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>Tabs to the field and types into it, key by key.</summary>
    public async Task TypeIntoAsync(ILocator field, string text, bool fromHere = false)
    {
        await TabToAsync(field, fromHere);
        await page.Keyboard.TypeAsync(text);
    }

    private async Task TabToAsync(ILocator control, bool fromHere)
    {
        await control.WaitForAsync();
        Clicks += await page.EvaluateAsync<int>("() => window.__portalClicks ?? 0");
        await page.EvaluateAsync("() => { if (!window.__portalClicksWatched) { window.__portalClicksWatched = true; window.__portalClicks = 0; document.addEventListener('mousedown', () => window.__portalClicks++, true); } }");
        if (!fromHere && !await IsFocusedAsync(control))
        {
            // Start from the top of the page, as after following a link.
            await page.EvaluateAsync("() => document.activeElement && document.activeElement.blur()");
        }
        for (var presses = 0; presses < MaxTabs; presses++)
        {
            if (await IsFocusedAsync(control))
            {
                await AssertFocusIsVisibleAsync(control);
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"{MaxTabs} presses of Tab never reached {control} on {page.Url}");
    }

    private static Task<bool> IsFocusedAsync(ILocator control) => control.EvaluateAsync<bool>("e => e === document.activeElement");

    private static async Task AssertFocusIsVisibleAsync(ILocator control)
    {
        var shown = await control.EvaluateAsync<string>("""
            e => {
              const own = getComputedStyle(e);
              const choice = e.matches('input[type=checkbox], input[type=radio]');
              const label = choice ? document.querySelector(`label[for="${e.id}"]`) : null;
              const ring = label ? getComputedStyle(label, '::before') : null;
              const after = label ? getComputedStyle(label, '::after') : null;
              const shadow = choice ? ring.boxShadow : own.boxShadow;
              const outline = own.outlineStyle !== 'none' && own.outlineWidth !== '0px' && own.outlineColor !== 'rgba(0, 0, 0, 0)';
              return (shadow && shadow !== 'none') || outline || (after && after.boxShadow && after.boxShadow !== 'none') ? 'yes' : `no: ${shadow} / ${own.outlineStyle} ${own.outlineWidth} ${own.outlineColor}`;
            }
            """);
        Assert.True(shown == "yes", $"{control} has the focus but does not show it ({shown})");
    }
}
