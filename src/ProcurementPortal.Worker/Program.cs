using Hangfire;
using ProcurementPortal.Core;
using ProcurementPortal.Core.Tenancy;

// The optional separate job server (scale-out): the same Core and job storage as the web app, which then
// runs with Jobs:InProcessServer=false. See docs/adr/005-hangfire-in-process-by-default.md.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddPortalCore(builder.Configuration);
builder.Services.AddSingleton<IActor>(new SystemActor("worker"));
builder.Services.AddPortalJobServer(builder.Configuration);

var host = builder.Build();
PortalCore.RegisterRecurringJobs(host.Services.GetRequiredService<IRecurringJobManager>());
host.Run();
