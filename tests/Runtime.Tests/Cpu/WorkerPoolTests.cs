using EdgeML.Runtime.Cpu;

namespace EdgeML.Runtime.Tests.Cpu;

public unsafe class WorkerPoolTests
{
    private struct Sums
    {
        public fixed long Part[4];
        public fixed int Parts[4];
    }

    private static void Record(void* state, int part, int parts)
    {
        var s = (Sums*)state;
        s->Part[part] += part + 1;
        s->Parts[part] = parts;
    }

    private static void TooManyParts(WorkerPool pool)
    {
        var sums = new Sums();
        pool.Run(4, &Record, &sums);
    }

    [Fact]
    public void Every_part_runs_once_per_call_and_the_pool_is_reusable()
    {
        using var pool = new WorkerPool(3);
        Assert.Equal(3, pool.Threads);
        var sums = new Sums();
        for (int i = 0; i < 1000; i++)
        {
            int parts = 1 + i % 3;
            pool.Run(parts, &Record, &sums);
        }
        // Part p ran in every call with more than p parts.
        Assert.Equal(1000, sums.Part[0]);
        Assert.Equal(2 * 666, sums.Part[1]);
        Assert.Equal(3 * 333, sums.Part[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => TooManyParts(pool));
    }
}
