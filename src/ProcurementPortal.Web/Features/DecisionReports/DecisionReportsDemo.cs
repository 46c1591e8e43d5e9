using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Data;
using ProcurementPortal.Core.Demo;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.DecisionReports;
using ProcurementPortal.Core.Tenancy;

namespace ProcurementPortal.Web.Features.DecisionReports;

/// <summary>
/// Demo data: Leeds's Community Based Mental Health Service procurement and its decision report, written by the
/// first officer and approved by the approver, and the four contracts in the register a waiver would extend while it
/// is procured; once, only when Leeds has no procurement.
/// </summary>
public static class DecisionReportsDemo
{
    public static async Task SeedAsync(IServiceProvider services, Organisation leeds)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(leeds);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await db.Procurements.AnyAsync())
        {
            return;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var officer = await users.FindByEmailAsync("officer1@leeds.demo");
        var approver = await users.FindByEmailAsync("approver@leeds.demo");
        var now = DateTime.UtcNow;
        var procurement = LeedsCbmhs.Procurement();
        procurement.Reference = $"LEE-{now:yyyy}-0001";
        procurement.CreatedAt = now;
        db.Procurements.Add(procurement);

        var report = LeedsCbmhs.Report(procurement, now);
        report.SeriesId = report.Id;
        report.AuthorUserId = officer?.Id;
        report.AuthorName = officer?.Email ?? "officer1@leeds.demo";
        report.Status = DecisionReportStatus.Approved;
        report.SubmittedAt = now;
        report.DecidedAt = now;
        report.DecidedByUserId = approver?.Id;
        report.DecidedByName = approver?.Email ?? "approver@leeds.demo";
        report.ApprovedFactsJson = DecisionReportQueries.Freeze(DecisionReportFacts.ForProcurement(
            procurement, [], [], report.BudgetReductionPercent, report.DecisionDate, DecisionReportTemplate.DefaultKeyDecisionThreshold));
        db.DecisionReports.Add(report);

        if (officer is not null)
        {
            foreach (var contract in LeedsCbmhs.ContractsToExtend(officer.Id, now))
            {
                db.Contracts.Add(contract);
                db.ContractExtensions.Add(LeedsCbmhs.LastWaiver(contract, now));
            }
        }
        await db.SaveChangesAsync();
    }
}
