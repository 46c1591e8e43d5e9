using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Data;

/// <summary>The bid tables: tenant-owned and provider-owned (the filters are added by <see cref="PortalDbContext"/>).</summary>
internal static class BidsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Bid>(e =>
        {
            // One bid per provider organisation per procurement.
            e.HasIndex(b => new { b.ProcurementId, b.ProviderId }).IsUnique();
            e.HasIndex(b => b.ProviderId);
            e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.RowVersion).IsRowVersion();
            e.HasOne<Procurement>().WithMany().HasForeignKey(b => b.ProcurementId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(b => b.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BidVersion>(e =>
        {
            e.HasIndex(v => new { v.BidId, v.Number }).IsUnique();
            e.HasIndex(v => new { v.BidId, v.IdempotencyKey }).IsUnique();
            e.HasIndex(v => new { v.ProcurementId, v.ReceiptNumber }).IsUnique();
            e.HasIndex(v => v.ProviderId);
            e.Property(v => v.ReceiptNumber).HasMaxLength(40);
            e.Property(v => v.ContentHash).HasMaxLength(64);
            e.Property(v => v.IdempotencyKey).HasMaxLength(100);
            e.HasOne<Bid>().WithMany().HasForeignKey(v => v.BidId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Procurement>().WithMany().HasForeignKey(v => v.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BidAttachment>(e =>
        {
            e.HasIndex(a => new { a.BidId, a.QuestionId });
            e.HasIndex(a => a.ProviderId);
            e.Property(a => a.FileName).HasMaxLength(200);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.Sha256).HasMaxLength(64);
            e.Property(a => a.StorageName).HasMaxLength(32);
            e.HasOne<Bid>().WithMany().HasForeignKey(a => a.BidId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Procurement>().WithMany().HasForeignKey(a => a.ProcurementId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BidReceiptCounter>(e =>
        {
            e.HasKey(c => c.ProcurementId);
            e.HasOne<Procurement>().WithMany().HasForeignKey(c => c.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
