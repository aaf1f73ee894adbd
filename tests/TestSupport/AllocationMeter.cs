namespace EdgeML.TestSupport;

/// <summary>
/// Measures the managed bytes an action allocates in steady state: after warm-up runs, the
/// allocation of several windows of runs is measured and the smallest is returned. An action that
/// allocates on every run shows it in every window; a one-off allocation by the JIT re-compiling a
/// hot method under load (which a NativeAOT device never does) shows in one window only.
/// </summary>
public static class AllocationMeter
{
    public static long SteadyStateBytes(Action run, int warmup = 3, int windows = 4, int runsPerWindow = 2)
    {
        for (int i = 0; i < warmup; i++) run();
        long least = long.MaxValue;
        for (int w = 0; w < windows && least != 0; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < runsPerWindow; i++) run();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return least;
    }
}
