using System.CommandLine;
using System.Diagnostics;
using EdgeML.Oracle;
using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Monitoring;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml footprint-probe` (hidden): loads one model in one engine in a fresh process, runs it,
/// and prints what that cost the process as one JSON line. `edgeml bench --memory` starts it once per
/// engine, so neither engine's memory is counted against the other.</summary>
public static class FootprintProbeCommand
{
    public const string Name = "footprint-probe";

    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = ".edgeml for --engine edgeml, .onnx for --engine ort" };
        var engine = new Option<string>("--engine") { Description = "edgeml or ort", Required = true };
        engine.AcceptOnlyFromAmong("edgeml", "ort");
        var inputs = new Option<string>("--inputs") { Description = "Folder with one NAME.npy per input", Required = true };
        var runs = new Option<int>("--runs") { DefaultValueFactory = _ => 20 };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 1 };
        var cmd = new Command(Name, "Measure one engine's memory and load time in this process") { model, engine, inputs, runs, threads };
        cmd.Hidden = true;
        cmd.SetAction(p =>
        {
            string path = p.GetRequiredValue(model);
            string dir = p.GetRequiredValue(inputs);
            int n = Math.Max(1, p.GetValue(runs));
            int t = Math.Max(1, p.GetValue(threads));
            long rssBefore = ProcessMemory.ResidentBytes();
            var load = Stopwatch.StartNew();
            Action run;
            IDisposable[] owned;
            if (p.GetRequiredValue(engine) == "edgeml")
            {
                var m = EdgeMLModel.Load(path);
                var session = new InferenceSession(m, new SessionOptions { IntraOpThreads = t });
                InputFeeder.Fill(session, dir, new Dictionary<string, string>(), new Dictionary<string, long>());
                run = session.Run;
                owned = [session, m];
            }
            else
            {
                var ort = new OrtRunner(path, threads: t);
                var tensors = new Dictionary<string, Tensor>();
                foreach (var name in ort.InputNames)
                {
                    var file = Path.Combine(dir, NpyFile.FileNameFor(name));
                    if (!File.Exists(file)) throw new EdgeMLException($"footprint probe: no input file {file}");
                    var tensor = new Tensor(name);
                    NpyFile.Read(file, tensor);
                    tensors[name] = tensor;
                }
                var values = ort.Prepare(tensors);
                var names = ort.InputNames;
                run = () => ort.RunPrepared(names, values);
                owned = [.. values, ort];
            }
            double loadMs = load.Elapsed.TotalMilliseconds;
            var first = Stopwatch.StartNew();
            run();
            double firstRunMs = first.Elapsed.TotalMilliseconds;
            for (int i = 1; i < n; i++) run();
            long peak = ProcessMemory.PeakResidentBytes();
            p.InvocationConfiguration.Output.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                new EngineFootprint(rssBefore, peak, Math.Max(0, peak - rssBefore), loadMs, firstRunMs)));
            foreach (var d in owned) d.Dispose();
            return 0;
        });
        return cmd;
    }
}
