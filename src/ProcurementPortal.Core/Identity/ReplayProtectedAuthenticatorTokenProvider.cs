using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ProcurementPortal.Core.Domain;

namespace ProcurementPortal.Core.Identity;

/// <summary>
/// TOTP (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, one step of drift either way) that remembers the
/// last accepted time step per user and refuses that step and any earlier one, so a code works once.
/// Identity's own authenticator provider accepts the same code again within its window.
/// </summary>
public sealed class ReplayProtectedAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "ReplayProtectedAuthenticator";
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) =>
        Task.FromResult(string.Empty); // Codes come from the user's authenticator app.

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || !int.TryParse(token.Replace(" ", "").Replace("-", ""), out var code))
        {
            return false;
        }
        var secret = Base32.Decode(key);
        var current = CurrentStep(clock.GetUtcNow());
        for (var step = current - 1; step <= current + 1; step++)
        {
            if (Compute(secret, step) != code)
            {
                continue;
            }
            if (user.LastTotpTimeStep is { } last && step <= last)
            {
                return false;
            }
            user.LastTotpTimeStep = step;
            // The concurrency stamp makes two simultaneous uses of one code race: only one update succeeds.
            return (await manager.UpdateAsync(user)).Succeeded;
        }
        return false;
    }

    public static long CurrentStep(DateTimeOffset now) => now.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static int Compute(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return binary % 1_000_000;
    }
}

/// <summary>RFC 4648 base32, as authenticator keys are written.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string input)
    {
        var clean = input.TrimEnd('=').Replace(" ", "").ToUpperInvariant();
        var output = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return output;
    }
}
