using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Data;

/// <summary>The award tables: tenant-owned (the filters are added by <see cref="PortalDbContext"/>).</summary>
internal static class AwardDataModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Award>(e =>
        {
            e.HasIndex(a => a.ProcurementId).IsUnique();
            e.Property(a => a.Regime).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.Decision).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.RecommendedByName).HasMaxLength(256);
            e.Property(a => a.DecidedByName).HasMaxLength(256);
            e.Property(a => a.DecisionComments).HasMaxLength(4000);
            e.Property(a => a.ChallengeDetails).HasMaxLength(4000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(a => a.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AwardedBid>(e =>
        {
            e.HasIndex(a => new { a.LotId, a.BidId }).IsUnique();
            e.HasIndex(a => a.ProcurementId);
            e.Property(a => a.ProviderName).HasMaxLength(200);
            e.Property(a => a.DepartureReason).HasMaxLength(4000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(a => a.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Bid>().WithMany().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AwardLetter>(e =>
        {
            // One letter per bid and lot: a rerun of the bulk job finds it and writes nothing.
            e.HasIndex(l => new { l.BidId, l.LotId }).IsUnique();
            e.HasIndex(l => l.ProcurementId);
            e.HasIndex(l => l.ProviderId);
            e.Property(l => l.FileName).HasMaxLength(200);
            e.Property(l => l.Sha256).HasMaxLength(64);
            e.HasOne<Procurement>().WithMany().HasForeignKey(l => l.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Bid>().WithMany().HasForeignKey(l => l.BidId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<FrameworkAgreement>(e =>
        {
            e.HasIndex(f => f.LotId).IsUnique();
            e.HasIndex(f => f.ProcurementId);
            e.Property(f => f.Title).HasMaxLength(400);
            e.HasOne<Procurement>().WithMany().HasForeignKey(f => f.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Contract>(e =>
        {
            e.HasIndex(c => new { c.LotId, c.ProviderId }).IsUnique();
            e.HasIndex(c => c.EndsOn);
            e.Property(c => c.Reference).HasMaxLength(80);
            e.Property(c => c.Title).HasMaxLength(400);
            e.Property(c => c.ProviderName).HasMaxLength(200);
            e.Property(c => c.LotName).HasMaxLength(200);
            e.Property(c => c.ExtensionOptions).HasMaxLength(400);
            e.Property(c => c.AnnualValue).HasPrecision(18, 2);
            e.Property(c => c.CallOffBandCode).HasMaxLength(20);
            e.Property(c => c.HoursPerWeek).HasPrecision(6, 2);
            e.Property(c => c.WeeklyValue).HasPrecision(18, 2);
            e.Property(c => c.Rates).HasColumnType("jsonb").HasConversion(
                rates => JsonSerializer.Serialize(rates, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<AgreedRate>>(json, JsonSerializerOptions.Web) ?? new List<AgreedRate>(),
                new ValueComparer<List<AgreedRate>>((a, b) => a!.SequenceEqual(b!), rates => rates.Aggregate(0, (h, r) => HashCode.Combine(h, r)), rates => rates.ToList()));
            e.HasOne<Procurement>().WithMany().HasForeignKey(c => c.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<FrameworkAgreement>().WithMany().HasForeignKey(c => c.FrameworkAgreementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ContractExtension>(e =>
        {
            e.HasIndex(x => x.ContractId);
            e.Property(x => x.AddedValue).HasPrecision(18, 2);
            e.Property(x => x.Authority).HasMaxLength(500);
            e.Property(x => x.RecordedByName).HasMaxLength(256);
            e.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TenantNonWorkingDay>(e =>
        {
            e.HasIndex(d => new { d.TenantId, d.Day }).IsUnique();
            e.Property(d => d.Name).HasMaxLength(200);
        });
    }
}
