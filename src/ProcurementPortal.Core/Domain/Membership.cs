using System.Text.Json.Serialization;

namespace ProcurementPortal.Core.Domain;

/// <summary>Roles a user holds in one organisation (ARCHITECTURE.md, "Who is who"). The API names them, never numbers them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    TenantAdmin = 1,
    ProcurementOfficer = 2,
    Evaluator = 3,
    Approver = 4,
    ProviderAdmin = 10,
    BidWriter = 11,
}

public static class Roles
{
    public static readonly IReadOnlyList<Role> Tenant = [Role.TenantAdmin, Role.ProcurementOfficer, Role.Evaluator, Role.Approver];
    public static readonly IReadOnlyList<Role> Provider = [Role.ProviderAdmin, Role.BidWriter];

    public static bool FitsOrganisation(this Role role, OrganisationKind kind) =>
        kind == OrganisationKind.CommissioningBody ? Tenant.Contains(role) : Provider.Contains(role);

    public static string DisplayName(this Role role) => role switch
    {
        Role.TenantAdmin => "Tenant admin",
        Role.ProcurementOfficer => "Procurement officer",
        Role.Evaluator => "Evaluator",
        Role.Approver => "Approver",
        Role.ProviderAdmin => "Provider admin",
        Role.BidWriter => "Bid writer",
        _ => role.ToString(),
    };
}

/// <summary>One role of one user in one organisation.</summary>
public class Membership
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public Role Role { get; set; }
    public DateTime CreatedAt { get; set; }
}
