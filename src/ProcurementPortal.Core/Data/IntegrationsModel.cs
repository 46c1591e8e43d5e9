using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.Core.Integrations;

namespace ProcurementPortal.Core.Data;

/// <summary>API clients and outbound webhooks: tenant-owned (the filters are added by <see cref="PortalDbContext"/>).</summary>
internal static class IntegrationsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<ApiClient>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(100);
            e.PrimitiveCollection(c => c.Roles).ElementType(t => t.HasConversion<string>().HasMaxLength(30));
            // The token is looked up by its hash on every call, before the tenant is known.
            e.HasIndex(c => c.TokenHash).IsUnique();
            e.Property(c => c.TokenHint).HasMaxLength(20);
            e.Property(c => c.CreatedByName).HasMaxLength(256);
            e.Property(c => c.RevokedByName).HasMaxLength(256);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WebhookSubscription>(e =>
        {
            e.Property(s => s.Url).HasMaxLength(2000);
            e.PrimitiveCollection(s => s.Events).ElementType(t => t.HasMaxLength(40));
            e.Property(s => s.ProtectedSecret).HasMaxLength(1000);
            e.Property(s => s.CreatedByName).HasMaxLength(256);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WebhookDelivery>(e =>
        {
            e.Property(d => d.EventType).HasMaxLength(40);
            e.Property(d => d.LastError).HasMaxLength(1000);
            // One delivery per event per subscription: an event is never queued twice for the same receiver.
            e.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
            e.HasIndex(d => d.NextAttemptAt).HasFilter("delivered_at is null and failed_at is null");
            e.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<WebhookAttempt>(e =>
        {
            e.Property(a => a.Error).HasMaxLength(1000);
            e.HasIndex(a => new { a.DeliveryId, a.Number }).IsUnique();
        });
    }
}
