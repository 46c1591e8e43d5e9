using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace ProcurementPortal.BrowserTests.Support;

/// <summary>
/// A browser tab on the portal that checks every page it shows with axe (WCAG 2.2 A and AA) and records what a person
/// would not see but should not happen: failed requests for assets, console errors (a strict-CSP refusal shows up
/// there), and serious or critical accessibility violations on any page. <see cref="CheckAsync"/> saves a screenshot
/// of the page as it stands and fails on anything recorded since the tab was opened.
/// </summary>
/// <remarks>
/// axe runs inside each page once it has loaded (injected before the page's own scripts). Leaving a page waits until
/// that page's check has finished (a link or form in the page itself, or <see cref="GotoAsync"/> and
/// <see cref="ReloadAsync"/>), so no page the tab visits goes unchecked, however quickly a test moves on.
/// </remarks>
public sealed class PortalPage : IAsyncDisposable
{
    /// <summary>WCAG 2.2 level A and AA, as the accessibility statement promises.</summary>
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private const string ShownBinding = "portalPageShown";
    private const string ReportBinding = "portalAxeReport";

    /// <summary>
    /// axe, then a check of the page once it has loaded (HTML documents of the portal, in the top frame). A link
    /// followed or a form sent before the check has finished waits for it, then goes ahead as it would have.
    /// </summary>
    private static readonly string CheckEveryPage = new BundledAxeScriptProvider().GetScript() + $$"""

        (() => {
          if (window.top !== window || !location.protocol.startsWith('http') || document.contentType !== 'text/html') return;
          const page = Date.now() + '-' + Math.random();
          window.{{ShownBinding}}(page);
          let checked = false;
          const check = new Promise(resolve => window.addEventListener('load', resolve))
            .then(() => axe.run(document, { runOnly: { type: 'tag', values: {{JsonSerializer.Serialize(WcagTags)}} }, resultTypes: ['violations'] }))
            .then(r => JSON.stringify({ page, url: location.href, violations: r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html })) })) }),
                  e => JSON.stringify({ page, url: location.href, error: String(e) }))
            .then(report => window.{{ReportBinding}}(report))
            .finally(() => { checked = true; });
          const sameDocument = url => url.hash && url.origin + url.pathname + url.search === location.origin + location.pathname + location.search;
          document.addEventListener('click', e => {
            const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
            if (checked || e.defaultPrevented || !link || link.target || link.hasAttribute('download') || sameDocument(new URL(link.href, location.href))) return;
            e.preventDefault();
            check.then(() => link.click());
          }, true);
          document.addEventListener('submit', e => {
            if (checked) return;
            e.preventDefault();
            const form = e.target, submitter = e.submitter;
            check.then(() => form.requestSubmit(submitter));
          }, true);
        })();
        """;

    /// <summary>How long leaving a page may wait for its check before that is reported as a problem.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(60);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IBrowserContext context;
    private readonly List<string> problems = [];
    private readonly List<(string Url, string Failure)> failedRequests = [];
    private readonly List<string> downloads = [];
    private readonly List<AxeReport> reports = [];
    private readonly Dictionary<string, TaskCompletionSource> checks = [];
    private Task pageOnShowChecked = Task.CompletedTask;

    public IPage Page { get; }

    /// <summary>Whose tab this is, for messages.</summary>
    public string Name { get; }

    /// <summary>Every page this tab has shown and axe has checked, in order.</summary>
    public IReadOnlyList<string> CheckedPages
    {
        get
        {
            lock (reports)
            {
                return [.. reports.Select(r => r.Url)];
            }
        }
    }

