using System.Globalization;
using System.Text.Json;
using ProcurementPortal.Bench;

// infra/bench runs this in Release against its own PostgreSQL and SMTP sink. Arguments:
//   --json FILE        also write the results as JSON (for comparing commits)
//   --only NAME[,NAME] run only these scenarios (rush, reading, evaluation, letters, jobs, brokerage)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
string? jsonPath = null;
HashSet<string>? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--json": jsonPath = args[++i]; break;
        case "--only": only = [.. args[++i].Split(',')]; break;
        default: throw new ArgumentException($"Unknown argument {args[i]}");
    }
}

IBenchScenario[] scenarios = [new RushScenario(), new ReadingScenario(), new RankingScenario(), new LettersScenario(), new OutboxScenario(), new BrokerageScenario()];
await using var context = BenchContext.Create();
var results = new List<BenchResult>();
foreach (var scenario in scenarios.Where(s => only is null || only.Contains(s.Name)))
{
    Console.Error.WriteLine($"[bench] {scenario.Name}…");
    results.AddRange(await scenario.RunAsync(context, CancellationToken.None));
}

var machine = $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}";
Console.WriteLine($"ProcurementPortal benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC — {machine}");
Console.WriteLine();
Console.WriteLine($"| {"figure",-62} | {"value",14} | {"reference",-44} | {"value",14} | {"ratio",7} | {"target",-12} |");
Console.WriteLine($"|{new string('-', 64)}|{new string('-', 16)}|{new string('-', 46)}|{new string('-', 16)}|{new string('-', 9)}|{new string('-', 14)}|");
foreach (var r in results)
{
    var target = r.Target is null ? "" : r.TargetMet is null ? r.Target : $"{r.Target} {(r.TargetMet == true ? "met" : "MISSED")}";
    Console.WriteLine($"| {r.Name,-62} | {r.Figure,10:0.##} {r.Unit,-3} | {r.ReferenceName,-44} | {r.Reference,10:0.##} {r.Unit,-3} | {r.Ratio,7:0.###} | {target,-12} |");
}
if (jsonPath is not null)
{
    await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(new { machine, at = DateTime.UtcNow, results },
        new JsonSerializerOptions { WriteIndented = true }));
}
return results.Any(r => r.TargetMet == false) ? 1 : 0;
