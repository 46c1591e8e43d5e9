using Microsoft.Playwright;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.BrowserTests.Support;

/// <summary>
/// The portal with demo data, served over Kestrel on a free port, and Debian's chromium driven by Playwright.
/// Playwright's .NET package brings only its node driver (bin/.playwright); the browser is never downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "PLAYWRIGHT_CHROMIUM_EXECUTABLE";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public PortalFixture Portal { get; } = new() { UseKestrel = true, Settings = { ["Portal:SeedDemoData"] = "true" } };

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath();
        // Generous: the test machines have two cores that builds and other test runs share.
        Assertions.SetDefaultExpectTimeout(15_000);
        await Portal.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Args = ChromiumArgs,
            Headless = true,
        });
    }

    /// <summary>A fresh browser context (no cookies) whose relative addresses go to the portal.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280) =>
        await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseAddress.ToString(),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
        await Portal.DisposeAsync();
    }

    /// <summary>Debian's chromium (or the one the environment names); a missing browser fails every test, loudly.</summary>
    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {path}. The browser tests drive Debian's chromium package: install it " +
                $"(infra/test does: apt-get install chromium) or point {ChromiumVariable} at a Chromium executable.");
        }
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
