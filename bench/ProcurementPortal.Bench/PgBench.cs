using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace ProcurementPortal.Bench;

/// <summary>pgbench as a reference: a custom script run by many clients for some seconds against the portal's database, as the superuser.</summary>
public static partial class PgBench
{
    /// <summary>Runs <paramref name="script"/> (pgbench's own syntax) with <paramref name="clients"/> clients for <paramref name="seconds"/> seconds; transactions per second.</summary>
    public static async Task<double> TpsAsync(BenchContext context, string script, int clients, int seconds, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, script, ct);
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(context.AdminPortalConnectionString);
            var start = new ProcessStartInfo(context.PgBench)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["PGPASSWORD"] = admin.Password },
            };
            foreach (var arg in new[] { "-n", "-h", admin.Host!, "-p", admin.Port.ToString(CultureInfo.InvariantCulture), "-U", admin.Username!,
                         "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture),
                         "-f", file, admin.Database! })
            {
                start.ArgumentList.Add(arg);
            }
            using var pgbench = Process.Start(start)!;
            var output = await pgbench.StandardOutput.ReadToEndAsync(ct);
            var errorText = await pgbench.StandardError.ReadToEndAsync(ct);
            await pgbench.WaitForExitAsync(ct);
            if (pgbench.ExitCode != 0 || Tps().Match(output) is not { Success: true } tps)
            {
                throw new InvalidOperationException($"pgbench failed ({pgbench.ExitCode}): {output}\n{errorText}");
            }
            return double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();
}
