using System.Security.Cryptography;
using System.Text;
using ProcurementPortal.Core.Integrations;

namespace ProcurementPortal.UnitTests.Webhooks;

public sealed class WebhookRulesTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(20, 3600)]
    public void A_failed_delivery_waits_twice_as_long_each_time_up_to_an_hour(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WebhookDelivery.Backoff(attempts));

    [Fact]
    public void All_retries_of_one_delivery_span_about_an_hour()
    {
        var total = Enumerable.Range(1, WebhookDelivery.MaxAttempts - 1).Select(WebhookDelivery.Backoff).Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Assert.InRange(total, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(70));
    }

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_timestamp_dot_body_with_the_secret()
    {
        const string secret = "whsec_test";
        const string body = """{"id":"1","type":"procurement.published"}""";

        var signature = WebhookSignature.Sign(secret, "1764147600", body);

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes("1764147600." + body)));
        Assert.Equal("sha256=" + expected, signature);
        Assert.NotEqual(signature, WebhookSignature.Sign(secret, "1764147601", body));
    }

    [Fact]
    public void Each_secret_is_new_and_long()
    {
        var secret = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(6 + 64, secret.Length);
        Assert.NotEqual(secret, WebhookSignature.NewSecret());
    }
}
