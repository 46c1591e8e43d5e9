using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain.Bids;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Core.Data;

/// <summary>The evaluation tables: tenant-owned (the filters are added by <see cref="PortalDbContext"/>).</summary>
internal static class EvaluationDataModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Procurement>(e =>
        {
            e.Property(p => p.TieBreakRule).HasConversion<string>().HasMaxLength(20).HasDefaultValue(TieBreakRule.HigherQuality);
            e.Property(p => p.AbnormallyLowThresholdPercent).HasPrecision(5, 2).HasDefaultValue(20m);
        });

        builder.Entity<BidOpening>(e =>
        {
            e.HasIndex(o => o.ProcurementId).IsUnique();
            e.Property(o => o.FirstOfficerName).HasMaxLength(256);
            e.Property(o => o.SecondOfficerName).HasMaxLength(256);
            e.HasOne<Procurement>().WithMany().HasForeignKey(o => o.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PanelMember>(e =>
        {
            e.HasIndex(m => new { m.ProcurementId, m.UserId, m.Role }).IsUnique();
            e.Property(m => m.DisplayName).HasMaxLength(256);
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Procurement>().WithMany().HasForeignKey(m => m.ProcurementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PanelInvitation>(e =>
        {
            e.HasIndex(i => i.ProcurementId);
            e.HasIndex(i => i.InvitationId).IsUnique();
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.DisplayName).HasMaxLength(256);
            e.HasOne<Procurement>().WithMany().HasForeignKey(i => i.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Domain.Invitation>().WithMany().HasForeignKey(i => i.InvitationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ConflictDeclaration>(e =>
        {
            e.HasIndex(d => new { d.ProcurementId, d.UserId, d.BidId }).IsUnique();
            e.Property(d => d.Details).HasMaxLength(2000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(d => d.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Bid>().WithMany().HasForeignKey(d => d.BidId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<GateDecision>(e =>
        {
            e.HasIndex(g => new { g.BidId, g.QuestionId }).IsUnique();
            e.HasIndex(g => g.ProcurementId);
            e.Property(g => g.Reason).HasMaxLength(2000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(g => g.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Bid>().WithMany().HasForeignKey(g => g.BidId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<IndividualScore>(e =>
        {
            e.HasIndex(s => new { s.BidId, s.QuestionId, s.UserId }).IsUnique();
            e.HasIndex(s => s.ProcurementId);
            e.Property(s => s.Justification).HasMaxLength(8000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(s => s.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Bid>().WithMany().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ModeratedScore>(e =>
        {
            e.HasIndex(s => new { s.BidId, s.QuestionId }).IsUnique();
            e.HasIndex(s => s.ProcurementId);
            e.Property(s => s.Rationale).HasMaxLength(8000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(s => s.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Bid>().WithMany().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<PriceEvaluation>(e =>
        {
            e.HasIndex(x => new { x.BidId, x.LotId }).IsUnique();
            e.HasIndex(x => x.ProcurementId);
            e.Property(x => x.ClarificationRequest).HasMaxLength(2000);
            e.HasOne<Procurement>().WithMany().HasForeignKey(x => x.ProcurementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Bid>().WithMany().HasForeignKey(x => x.BidId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Lot>().WithMany().HasForeignKey(x => x.LotId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
