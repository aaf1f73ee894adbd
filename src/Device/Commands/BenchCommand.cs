using System.CommandLine;
using System.Diagnostics;
using EdgeML.Runtime;
using EdgeML.Runtime.Cpu;
using EdgeML.Runtime.Monitoring;

namespace EdgeML.Device.Commands;

/// <summary>`edgeml-device bench MODEL.edgeml`: latency on this device (medians of many runs after a
/// warm-up), load and first-run time, peak memory, allocations per run. The side-by-side comparison
/// with ONNX Runtime is the host's `edgeml bench`; this is what the board itself does.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var arguments = new SessionArguments();
        var runs = new Option<int>("--runs") { Description = "Timed runs", DefaultValueFactory = _ => 100 };
        var warmupSeconds = new Option<double>("--warmup-seconds") { Description = "Untimed runs first, for at least this long", DefaultValueFactory = _ => 0.5 };
        var cmd = new Command("bench", "Measure latency, load time and memory of a model on this device") { runs, warmupSeconds };
        arguments.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            string path = arguments.ModelPath(p);
            int n = p.GetValue(runs);
            if (n < 1) throw new EdgeMLException("--runs must be at least 1");
            int threadCount = arguments.Threads(p);
            long rssBefore = ProcessMemory.ResidentBytes();
            var (m, session, loadMs) = arguments.Open(p);
            using var model = m;
            using var run = session;
            var first = Stopwatch.StartNew();
            session.Run();
            double firstMs = first.Elapsed.TotalMilliseconds;
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed.TotalSeconds < p.GetValue(warmupSeconds)) session.Run();
            var times = new double[n];
            long allocated = 0;
            for (int i = 0; i < n; i++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                long t0 = Stopwatch.GetTimestamp();
                session.Run();
                long t1 = Stopwatch.GetTimestamp();
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                times[i] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            }
            long peak = ProcessMemory.PeakResidentBytes();
            var latency = LatencyStats.Of(times);
            o.WriteLine($"{CpuFeatures.Describe()}, {threadCount} thread(s)");
            o.WriteLine($"latency ms: median {latency.Median:F3}  p10 {latency.P10:F3}  p90 {latency.P90:F3}  ({n} runs)");
            o.WriteLine($"load {loadMs:F1} ms, first run {firstMs:F1} ms");
            o.WriteLine($"memory: peak {peak / 1048576.0:F1} MB resident, {(peak - rssBefore) / 1048576.0:F1} MB of it from the model; arena {session.ArenaBytes:N0} bytes; allocated {allocated / n:N0} bytes per run");
            DeviceJson.Write(arguments.JsonPath(p), new BenchFigures(path, CpuFeatures.Describe(), threadCount, n, latency, loadMs, firstMs,
                allocated / n, session.ArenaBytes, m.FileLength, rssBefore, peak, Math.Max(0, peak - rssBefore)));
            return 0;
        });
        return cmd;
    }
}
