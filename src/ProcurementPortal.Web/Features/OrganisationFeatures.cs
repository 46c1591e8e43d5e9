using ProcurementPortal.Web.Features.Audit;
using ProcurementPortal.Web.Features.Branding;
using ProcurementPortal.Web.Features.Invitations;
using ProcurementPortal.Web.Features.Providers;
using ProcurementPortal.Web.Features.Tenants;
using ProcurementPortal.Web.Features.Users;

namespace ProcurementPortal.Web.Features;

public static class OrganisationFeatures
{
    /// <summary>Tenants, users and invitations, providers, branding and the audit log.</summary>
    public static IServiceCollection AddOrganisationFeatures(this IServiceCollection services) => services
        .AddScoped<ListTenants>()
        .AddScoped<CreateTenant>()
        .AddScoped<InvitationSender>()
        .AddScoped<TenantMembers>()
        .AddScoped<TenantInvitations>()
        .AddScoped<InviteUser>()
        .AddScoped<RevokeInvitation>()
        .AddScoped<ChangeMemberRoles>()
        .AddScoped<AcceptInvitation>()
        .AddScoped<ProviderAccess>()
        .AddScoped<RegisterProvider>()
        .AddScoped<TenantBranding>()
        .AddScoped<UpdateBranding>()
        .AddScoped<UploadLogo>()
        .AddScoped<BrowseAuditEvents>();
}
