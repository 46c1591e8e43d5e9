using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.Bench;

/// <summary>
/// Ranking 1,000 bids across 3 lots, 40 scored questions, 5 evaluators: the weighted quality sums, price scores and
/// ranking per lot, in the portal's own code. Reference: the same weighted sums done by one SQL query over the same
/// 200,000 scores in PostgreSQL.
/// </summary>
public sealed class RankingScenario : IBenchScenario
{
    public const int Bids = 1_000, Lots = 3, Questions = 40, Evaluators = 5;
    public string Name => "evaluation";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        var random = new Random(2026);
        var weights = Enumerable.Range(0, Questions).Select(_ => 60m / Questions).ToArray();
        var scores = new int[Bids, Questions, Evaluators];
        var prices = new decimal[Bids];
        for (var b = 0; b < Bids; b++)
        {
            prices[b] = Math.Round(1_400_000m + (decimal)random.NextDouble() * 400_000m, 2);
            for (var q = 0; q < Questions; q++)
            {
                for (var e = 0; e < Evaluators; e++)
                {
                    scores[b, q, e] = random.Next(0, 6);
                }
            }
        }

        IReadOnlyList<RankedBid>[] Rank()
        {
            var perLot = new List<RankingEntry>[Lots];
            for (var l = 0; l < Lots; l++)
            {
                perLot[l] = [];
            }
            for (var b = 0; b < Bids; b++)
            {
                var quality = 0m;
                for (var q = 0; q < Questions; q++)
                {
                    var sum = 0;
                    for (var e = 0; e < Evaluators; e++)
                    {
                        sum += scores[b, q, e];
                    }
                    quality += weights[q] * sum / (Scoring.MaxQuestionScore * Evaluators);
                }
                perLot[b % Lots].Add(new RankingEntry(new Guid(b, 0, 0, new byte[8]), $"Bidder {b:D4}", quality, prices[b]));
            }
            return perLot.Select(entries => LotRanking.Rank(entries, PriceFormulas.LowestPriceRatio, 40m, TieBreakRule.HigherQuality, 8)).ToArray();
        }

        var rankingMs = await Timing.MedianMsAsync(21, () => { Rank(); return Task.CompletedTask; });
        var ranked = Rank();
        if (ranked.Sum(l => l.Count) != Bids)
        {
            throw new InvalidOperationException("The ranking lost bids.");
        }

        await using var connection = new NpgsqlConnection(context.OwnerConnectionString);
        await connection.OpenAsync(ct);
        await using (var create = new NpgsqlCommand("""
            drop table if exists bench_scores; drop table if exists bench_weights;
            create unlogged table bench_scores (bid int, lot int, question int, evaluator int, score int);
            create unlogged table bench_weights (question int primary key, weight numeric);
            """, connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var import = await connection.BeginBinaryImportAsync("copy bench_scores from stdin (format binary)", ct))
        {
            for (var b = 0; b < Bids; b++)
            {
                for (var q = 0; q < Questions; q++)
                {
                    for (var e = 0; e < Evaluators; e++)
                    {
                        await import.WriteRowAsync(ct, b, b % Lots, q, e, scores[b, q, e]);
                    }
                }
            }
            await import.CompleteAsync(ct);
        }
        await using (var import = await connection.BeginBinaryImportAsync("copy bench_weights from stdin (format binary)", ct))
        {
            for (var q = 0; q < Questions; q++)
            {
                await import.StartRowAsync(ct);
                await import.WriteAsync(q, NpgsqlDbType.Integer, ct);
                await import.WriteAsync(weights[q], NpgsqlDbType.Numeric, ct);
            }
            await import.CompleteAsync(ct);
        }
        await using (var analyse = new NpgsqlCommand("analyze bench_scores; analyze bench_weights", connection))
        {
            await analyse.ExecuteNonQueryAsync(ct);
        }
        await using var sums = new NpgsqlCommand($"""
            select s.lot, s.bid, sum(w.weight * s.score) / {Scoring.MaxQuestionScore * Evaluators} as quality
            from bench_scores s join bench_weights w on w.question = s.question
            group by s.lot, s.bid
            """, connection);
        var sqlMs = await Timing.MedianMsAsync(11, async () =>
        {
            var rows = 0;
            await using var reader = await sums.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows++;
            }
            if (rows != Bids)
            {
                throw new InvalidOperationException($"The SQL reference returned {rows} rows, not {Bids}.");
            }
        });
        await using (var drop = new NpgsqlCommand("drop table bench_scores; drop table bench_weights", connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        Debug.Assert(ranked.Length == Lots);
        return
        [
            new BenchResult($"ranking {Bids:N0} bids × {Questions} questions × {Evaluators} evaluators × {Lots} lots", rankingMs, "ms",
                "one SQL query, same sums", sqlMs, HigherIsBetter: false, Target: "< 200 ms", TargetMet: rankingMs < 200),
        ];
    }
}
