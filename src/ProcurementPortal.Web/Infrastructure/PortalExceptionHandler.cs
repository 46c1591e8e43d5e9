using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;

namespace ProcurementPortal.Web.Infrastructure;

/// <summary>
/// Maps the exceptions that mean something to callers: a write to another tenant's row answers 404 (as a read
/// of it would), a lost race on a row version answers 409. Everything else is a 500 that leaks nothing.
/// </summary>
public sealed class PortalExceptionHandler(IProblemDetailsService problems, ILogger<PortalExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            TenantViolationException => (StatusCodes.Status404NotFound, "Not found"),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "Someone else changed this record; reload it and try again"),
            _ => (StatusCodes.Status500InternalServerError, "Sorry, there is a problem with the service"),
        };
        if (status == StatusCodes.Status404NotFound)
        {
            log.LogWarning(exception, "Refused a cross-tenant write");
        }
        else if (status == StatusCodes.Status500InternalServerError)
        {
            log.LogError(exception, "Unhandled failure on {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        http.Response.StatusCode = status;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            return false; // the re-executed error page renders it
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
            Exception = exception,
        });
    }
}
