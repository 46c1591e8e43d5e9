using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProcurementPortal.Core.Domain.Award;
using ProcurementPortal.Core.Domain.Framework;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Data;

/// <summary>The framework's live record and brokerage: tenant-owned (responses provider-owned too); filters added by <see cref="PortalDbContext"/>.</summary>
internal static class FrameworkDataModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<FrameworkMember>(e =>
        {
            e.HasIndex(m => new { m.FrameworkAgreementId, m.ProviderId }).IsUnique();
            e.HasIndex(m => m.ProcurementId);
            e.HasIndex(m => new { m.LotId, m.Status });
            e.HasIndex(m => m.ProviderId);
            e.Property(m => m.ProviderName).HasMaxLength(200);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.StatusReason).HasMaxLength(1000);
            e.Property(m => m.TotalScore).HasPrecision(9, 4);
            e.Property(m => m.CapacityHoursPerWeek).HasPrecision(9, 2);
            e.HasOne<FrameworkAgreement>().WithMany().HasForeignKey(m => m.FrameworkAgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Contract>().WithMany().HasForeignKey(m => m.ContractId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PackageRequest>(e =>
        {
            e.HasIndex(r => new { r.TenantId, r.Reference }).IsUnique();
            e.HasIndex(r => new { r.LotId, r.Status });
            e.Property(r => r.Reference).HasMaxLength(80);
            e.Property(r => r.LotName).HasMaxLength(200);
            e.Property(r => r.PostcodeDistrict).HasMaxLength(4);
            e.Property(r => r.BandCode).HasMaxLength(20);
            e.Property(r => r.BandName).HasMaxLength(200);
            e.Property(r => r.HoursPerWeek).HasPrecision(6, 2);
            e.Property(r => r.Requirements).HasMaxLength(2000);
            e.Property(r => r.CaseReference).HasMaxLength(40);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.PostedByName).HasMaxLength(256);
            e.HasOne<Procurement>().WithMany().HasForeignKey(r => r.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<FrameworkAgreement>().WithMany().HasForeignKey(r => r.FrameworkAgreementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PackageResponse>(e =>
        {
            e.HasIndex(r => new { r.PackageRequestId, r.ProviderId }).IsUnique();
            e.HasIndex(r => r.ProviderId);
            e.Property(r => r.ProviderName).HasMaxLength(200);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.DeclineReason).HasMaxLength(1000);
            e.Property(r => r.RespondedByName).HasMaxLength(256);
            e.HasOne<PackageRequest>().WithMany().HasForeignKey(r => r.PackageRequestId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<FrameworkMember>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<MiniCompetition>(e =>
        {
            e.HasIndex(c => new { c.TenantId, c.Reference }).IsUnique();
            e.HasIndex(c => new { c.LotId, c.Status });
            e.Property(c => c.Reference).HasMaxLength(80);
            e.Property(c => c.LotName).HasMaxLength(200);
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.Requirements).HasMaxLength(2000);
            Json(e.Property(c => c.Bands));
            Json(e.Property(c => c.Questions));
            Json(e.Property(c => c.Scores));
            e.Property(c => c.PriceWeight).HasPrecision(5, 2);
            e.Property(c => c.PriceFormula).HasMaxLength(40);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.StartedByName).HasMaxLength(256);
            e.Property(c => c.AwardedByName).HasMaxLength(256);
            e.Property(c => c.Standstill).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.StandstillReason).HasMaxLength(1000);
            e.Ignore(c => c.HoursPerWeek);
            e.HasOne<Procurement>().WithMany().HasForeignKey(c => c.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<FrameworkAgreement>().WithMany().HasForeignKey(c => c.FrameworkAgreementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MiniCompetitionResponse>(e =>
        {
            e.HasIndex(r => new { r.MiniCompetitionId, r.ProviderId }).IsUnique();
            e.HasIndex(r => r.ProviderId);
            e.Property(r => r.ProviderName).HasMaxLength(200);
            Json(e.Property(r => r.Rates));
            Json(e.Property(r => r.Answers));
            e.Property(r => r.RespondedByName).HasMaxLength(256);
            e.HasOne<MiniCompetition>().WithMany().HasForeignKey(r => r.MiniCompetitionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<FrameworkMember>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    /// <summary>A list of small records kept as one jsonb column, compared by value.</summary>
    private static void Json<T>(PropertyBuilder<List<T>> property) => property.HasColumnType("jsonb").HasConversion(
        list => JsonSerializer.Serialize(list, JsonSerializerOptions.Web),
        json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Web) ?? new List<T>(),
        new ValueComparer<List<T>>((a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (h, x) => HashCode.Combine(h, x)), list => list.ToList()));
}
