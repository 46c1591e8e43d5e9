using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Identity;
using ProcurementPortal.Core.Tenancy;
using ProcurementPortal.Web.Features;
using ProcurementPortal.Web.Features.Account;
using ProcurementPortal.Web.Features.Award;
using ProcurementPortal.Web.Features.ContractRecords;
using ProcurementPortal.Web.Features.OpenData;
using ProcurementPortal.Web.Features.FindWork;
using ProcurementPortal.Web.Features.Bids;
using ProcurementPortal.Web.Features.Brokerage;
using ProcurementPortal.Web.Features.Spend;
using ProcurementPortal.Web.Features.Schemes;
using ProcurementPortal.Web.Features.MiniCompetitions;
using ProcurementPortal.Web.Features.DecisionReports;
using ProcurementPortal.Web.Features.Evaluation;
using ProcurementPortal.Web.Features.Procurements;
using ProcurementPortal.Web.Features.Notifications;
using ProcurementPortal.Web.Features.MarketIntent;
using ProcurementPortal.Web.Features.TenderDocuments;
using ProcurementPortal.Web.Infrastructure;
using ProcurementPortal.Web.Infrastructure.Demo;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Services.AddPortalCore(config);
builder.Services.Configure<PortalOptions>(config.GetSection("Portal"));
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IActor, HttpActor>();
builder.Services.AddScoped<PersonMemberships>();
builder.Services.AddScoped<NavigationService>();
builder.Services.AddAccountFeature();
builder.Services.AddOrganisationFeatures();
builder.Services.AddProcurementsFeature();
builder.Services.AddMarketIntentFeature();
builder.Services.AddFindWorkFeature();
builder.Services.AddBidsFeature();
builder.Services.AddTenderDocumentsFeature();
builder.Services.AddDecisionReportsFeature();
builder.Services.AddContractRecordsFeature();
builder.Services.AddOpenDataFeature(builder.Configuration);
builder.Services.AddExportsFeature();
builder.Services.AddEvaluationFeature();
builder.Services.AddAwardFeature();
builder.Services.AddBrokerageFeature();
builder.Services.AddSpendFeature();
builder.Services.AddSchemesFeature();
builder.Services.AddMiniCompetitionFeature();
builder.Services.AddDashboardFeature();
builder.Services.AddDemoStages();
builder.Services.AddIntegrationsFeature(config);

// Identity: one global account per person; cookie for people, bearer tokens for the API.
builder.Services.AddIdentity<PortalUser, IdentityRole<Guid>>(o =>
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireDigit = false;
        o.Lockout.MaxFailedAccessAttempts = config.GetValue("Portal:Lockout:MaxFailedAttempts", 5);
        o.Lockout.DefaultLockoutTimeSpan = config.GetValue("Portal:Lockout:Duration", TimeSpan.FromMinutes(15));
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedEmail = true;
        o.Tokens.AuthenticatorTokenProvider = ReplayProtectedAuthenticatorTokenProvider.ProviderName;
    })
    .AddEntityFrameworkStores<PortalDbContext>()
    .AddDefaultTokenProviders()
    .AddTokenProvider<ReplayProtectedAuthenticatorTokenProvider>(ReplayProtectedAuthenticatorTokenProvider.ProviderName)
    .AddClaimsPrincipalFactory<PortalClaimsFactory>()
    .AddApiEndpoints();
// After AddIdentity, which sets the cookie as every default: pages use the cookie, /api the bearer token.
const string PortalScheme = "Portal";
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = PortalScheme;
        o.DefaultAuthenticateScheme = PortalScheme;
        o.DefaultChallengeScheme = PortalScheme;
        o.DefaultForbidScheme = PortalScheme;
    })
    .AddPolicyScheme(PortalScheme, "Cookie for pages, bearer token for /api", o =>
        o.ForwardDefaultSelector = http => http.Request.Path.StartsWithSegments("/api")
            ? ApiClientAuthentication.SchemeFor(http.Request)
            : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o =>
        o.BearerTokenExpiration = config.GetValue("Portal:BearerTokenLifetime", TimeSpan.FromHours(1)));
builder.Services.AddSingleton<IEmailSender<PortalUser>, OutboxIdentityEmailSender>();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/account/sign-in";
    o.LogoutPath = "/account/sign-out";
    o.AccessDeniedPath = "/error/403";
    o.Cookie.Name = "portal.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddAuthorization(o =>
    o.AddPolicy(PortalClaims.PlatformAdminPolicy, p => p.RequireClaim(PortalClaims.PlatformAdmin, "true")));

builder.Services.AddControllersWithViews(o =>
    {
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        o.Conventions.Add(new ApiAntiforgeryConvention());
    })
    .AddRazorOptions(o =>
    {
        // Views live beside their controllers: Features/<Area>/<View>.cshtml (ARCHITECTURE.md).
        o.ViewLocationFormats.Clear();
        o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
        o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
    });
builder.Services.AddAntiforgery(o => o.Cookie.Name = "portal.antiforgery");
builder.Services.AddProblemDetails();
builder.Services.AddPortalHealthChecks();
builder.Services.AddPortalResponseCompression();
builder.Services.AddPortalTelemetry(config);
builder.Services.AddExceptionHandler<PortalExceptionHandler>();
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "ProcurementPortal API";
    doc.Info.Description = "Provider framework procurements for care and support services. Errors are RFC 9457 problem details.";
    return Task.CompletedTask;
}));

if (config.GetValue("Jobs:InProcessServer", true))
{
    builder.Services.AddPortalJobServer(config);
}

var app = builder.Build();

app.UseMiddleware<SecurityHeaders>();
app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages =>
{
    pages.UseExceptionHandler("/error/500");
    pages.UseStatusCodePagesWithReExecute("/error/{0}");
});
app.UsePortalStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseRateLimiter(); // after authentication: one window per API client or user (ApiRateLimits)
app.UseAuthorization();
app.UseMiddleware<TenancyMiddleware>();

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/scalar", o => o.WithTitle("ProcurementPortal API"));
app.MapGroup("/api/v1/identity").WithTags("Identity").MapIdentityApi<PortalUser>();
app.MapControllers();
app.MapPortalHealthChecks();
app.MapHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [new HangfireDashboardAuthorization()],
    DisplayStorageConnectionString = false,
    AppPath = "/",
});

await app.Services.StartupTasksAsync(config);
app.Run();

public partial class Program;
