using System.Text;
using ProcurementPortal.Core.Identity;

namespace ProcurementPortal.UnitTests.Identity;

public sealed class TotpTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    /// <summary>RFC 6238 appendix B, SHA-1 rows: the 8-digit values there, truncated to the 6 digits authenticator apps show.</summary>
    [Theory]
    [InlineData(59L, 287082)] // 94287082
    [InlineData(1111111109L, 81804)] // 07081804
    [InlineData(1111111111L, 50471)] // 14050471
    [InlineData(1234567890L, 5924)] // 89005924
    [InlineData(2000000000L, 279037)] // 69279037
    [InlineData(20000000000L, 353130)] // 65353130
    public void Codes_match_the_rfc_6238_test_vectors(long unixSeconds, int expected)
    {
        var step = ReplayProtectedAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, ReplayProtectedAuthenticatorTokenProvider.Compute(RfcSecret, step));
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(29L, 0L)]
    [InlineData(30L, 1L)]
    [InlineData(59L, 1L)]
    [InlineData(1111111109L, 37037036L)]
    public void A_time_step_is_thirty_seconds_since_the_unix_epoch(long unixSeconds, long step)
    {
        Assert.Equal(step, ReplayProtectedAuthenticatorTokenProvider.CurrentStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void The_rfc_secret_written_in_base32_gives_the_same_codes()
    {
        var secret = Base32.Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

        Assert.Equal(RfcSecret, secret);
        Assert.Equal(287082, ReplayProtectedAuthenticatorTokenProvider.Compute(secret, 1));
    }
}
