using Npgsql;
using ProcurementPortal.Core;

namespace ProcurementPortal.UnitTests.Data;

/// <summary>The app's connection string: tuned where it leaves Npgsql's defaults, left alone where it sets them (ADR 030).</summary>
public sealed class ConnectionTuningTests
{
    private const string Plain = "Host=db;Database=portal;Username=portal_app;Password=x";

    [Fact]
    public void A_plain_connection_string_gets_a_small_pool_and_automatic_preparation()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PortalCore.Tuned(Plain));

        Assert.Equal(PortalCore.DefaultMaxPoolSize, tuned.MaxPoolSize);
        Assert.Equal(8, tuned.MaxPoolSize);
        Assert.Equal(100, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Theory]
    [InlineData("Maximum Pool Size=100", 100)]
    [InlineData("maximum pool size=3", 3)]
    [InlineData("MaxPoolSize=40", 40)]
    public void A_pool_size_the_connection_string_sets_is_kept(string setting, int expected)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PortalCore.Tuned($"{Plain};{setting}"));

        Assert.Equal(expected, tuned.MaxPoolSize);
    }

    [Fact]
    public void A_reset_on_close_the_connection_string_asks_for_is_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PortalCore.Tuned($"{Plain};No Reset On Close=false"));

        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void Automatic_preparation_the_connection_string_sets_is_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PortalCore.Tuned($"{Plain};Max Auto Prepare=5"));

        Assert.Equal(5, tuned.MaxAutoPrepare);
    }
}
