using EdgeML.Compiler.Planning;

namespace EdgeML.Compiler.Tests.Planning;

public class GreedyMemoryPlannerTests
{
    [Fact]
    public void Buffers_alive_together_never_overlap_and_dead_ones_share()
    {
        var rng = new Random(9);
        for (int trial = 0; trial < 200; trial++)
        {
            var planner = new GreedyMemoryPlanner();
            var buffers = new List<(long Size, int First, int Last)>();
            int n = 1 + rng.Next(40);
            for (int i = 0; i < n; i++)
            {
                int first = rng.Next(30);
                var b = ((long)rng.Next(1, 5000), first, first + rng.Next(10));
                buffers.Add(b);
                planner.AddBuffer(b.Item1, b.Item2, b.Item3);
            }
            var (offsets, arena) = planner.Plan();
            long peak = 0;
            for (int step = 0; step < 40; step++)
                peak = Math.Max(peak, buffers.Where(b => b.First <= step && step <= b.Last).Sum(b => GreedyMemoryPlanner.Align(b.Size)));
            Assert.True(arena >= peak);
            Assert.True(arena <= buffers.Sum(b => GreedyMemoryPlanner.Align(b.Size)));
            for (int i = 0; i < n; i++)
            {
                Assert.Equal(0, offsets[i] % 64);
                for (int j = i + 1; j < n; j++)
                {
                    bool together = buffers[i].First <= buffers[j].Last && buffers[j].First <= buffers[i].Last;
                    bool overlap = offsets[i] < offsets[j] + GreedyMemoryPlanner.Align(buffers[j].Size) && offsets[j] < offsets[i] + GreedyMemoryPlanner.Align(buffers[i].Size);
                    Assert.False(together && overlap, $"buffers {i} and {j} overlap while both alive");
                }
            }
        }
    }

    [Fact]
    public void A_chain_reuses_memory()
    {
        // a -> b -> c -> d, each 1 KiB and alive for two steps: two slots suffice.
        var planner = new GreedyMemoryPlanner();
        for (int i = 0; i < 4; i++) planner.AddBuffer(1024, i, i + 1);
        Assert.Equal(2048, planner.Plan().ArenaSize);
    }
}
