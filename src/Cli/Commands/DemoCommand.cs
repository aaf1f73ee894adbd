using System.CommandLine;
using System.Diagnostics;
using EdgeML.Compiler;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.IO;
using EdgeML.Training;
using EdgeML.Training.Pipeline;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml demo`: the whole path on what ships in the repository. Part 1 compiles the sample
/// CNN, runs the .edgeml file, checks it against ONNX Runtime and times both. Part 2 trains a classifier on the
/// penguins data set, compares it with the baselines, compiles it to .edgeml and checks the .edgeml
/// against ONNX Runtime and the trained ML.NET model on the test split.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the demo's files", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var json = CommonOptions.Json();
        var cmd = new Command("demo", "Compile, run, verify and time the sample CNN, then train, compile and verify a classifier on the sample data set") { outDir, json };
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            string dir = p.GetRequiredValue(outDir);
            Directory.CreateDirectory(dir);
            string onnx = SampleFiles.Find(Path.Combine("tiny-cnn", "tiny_cnn.onnx"));
            string edgeml = Path.Combine(dir, "tiny_cnn.edgeml");
            o.WriteLine("Part 1: an ONNX model to a .edgeml file");
            o.WriteLine($"[1/7] compile {onnx}");
            var sw = Stopwatch.StartNew();
            var compiled = ModelCompiler.CompileToFile(onnx, edgeml, new CompileOptions { Dims = { ["batch"] = 1 } });
            o.WriteLine($"      -> {edgeml}: {compiled.Bytes.Length:N0} bytes, {compiled.Model.Graphs.Sum(g => g.Nodes.Length)} nodes, arena {compiled.Model.Plan.ArenaSize:N0} bytes ({sw.Elapsed.TotalMilliseconds:F0} ms)");

            o.WriteLine($"[2/7] run {edgeml} on a random image");
            using var session = InferenceSession.Open(edgeml);
            foreach (var note in InputFeeder.Fill(session, null, new Dictionary<string, string>(), new Dictionary<string, long> { ["batch"] = 1 })) o.WriteLine($"      {note}");
            session.Run();
            var probs = session.Output(0);
            o.WriteLine($"      {session.Outputs[0].Name}: {RunCommand.Describe(probs)}");

            o.WriteLine("[3/7] compare with ONNX Runtime on the same input");
            double maxDiff = RunCommand.CompareWithOrt(onnx, session, o);
            bool cnnOk = maxDiff <= 1e-4;

            o.WriteLine("[4/7] latency against ONNX Runtime (single thread, interleaved, 1 s warm-up, medians of 500 runs)");
            LatencyComparison latency;
            using (var ort = new Oracle.OrtRunner(onnx))
                latency = LatencyComparison.Measure(session, ort, runs: 500, warmupRuns: 10, warmupSeconds: 1);
            o.WriteLine($"      edgeml {latency.EdgeML.Median * 1000:F1} us, onnxruntime {latency.Ort.Median * 1000:F1} us: ratio {latency.Ratio:F2} (< 1: EdgeML faster); {latency.AllocatedBytesPerRun} bytes allocated per run");

            o.WriteLine();
            o.WriteLine("Part 2: data to a deployed model");
            var training = TrainPenguins(o, Path.Combine(dir, "penguins"));
            var d = training.Deployment;
            bool trainOk = training.BeatsAllBaselines && d.EdgeML.Written
                && d.EdgeMLVsOnnxRuntime is { IsExact: true } && d.EdgeMLVsTrained is { IsExact: true };

            o.WriteLine();
            o.WriteLine(cnnOk ? $"sample CNN: EdgeML matches ONNX Runtime (max |diff| {maxDiff:G3})" : $"sample CNN: FAILED, max |diff| {maxDiff:G3} exceeds 1e-4");
            o.WriteLine(trainOk ? "penguins: the best model beats every baseline and its .edgeml matches ONNX Runtime and ML.NET" : "penguins: FAILED (see above)");
            o.WriteLine(cnnOk && trainOk ? "demo passed" : "demo FAILED");
            JsonOutput.Write(p.GetValue(json), new
            {
                model = onnx,
                edgeml,
                fileBytes = compiled.Bytes.Length,
                arenaBytes = compiled.Model.Plan.ArenaSize,
                maxAbsDiffVsOrt = maxDiff,
                latency = new { edgemlMs = latency.EdgeML.Median, ortMs = latency.Ort.Median, ratio = latency.Ratio },
                training = new
                {
                    best = training.BestModel,
                    objective = training.Objective,
                    beatsAllBaselines = training.BeatsAllBaselines,
                    edgeml = d.EdgeML.Status,
                    edgemlVsOrt = d.EdgeMLVsOnnxRuntime?.MaxAbsoluteDifference,
                    edgemlVsTrained = d.EdgeMLVsTrained?.MaxAbsoluteDifference,
                },
                passed = cnnOk && trainOk,
            });
            return cnnOk && trainOk ? 0 : 1;
        });
        return cmd;
    }

    /// <summary>Trains the shipped penguins data set (multiclass on Species) with a small candidate
    /// list, so the demo stays quick, and prints the comparison with the baselines.</summary>
    private static TrainingResult TrainPenguins(TextWriter o, string outDir)
    {
        string data = SampleFiles.Find(Path.Combine("penguins", "penguins.json"));
        o.WriteLine($"[5/7] train multiclass 'Species' on {data}");
        TrainingResult result;
        try
        {
            result = TrainingPipeline.Run(new TrainingOptions
            {
                DataPath = data,
                Label = "Species",
                Task = "multiclass",
                OutputDirectory = outDir,
                Models = ["logistic", "lightgbm"],
            });
        }
        catch (TrainingException e)
        {
            throw new Runtime.EdgeMLException(e.Message, e);
        }
        o.WriteLine($"[6/7] test-split {result.Objective}, best model vs baselines:");
        foreach (var c in result.Candidates)
            o.WriteLine($"      {(c.IsBaseline ? "baseline" : "model   ")} {c.Name,-22} {c.TestMetrics.GetValueOrDefault(result.Objective, double.NaN),8:F4}{(c.Name == result.BestModel && !c.IsBaseline ? "  <- best" : "")}");
        var d = result.Deployment;
        o.WriteLine($"[7/7] model.edgeml: {d.EdgeML.Status}");
        foreach (var a in new[] { d.OnnxRuntime, d.EdgeMLVsOnnxRuntime, d.EdgeMLVsTrained }.OfType<ExportAgreement>())
            o.WriteLine($"      {a.Engine} vs {a.Reference} on {a.Rows} test rows: max |diff| {a.MaxAbsoluteDifference:G3}, labels agree {a.LabelAgreement:P1}");
        o.WriteLine($"      report: {Path.GetFullPath(Path.Combine(outDir, "report.html"))}");
        return result;
    }
}
