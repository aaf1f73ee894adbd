using System.Diagnostics;
using EdgeML.Oracle;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Monitoring;

namespace EdgeML.Cli;

/// <summary>Latency of EdgeML and ONNX Runtime on the same inputs, interleaved so machine noise hits both
/// alike, after a warm-up long enough for .NET's tiered JIT to settle. Single-threaded engines alternate
/// run by run; with more threads they alternate in blocks, because a thread pool that spins after its run
/// (ONNX Runtime's does) would otherwise hold the cores the other engine's workers need.</summary>
public sealed record LatencyComparison(LatencyStats EdgeML, LatencyStats Ort, long AllocatedBytesPerRun, int WarmupRuns)
{
    /// <summary>EdgeML's median over ONNX Runtime's: below 1, EdgeML is faster.</summary>
    public double Ratio => EdgeML.Median / Ort.Median;

    public static LatencyComparison Measure(InferenceSession session, OrtRunner ort, int runs, int warmupRuns, double warmupSeconds, int block = 1)
    {
        block = Math.Clamp(block, 1, runs);
        var ortInputs = ort.Prepare(InputFeeder.ByName(session));
        try
        {
            var names = ort.InputNames;
            var warm = Stopwatch.StartNew();
            int warmed = 0;
            for (; warmed < warmupRuns || warm.Elapsed.TotalSeconds < warmupSeconds; warmed++)
            {
                session.Run();
                ort.RunPrepared(names, ortInputs);
            }
            var edge = new double[runs];
            var other = new double[runs];
            long allocated = 0;
            for (int start = 0; start < runs; start += block)
            {
                int end = Math.Min(runs, start + block);
                for (int i = start; i < end; i++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    long t0 = Stopwatch.GetTimestamp();
                    session.Run();
                    long t1 = Stopwatch.GetTimestamp();
                    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                    edge[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
                }
                for (int i = start; i < end; i++)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    ort.RunPrepared(names, ortInputs);
                    other[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }
            }
            return new LatencyComparison(LatencyStats.Of(edge), LatencyStats.Of(other), allocated / runs, warmed);
        }
        finally
        {
            foreach (var v in ortInputs) v.Dispose();
        }
    }
}
