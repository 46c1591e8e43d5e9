using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ProcurementPortal.BrowserTests.Support;

/// <summary>
/// A browser tab on the portal that records what a person would not see but should not happen: failed requests
/// for assets, and console errors (a strict-CSP refusal shows up there). <see cref="CheckAsync"/> saves a
/// screenshot and runs axe on the page as it stands.
/// </summary>
public sealed class PortalPage : IAsyncDisposable
{
    /// <summary>WCAG 2.2 level A and AA, as the accessibility statement promises.</summary>
    private static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private readonly IBrowserContext context;
    private readonly List<string> problems = [];

    public IPage Page { get; }

    private PortalPage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // The browser reports an error status of the page itself (a 404 page) as a failed load: not a problem.
            if (message.Type == "error" && !(message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && message.Location.StartsWith(page.Url + ":", StringComparison.Ordinal)))
            {
                Record($"console error at {message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"script error: {error}");
        page.RequestFailed += (_, request) => Record($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                Record($"{response.Status} for {response.Url}");
            }
        };
    }

    public static async Task<PortalPage> OpenAsync(BrowserFixture browser, int width = 1280)
    {
        var context = await browser.NewContextAsync(width);
        return new PortalPage(context, await context.NewPageAsync());
    }

    public async Task<IResponse?> GotoAsync(string path) => await Page.GotoAsync(path);

    /// <summary>Signs in through the sign-in page, as a person would.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync("/account/sign-in");
        await Page.Locator("#Email").FillAsync(email);
        await Page.Locator("#Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Saves a screenshot named after the step, then fails if axe finds a serious or critical WCAG 2.2 AA
    /// violation, or if anything went wrong in the background since the page was opened.
    /// </summary>
    public async Task CheckAsync(string step)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(step), FullPage = true });

        var result = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        // Every finding, minor ones included, beside the screenshot: for a person to read, not to fail on.
        await File.WriteAllTextAsync(Path.ChangeExtension(Screenshots.PathFor(step), ".axe.txt"),
            result.Violations.Length == 0 ? $"{Page.Url}: no violations\n" : $"{Page.Url}:\n{Describe(result.Violations)}");
        var blocking = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(blocking.Count == 0, $"{step} ({Page.Url}): axe found {blocking.Count} serious or critical violation(s):\n{Describe(blocking)}");

        string[] seen;
        lock (problems)
        {
            seen = [.. problems];
        }
        Assert.True(seen.Length == 0, $"{step} ({Page.Url}):\n{string.Join("\n", seen)}");
    }

    private void Record(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var violation in violations)
        {
            text.AppendLine($"  [{violation.Impact}] {violation.Id}: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine($"      {node.Target}: {node.Html}");
            }
        }
        return text.ToString();
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>Screenshots go under TestResults/screenshots of the test run (PORTAL_SCREENSHOTS overrides the folder).</summary>
public static class Screenshots
{
    public static string Directory { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine("TestResults", "screenshots"));

    public static string PathFor(string step)
    {
        var name = string.Concat(step.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
        return Path.Combine(Directory, $"{name}.png");
    }
}
