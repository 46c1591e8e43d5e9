using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcurementPortal.IntegrationTests.Support;

namespace ProcurementPortal.IntegrationTests.Platform;

[Collection(PortalCollection.Name)]
public sealed class DataProtectionKeyRingTests(PortalFixture fixture)
{
    [Fact]
    public async Task Text_protected_by_one_app_instance_opens_in_another_through_the_key_ring_in_the_database()
    {
        var protector = fixture.App.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key-ring-test");
        var sealedText = protector.Protect("Ribble Valley's answer to question 3");

        await using (var db = fixture.SuperuserDb())
        {
            var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, k => Assert.Contains("<key ", k.Xml!, StringComparison.Ordinal));
        }

        string? opened = null;
        await fixture.WithExtraAppAsync(other =>
        {
            opened = other.Services.GetRequiredService<IDataProtectionProvider>()
                .CreateProtector("key-ring-test").Unprotect(sealedText);
            return Task.CompletedTask;
        });
        Assert.Equal("Ribble Valley's answer to question 3", opened);
    }
}
