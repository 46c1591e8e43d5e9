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
    }
}
