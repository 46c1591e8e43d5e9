using Microsoft.EntityFrameworkCore;
using ProcurementPortal.Core.Domain;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Users;

[Collection(PortalCollection.Name)]
public sealed class InvitationLookupTests(PortalFixture fixture)
{
    [Fact]
    public async Task The_app_role_learns_only_the_tenant_of_a_token_and_still_cannot_read_invitations_without_that_tenant()
    {
        var tenant = await fixture.CreateTenantAsync();
        var (_, token) = await fixture.CreateInvitationAsync(tenant.Id, "someone@tenant.test");
        await using var db = fixture.AppDb();

        var found = await db.Database.SqlQuery<Guid?>($"select invitation_tenant_by_token({Invitation.HashToken(token)}) as \"Value\"").SingleAsync();
        var unknown = await db.Database.SqlQuery<Guid?>($"select invitation_tenant_by_token({Invitation.HashToken("no such token")}) as \"Value\"").SingleAsync();

        Assert.Equal(tenant.Id, found);
        Assert.Null(unknown);
        Assert.Equal(0, await db.Invitations.IgnoreQueryFilters().CountAsync());
        await using var scoped = fixture.AppDb(tenant.Id);
        Assert.Equal(1, await scoped.Invitations.CountAsync());
    }
}
