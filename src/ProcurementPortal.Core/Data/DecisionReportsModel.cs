using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.DecisionReports;

namespace ProcurementPortal.Core.Data;

/// <summary>The decision report tables: tenant-owned (the filters are added by <see cref="PortalDbContext"/>).</summary>
internal static class DecisionReportsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<DecisionReport>(e =>
        {
            e.HasIndex(r => new { r.SeriesId, r.Version }).IsUnique();
            e.HasIndex(r => new { r.SubjectType, r.SubjectId });
            e.Property(r => r.SubjectType).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Title).HasMaxLength(300);
            e.Property(r => r.DecisionMaker).HasMaxLength(300);
            e.Property(r => r.AuthorName).HasMaxLength(256);
            e.Property(r => r.DecidedByName).HasMaxLength(256);
            e.Property(r => r.DecisionComment).HasMaxLength(4000);
            e.Property(r => r.BudgetReductionPercent).HasPrecision(5, 2);
            e.Property(r => r.ApprovedFactsJson).HasColumnType("jsonb");
            e.Property(r => r.RowVersion).IsRowVersion();
            e.OwnsMany(r => r.Options, options => options.ToJson());
            e.OwnsMany(r => r.Equality, equality =>
            {
                equality.ToJson();
                equality.Property(x => x.Impact).HasConversion<string>();
            });
            e.OwnsOne(r => r.Waiver, waiver =>
            {
                waiver.ToJson();
                waiver.OwnsMany(w => w.Contracts);
            });
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DecisionReportTemplate>(e =>
        {
            // One template per tenant.
            e.HasIndex(t => t.TenantId).IsUnique();
            e.OwnsMany(t => t.Sections, sections => sections.ToJson());
            e.OwnsMany(t => t.Exemptions, exemptions => exemptions.ToJson());
            e.HasOne<Organisation>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
