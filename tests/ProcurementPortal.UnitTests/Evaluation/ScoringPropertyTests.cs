using ProcurementPortal.Core.Domain.Evaluation;
using ProcurementPortal.Core.Domain.Procurements;

namespace ProcurementPortal.UnitTests.Evaluation;

/// <summary>
/// Properties of the scoring rules over many generated lots. The generator is seeded, so a failure names the seed
/// that reproduces it.
/// </summary>
public sealed class ScoringPropertyTests
{
    private const int Lots = 300;

    public static TheoryData<string> Formulas => new(PriceFormulas.All);

    private static List<RankingEntry> GenerateLot(Random random)
    {
        var count = random.Next(1, 25);
        return Enumerable.Range(0, count).Select(i => new RankingEntry(
                new Guid(random.Next(), (short)random.Next(short.MaxValue), (short)i, 0, 0, 0, 0, 0, 0, 0, 0),
                $"Bidder {random.Next(0, 10)}", // repeated names on purpose: the order must still be total
                Math.Round((decimal)random.NextDouble() * 60m, random.Next(0, 3)),
                // Some equal prices on purpose.
                random.Next(0, 4) == 0 ? 1_000_000m : Math.Round(500_000m + (decimal)random.NextDouble() * 1_500_000m, 2),
                PassedGates: random.Next(0, 10) > 0))
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Formulas))]
    public void The_lowest_price_always_earns_the_full_price_weight_and_no_score_exceeds_its_weight(string formula)
    {
        for (var seed = 0; seed < Lots; seed++)
        {
            var random = new Random(seed);
            var entries = GenerateLot(random);
            var ranked = LotRanking.Rank(entries, formula, 40m, TieBreakRule.HigherQuality, null);
            var eligible = ranked.Where(r => r.Rank is not null).ToList();
            if (eligible.Count == 0)
            {
                continue;
            }
            var lowest = eligible.Min(r => r.EvaluatedPrice);
            Assert.All(eligible.Where(r => r.EvaluatedPrice == lowest), r => Assert.Equal(40m, r.PriceScore));
            Assert.All(eligible, r => Assert.InRange(r.PriceScore, 0m, 40m));
            Assert.All(eligible, r => Assert.Equal(r.QualityScore + r.PriceScore, r.TotalScore));
        }
    }

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Ranking_does_not_depend_on_the_order_the_bids_are_given_in(string formula)
    {
        for (var seed = 0; seed < Lots; seed++)
        {
            var random = new Random(seed);
            var entries = GenerateLot(random);
            var shuffled = entries.OrderBy(_ => random.Next()).ToList();
            var rule = seed % 2 == 0 ? TieBreakRule.HigherQuality : TieBreakRule.LowerPrice;

            var first = LotRanking.Rank(entries, formula, 40m, rule, 3);
            var second = LotRanking.Rank(shuffled, formula, 40m, rule, 3);

            Assert.Equal(first, second);
        }
    }

    [Fact]
    public void Ranks_follow_totals_and_excluded_bids_have_no_rank()
    {
        for (var seed = 0; seed < Lots; seed++)
        {
            var ranked = LotRanking.Rank(GenerateLot(new Random(seed)), PriceFormulas.LowestPriceRatio, 40m, TieBreakRule.HigherQuality, 2);
            var eligible = ranked.Where(r => r.Rank is not null).ToList();
            for (var i = 1; i < eligible.Count; i++)
            {
                Assert.True(eligible[i - 1].TotalScore >= eligible[i].TotalScore, $"seed {seed}");
                Assert.True(eligible[i - 1].Rank <= eligible[i].Rank, $"seed {seed}");
            }
            Assert.All(ranked.Where(r => r.Rank is null), r => Assert.False(r.Recommended));
            Assert.All(ranked.Where(r => r.Rank is null), r => Assert.NotNull(r.ExclusionReason));
        }
    }
}
