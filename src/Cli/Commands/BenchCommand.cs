using System.CommandLine;
using System.Diagnostics;
using EdgeML.Compiler;
using EdgeML.Oracle;
using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Monitoring;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml bench MODEL.onnx`: latency of EdgeML and ONNX Runtime side by side in one run,
/// interleaved so that machine noise hits both alike; medians of many runs and their ratio.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "An .onnx model (or .edgeml with --onnx)" };
        var onnxOption = new Option<string?>("--onnx") { Description = "The ONNX model for the ONNX Runtime side when MODEL is .edgeml" };
        var runs = new Option<int>("--runs") { Description = "Timed runs per engine", DefaultValueFactory = _ => 50 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed runs per engine first", DefaultValueFactory = _ => 5 };
        var warmupSeconds = new Option<double>("--warmup-seconds") { Description = "Keep warming up (interleaved) for at least this long, so .NET's tiered JIT has settled and both engines are measured in steady state", DefaultValueFactory = _ => 1.0 };
        var threads = new Option<int>("--ort-threads") { Description = "ONNX Runtime intra-op threads", DefaultValueFactory = _ => 1 };
        var edgeThreads = new Option<int>("--threads") { Description = "EdgeML intra-op threads (SessionOptions.IntraOpThreads)", DefaultValueFactory = _ => 1 };
        var inputs = CommonOptions.InputsDir();
        var input = CommonOptions.Input();
        var dims = CommonOptions.Dims();
        var json = CommonOptions.Json();
        var profile = new Option<bool>("--profile") { Description = "Also time EdgeML per operator type (separate runs after the comparison)" };
        var memory = new Option<bool>("--memory") { Description = "Also measure each engine's peak memory, load time and first run in fresh processes (median of 3 each)" };
        var cmd = new Command("bench", "Measure latency against ONNX Runtime on the same inputs") { model, onnxOption, runs, warmup, warmupSeconds, threads, edgeThreads, inputs, input, dims, json, profile, memory };
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            string path = p.GetRequiredValue(model);
            string onnx = p.GetValue(onnxOption) ?? path;
            if (!onnx.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) throw new EdgeMLException("bench needs the ONNX model for ONNX Runtime: give an .onnx MODEL or --onnx");
            int n = p.GetValue(runs);
            if (n < 1) throw new EdgeMLException("--runs must be at least 1");
            var dimValues = CommonOptions.ParseDims(p.GetValue(dims));
            // An .onnx model is compiled once: the session runs these bytes and --memory's probe loads them from a file.
            byte[]? compiled = path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)
                ? ModelCompiler.CompileFile(path, new CompileOptions { Dims = dimValues }).Bytes : null;
            using var m = compiled != null ? EdgeMLModel.FromBytes(compiled, path) : EdgeMLModel.Load(path);
            using var session = new InferenceSession(m, new SessionOptions { IntraOpThreads = Math.Max(1, p.GetValue(edgeThreads)) });
            foreach (var note in InputFeeder.Fill(session, p.GetValue(inputs), CommonOptions.ParseInputFiles(p.GetValue(input)), dimValues)) o.WriteLine($"note: {note}");
            using var ort = new OrtRunner(onnx, threads: p.GetValue(threads));
            bool threaded = p.GetValue(edgeThreads) > 1 || p.GetValue(threads) > 1;
            var c = LatencyComparison.Measure(session, ort, n, p.GetValue(warmup), p.GetValue(warmupSeconds), block: threaded ? 25 : 1);
            var e = c.EdgeML;
            var r = c.Ort;
            double ratio = c.Ratio;
            int warmed = c.WarmupRuns;
            long allocated = c.AllocatedBytesPerRun;
            long onnxBytes = new FileInfo(onnx).Length;
            o.WriteLine($"{"",-10} {"median ms",10} {"p10 ms",10} {"p90 ms",10}");
            o.WriteLine($"{"edgeml",-10} {e.Median,10:F3} {e.P10,10:F3} {e.P90,10:F3}");
            o.WriteLine($"{"ort",-10} {r.Median,10:F3} {r.P10,10:F3} {r.P90,10:F3}");
            o.WriteLine($"edgeml/ort latency ratio {ratio:F2} (median of {n} {(threaded ? "runs interleaved in blocks of 25" : "interleaved runs")} after {warmed} warm-up runs; < 1 means EdgeML is faster)");
            o.WriteLine($"edgeml arena {session.ArenaBytes:N0} bytes, allocated {allocated:N0} bytes per run; onnx file {onnxBytes:N0} bytes");
            if (p.GetValue(profile)) Profile(session, n, o);
            (EngineFootprint EdgeML, EngineFootprint Ort)? footprint = null;
            if (p.GetValue(memory))
            {
                footprint = MeasureFootprint(path, compiled, onnx, session, p.GetValue(edgeThreads), p.GetValue(threads));
                var (fe, fo) = footprint.Value;
                o.WriteLine($"{"",-10} {"peak MB",10} {"load ms",10} {"1st run",10}   (fresh process each; peak = resident growth from before loading)");
                o.WriteLine($"{"edgeml",-10} {fe.PeakGrowthBytes / 1048576.0,10:F1} {fe.LoadMs,10:F1} {fe.FirstRunMs,10:F1}");
                o.WriteLine($"{"ort",-10} {fo.PeakGrowthBytes / 1048576.0,10:F1} {fo.LoadMs,10:F1} {fo.FirstRunMs,10:F1}");
                o.WriteLine($"edgeml/ort peak memory ratio {(double)fe.PeakGrowthBytes / Math.Max(1, fo.PeakGrowthBytes):F2}");
            }
            JsonOutput.Write(p.GetValue(json), new
            {
                model = path,
                runs = n,
                edgeml = e,
                ort = r,
                ratio,
                arenaBytes = session.ArenaBytes,
                allocatedBytesPerRun = allocated,
                onnxBytes,
                edgemlFileBytes = m.FileLength,
                cpu = Runtime.Cpu.CpuFeatures.Describe(),
                footprint = footprint == null ? null : new { edgeml = footprint.Value.EdgeML, ort = footprint.Value.Ort },
            });
            return 0;
        });
        return cmd;
    }

    /// <summary>Footprints from fresh processes, the EdgeML side loading a compiled file as a device would.</summary>
    private static (EngineFootprint, EngineFootprint) MeasureFootprint(string path, byte[]? compiled, string onnx, InferenceSession session, int threads, int ortThreads)
    {
        string edgeml = path;
        string? temporary = null;
        if (compiled != null)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"edgeml-bench-{Guid.NewGuid():N}.edgeml");
            AtomicFile.Write(temporary, compiled);
            edgeml = temporary;
        }
        try
        {
            return FootprintMeasurement.Measure(edgeml, onnx, InputFeeder.ByName(session), runs: 20, Math.Max(1, threads), Math.Max(1, ortThreads));
        }
        finally
        {
            if (temporary != null) File.Delete(temporary);
        }
    }

    /// <summary>Per operator type: the median over runs of the summed time of its nodes.</summary>
    private static void Profile(InferenceSession session, int runs, TextWriter o)
    {
        var nodes = session.Model.Definition.Graphs.SelectMany(g => g.Nodes).ToArray();
        var ops = nodes.Select(x => x.Op).Distinct().ToArray();
        var index = new Dictionary<Runtime.Operators.OpCode, int>();
        for (int i = 0; i < ops.Length; i++) index[ops[i]] = i;
        var counts = new int[ops.Length];
        foreach (var node in nodes) counts[index[node.Op]]++;
        var times = new double[ops.Length][];
        for (int i = 0; i < ops.Length; i++) times[i] = new double[runs];
        var nodeIndex = new Dictionary<Runtime.Model.NodeDefinition, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < nodes.Length; i++) nodeIndex[nodes[i]] = i;
        var nodeTimes = new double[nodes.Length][];
        for (int i = 0; i < nodes.Length; i++) nodeTimes[i] = new double[runs];
        var shapes = new string[nodes.Length];
        int run = 0;
        long last = 0;
        session.AfterNode = node =>
        {
            long now = Stopwatch.GetTimestamp();
            double ms = Stopwatch.GetElapsedTime(last, now).TotalMilliseconds;
            times[index[node.Op]][run] += ms;
            int k = nodeIndex[node];
            nodeTimes[k][run] += ms;
            shapes[k] ??= string.Join(" ", node.Inputs.Where(i => i >= 0).Select(i => Runtime.Tensors.Tensor.ShapeText(session.Value(i).Shape)))
                + " -> " + string.Join(" ", node.Outputs.Where(i => i >= 0).Select(i => Runtime.Tensors.Tensor.ShapeText(session.Value(i).Shape)))
                + " " + string.Join(" ", node.Attributes.Items.Select(a => a.Name + "=" + (a.Ints.Length > 0 ? string.Join(",", a.Ints) : a.Type == Runtime.Model.AttributeType.Int ? a.Int.ToString() : a.Type == Runtime.Model.AttributeType.Float ? a.Float.ToString() : a.Type == Runtime.Model.AttributeType.String ? a.String : "")));
            last = Stopwatch.GetTimestamp();
        };
        for (run = 0; run < runs; run++)
        {
            last = Stopwatch.GetTimestamp();
            session.Run();
        }
        session.AfterNode = null;
        o.WriteLine($"{"operator",-28} {"nodes",6} {"median ms",10}");
        var rows = ops.Select((op, i) => (op, count: counts[i], ms: LatencyStats.Of(times[i]).Median)).OrderByDescending(r => r.ms);
        foreach (var (op, count, ms) in rows) o.WriteLine($"{op,-28} {count,6} {ms,10:F3}");
        o.WriteLine("slowest nodes:");
        var slow = nodes.Select((node, i) => (node, i, ms: LatencyStats.Of(nodeTimes[i]).Median)).OrderByDescending(r => r.ms).Take(15);
        foreach (var (node, i, ms) in slow) o.WriteLine($"{ms,9:F3} ms  {node.Op} {shapes[i]}");
    }
}