    private PortalPage(IBrowserContext context, IPage page, string name)
    {
        this.context = context;
        Page = page;
        Name = name;
        page.Console += (_, message) =>
        {
            // The browser reports an error status of the page itself (a 404 page) as a failed load: not a problem.
            if (message.Type == "error" && !(message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal) && message.Location.StartsWith(page.Url + ":", StringComparison.Ordinal)))
            {
                Record($"console error at {message.Location}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"script error: {error}");
        page.RequestFailed += (_, request) =>
        {
            lock (problems)
            {
                failedRequests.Add((request.Url, request.Failure ?? "failed"));
            }
        };
        // A download ends the navigation that asked for it: the browser reports that request as aborted.
        page.Download += (_, download) =>
        {
            lock (problems)
            {
                downloads.Add(download.Url);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                Record($"{response.Status} for {response.Url}");
            }
        };
    }

    public static async Task<PortalPage> OpenAsync(BrowserFixture browser, int width = 1280, string name = "tab")
    {
        var context = await browser.NewContextAsync(width);
        var tab = new PortalPage(context, await context.NewPageAsync(), name);
        await context.ExposeBindingAsync(ShownBinding, (BindingSource _, string page) => tab.Shown(page));
        await context.ExposeBindingAsync(ReportBinding, (BindingSource _, string json) => tab.Receive(json));
        await context.AddInitScriptAsync(CheckEveryPage);
        return tab;
    }

    /// <summary>Goes to a page once the page on show has been checked.</summary>
    public async Task<IResponse?> GotoAsync(string path)
    {
        await CheckOfPageOnShowAsync();
        return await Page.GotoAsync(path);
    }

    /// <summary>Loads the page on show again once it has been checked.</summary>
    public async Task ReloadAsync()
    {
        await CheckOfPageOnShowAsync();
        await Page.ReloadAsync();
    }

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
    /// Saves a screenshot named after the step, then fails if axe found a serious or critical WCAG 2.2 AA violation
    /// on any page this tab has shown, or if anything went wrong in the background since the tab was opened.
    /// </summary>
    public async Task CheckAsync(string step)
    {
        await PageCheckedAsync();
        // JPEG: a whole page is written several times faster than as PNG, and reads as well.
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor(step), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 80 });
        AxeReport? last;
        lock (reports)
        {
            last = reports.LastOrDefault();
        }
        // Every finding on this page, minor ones included, beside the screenshot: for a person to read, not to fail on.
        await File.WriteAllTextAsync(Path.ChangeExtension(Screenshots.PathFor(step), ".axe.txt"),
            last is null ? $"{Page.Url}: not checked\n" : last.Violations.Count == 0 ? $"{Page.Url}: no violations\n" : $"{Page.Url}:\n{Describe(last.Violations)}");
        AssertNothingWrong(step);
    }

    /// <summary>Waits for the check of the page on show, then fails on anything recorded on any page of this tab.</summary>
    public async Task AssertEveryPageAccessibleAsync(string who)
    {
        await PageCheckedAsync();
        AssertNothingWrong(who);
    }

    private async Task PageCheckedAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await CheckOfPageOnShowAsync();
    }

    private async Task CheckOfPageOnShowAsync()
    {
        Task check;
        lock (checks)
        {
            check = pageOnShowChecked;
        }
        try
        {
            await check.WaitAsync(CheckTimeout);
        }
        catch (TimeoutException)
        {
            Record($"axe did not finish checking {Page.Url} within {CheckTimeout.TotalSeconds} s");
        }
    }

    private void Shown(string page)
    {
        var check = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (checks)
        {
            checks[page] = check;
            pageOnShowChecked = check.Task;
        }
    }

    private void AssertNothingWrong(string step)
    {
        string[] seen;
        lock (problems)
        {
            seen = [.. problems, .. failedRequests
                .Where(f => !(f.Failure == "net::ERR_ABORTED" && downloads.Contains(f.Url)))
                .Select(f => $"request failed: {f.Url} ({f.Failure})")];
        }
        Assert.True(seen.Length == 0, $"{step} ({Page.Url}):\n{string.Join("\n", seen)}");
    }

    private void Receive(string json)
    {
        var report = JsonSerializer.Deserialize<AxeReport>(json, Json)!;
        lock (reports)
        {
            reports.Add(report);
        }
        lock (checks)
        {
            if (checks.Remove(report.Page, out var check))
            {
                check.SetResult();
            }
        }
        File.AppendAllText(Path.Combine(Screenshots.Directory, "axe-pages.txt"),
            $"{new Uri(report.Url).PathAndQuery}: {(report.Error is null ? $"{report.Violations.Count} violation(s)" : $"axe failed: {report.Error}")}\n");
        if (report.Error is not null)
        {
            Record($"axe could not check {report.Url}: {report.Error}");
        }
        var blocking = report.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        if (blocking.Count > 0)
        {
            Record($"axe found {blocking.Count} serious or critical violation(s) on {report.Url}:\n{Describe(blocking)}");
        }
    }

    private void Record(string problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    private static string Describe(IEnumerable<AxeViolation> violations)
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

    private sealed record AxeReport(string Page, string Url, List<AxeViolation> Violations, string? Error)
    {
        public List<AxeViolation> Violations { get; init; } = Violations ?? [];
    }

    private sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, List<AxeNode> Nodes);

    private sealed record AxeNode(string Target, string Html);
}

/// <summary>Screenshots go under TestResults/screenshots of the test run (PORTAL_SCREENSHOTS overrides the folder).</summary>
public static class Screenshots
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(Path.GetFullPath(
        Environment.GetEnvironmentVariable("PORTAL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine("TestResults", "screenshots"))).FullName;

    public static string PathFor(string step)
    {
        var name = string.Concat(step.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));
        return Path.Combine(Directory, $"{name}.jpg");
    }
}
