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

    private struct Tally
    {
        public int* Counts;
        public int Call;
        public int Spin;
    }

    private static void Count(void* state, int part, int parts)
    {
        var t = (Tally*)state;
        // Uneven parts, so that claims race with late workers and with the next call.
        for (int i = 0; i < (part + 1) * t->Spin; i++) Thread.SpinWait(1);
        Interlocked.Increment(ref t->Counts[t->Call * 4 + part]);
    }

    [Fact]
    public void Under_contention_every_part_of_every_call_runs_exactly_once()
    {
        const int calls = 20000;
        using var pool = new WorkerPool(4);
        var counts = new int[calls * 4];
        var rng = new Random(7);
        fixed (int* c = counts)
        {
            for (int call = 0; call < calls; call++)
            {
                var tally = new Tally { Counts = c, Call = call, Spin = rng.Next(0, 20) };
                pool.Run(2 + call % 3, &Count, &tally);
            }
        }
        for (int call = 0; call < calls; call++)
            for (int part = 0; part < 4; part++)
                Assert.Equal(part < 2 + call % 3 ? 1 : 0, counts[call * 4 + part]);
    }
}
