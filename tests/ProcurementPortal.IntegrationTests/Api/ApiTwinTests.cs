using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.IntegrationTests.Support;
using ProcurementPortal.Web.Infrastructure;

namespace ProcurementPortal.IntegrationTests.Api;

/// <summary>
/// Every action a person can take on a page has an API twin with the same checks (issue 9): each page POST names its
/// twin with <see cref="ApiTwinAttribute"/> (or says why it has none with <see cref="NoApiTwinAttribute"/>), the twin
/// is a routed and documented API endpoint, and it is given the same use-case handler as the page action.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ApiTwinTests(PortalFixture fixture)
{
    [Fact]
    public async Task Every_page_action_that_changes_something_has_a_documented_api_twin_calling_the_same_handler()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pageActions = endpoints
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { } a && !IsApi(a)
                && (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") ?? true))
            .Select(e => e.Metadata.GetMetadata<ControllerActionDescriptor>()!)
            .ToList();

        var problems = TwinProblems(pageActions, ApiEndpoints(endpoints), await DocumentedAsync());

        Assert.True(pageActions.Count > 80, $"Only {pageActions.Count} page actions found");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task The_twin_check_reports_an_unmapped_action_a_twin_that_does_not_exist_and_a_twin_with_another_handler()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var actions = typeof(NotTwinnedController).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => new ControllerActionDescriptor
            {
                MethodInfo = m, ControllerTypeInfo = typeof(NotTwinnedController).GetTypeInfo(),
                ControllerName = "NotTwinned", ActionName = m.Name,
            })
            .ToList();

        var problems = TwinProblems(actions, ApiEndpoints(endpoints), await DocumentedAsync());

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("NotTwinned.Unmapped") && p.Contains("neither [ApiTwin] nor [NoApiTwin"));
        Assert.Contains(problems, p => p.Contains("NotTwinned.Missing") && p.Contains("POST /api/v1/t/{tenant}/no-such-thing"));
        Assert.Contains(problems, p => p.Contains("NotTwinned.OtherHandler") && p.Contains(nameof(Web.Features.Webhooks.RemoveWebhookSubscription)));
    }

    /// <summary>Page actions used only to prove that the check above fails where it should.</summary>
    private sealed class NotTwinnedController : Controller
    {
        public IActionResult Unmapped() => Ok();

        [ApiTwin("POST /api/v1/t/{tenant}/no-such-thing")]
        public IActionResult Missing() => Ok();

        [ApiTwin("POST /api/v1/t/{tenant}/webhooks")]
        public IActionResult OtherHandler([FromServices] Web.Features.Webhooks.RemoveWebhookSubscription remove) => Ok(remove);
    }

    private static List<string> TwinProblems(
        IEnumerable<ControllerActionDescriptor> pageActions, IReadOnlyDictionary<string, ControllerActionDescriptor?> api, ISet<string> documented)
    {
        var problems = new List<string>();
        foreach (var action in pageActions)
        {
            var name = $"{action.ControllerTypeInfo.Name.Replace("Controller", "")}.{action.MethodInfo.Name}";
            var exclusion = action.MethodInfo.GetCustomAttribute<NoApiTwinAttribute>() ?? action.ControllerTypeInfo.GetCustomAttribute<NoApiTwinAttribute>();
            if (action.MethodInfo.GetCustomAttribute<ApiTwinAttribute>() is not { } twin)
            {
                if (string.IsNullOrWhiteSpace(exclusion?.Reason))
                {
                    problems.Add($"{name} has neither [ApiTwin] nor [NoApiTwin(reason)]");
                }
                continue;
            }
            if (!api.TryGetValue(twin.Endpoint, out var twinAction))
            {
                problems.Add($"{name}: its twin {twin.Endpoint} is not an API endpoint");
                continue;
            }
            if (!documented.Contains(twin.Endpoint))
            {
                problems.Add($"{name}: its twin {twin.Endpoint} is not in the OpenAPI document");
            }
            var given = twinAction is null ? [] : Injected(twinAction).ToHashSet();
            foreach (var handler in UseCases(action).Where(h => !given.Contains(h)))
            {
                problems.Add($"{name} runs {handler.Name}, which its twin {twin.Endpoint} is not given");
            }
        }
        return problems;
    }

    /// <summary>The use-case handlers a page action is given per request (a class with a HandleAsync method).</summary>
    private static IEnumerable<Type> UseCases(ControllerActionDescriptor action) =>
        action.MethodInfo.GetParameters().Where(p => p.GetCustomAttribute<FromServicesAttribute>() is not null)
            .Select(p => p.ParameterType).Where(t => t.GetMethods().Any(m => m.Name == "HandleAsync"));

    /// <summary>Everything an API action can call: its [FromServices] parameters and its controller's constructor parameters.</summary>
    private static IEnumerable<Type> Injected(ControllerActionDescriptor action) =>
        action.MethodInfo.GetParameters().Where(p => p.GetCustomAttribute<FromServicesAttribute>() is not null).Select(p => p.ParameterType)
            .Concat(action.ControllerTypeInfo.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType));

    private static bool IsApi(ControllerActionDescriptor action) => action.ControllerTypeInfo.GetCustomAttribute<ApiControllerAttribute>() is not null;

    /// <summary>"METHOD /api/v1/..." of every routed API endpoint, with its controller action (none for minimal APIs such as Identity's).</summary>
    private static Dictionary<string, ControllerActionDescriptor?> ApiEndpoints(IEnumerable<RouteEndpoint> endpoints)
    {
        var api = new Dictionary<string, ControllerActionDescriptor?>();
        foreach (var endpoint in endpoints.Where(e => ApiRoutes.Normalise(e.RoutePattern.RawText!).StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                api[$"{method} {ApiRoutes.Normalise(endpoint.RoutePattern.RawText!)}"] = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>();
            }
        }
        return api;
    }

    private Task<HashSet<string>> DocumentedAsync() => ApiRoutes.DocumentedAsync(fixture.CreateClient());
}
