using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Data;

/// <summary>Open framework schemes and dynamic markets (ADR 028): tenant-owned (applications provider-owned too); filters added by <see cref="PortalDbContext"/>.</summary>
internal static class SchemeDataModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<FrameworkScheme>(e =>
        {
            e.HasIndex(s => s.ProcurementId).IsUnique();
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.ConditionsOfMembership).HasMaxLength(4000);
            e.Property(s => s.CreatedByName).HasMaxLength(256);
            e.HasOne<Procurement>().WithMany().HasForeignKey(s => s.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SchemeRound>(e =>
        {
            e.HasIndex(r => r.ProcurementId).IsUnique();
            e.HasIndex(r => new { r.SchemeId, r.Number }).IsUnique();
            e.Property(r => r.StartedByName).HasMaxLength(256);
            e.HasOne<FrameworkScheme>().WithMany().HasForeignKey(r => r.SchemeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Procurement>().WithMany().HasForeignKey(r => r.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SchemeWarning>(e =>
        {
            e.HasIndex(w => new { w.SchemeId, w.Kind, w.DueOn }).IsUnique();
            e.Property(w => w.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne<FrameworkScheme>().WithMany().HasForeignKey(w => w.SchemeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MarketApplication>(e =>
        {
            e.HasIndex(a => a.SchemeId);
            e.HasIndex(a => a.ProviderId);
            e.Property(a => a.ProviderName).HasMaxLength(200);
            e.Property(a => a.Statement).HasMaxLength(4000);
            e.Property(a => a.AppliedByName).HasMaxLength(256);
            e.Property(a => a.Lots).HasColumnType("jsonb").HasConversion(
                lots => JsonSerializer.Serialize(lots, JsonSerializerOptions.Web),
                json => JsonSerializer.Deserialize<List<AppliedLot>>(json, JsonSerializerOptions.Web) ?? new List<AppliedLot>(),
                new ValueComparer<List<AppliedLot>>((a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
                    lots => JsonSerializer.Serialize(lots, JsonSerializerOptions.Web).GetHashCode(), lots => lots.ToList()));
            e.HasOne<FrameworkScheme>().WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MarketDecision>(e =>
        {
            e.HasIndex(d => d.ApplicationId).IsUnique();
            e.HasIndex(d => d.SchemeId);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.Reasons).HasMaxLength(2000);
            e.Property(d => d.DecidedByName).HasMaxLength(256);
            e.HasOne<MarketApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<FrameworkScheme>().WithMany().HasForeignKey(d => d.SchemeId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
