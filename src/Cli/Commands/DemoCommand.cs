using System.CommandLine;
using System.Diagnostics;
using EdgeML.Compiler;
using EdgeML.Runtime.Execution;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml demo`: compiles the sample model shipped in the repository, runs the .edgeml
/// file, checks it against ONNX Runtime on the same inputs and prints the result.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var outDir = new Option<string>("--out") { Description = "Folder for the demo's files", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var json = CommonOptions.Json();
        var cmd = new Command("demo", "Compile the sample model, run it and compare with ONNX Runtime") { outDir, json };
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            string dir = p.GetRequiredValue(outDir);
            Directory.CreateDirectory(dir);
            string onnx = SampleFiles.Find(Path.Combine("tiny-cnn", "tiny_cnn.onnx"));
            string edgeml = Path.Combine(dir, "tiny_cnn.edgeml");
            o.WriteLine($"[1/3] compile {onnx}");
            var sw = Stopwatch.StartNew();
            var compiled = ModelCompiler.CompileToFile(onnx, edgeml, new CompileOptions { Dims = { ["batch"] = 1 } });
            o.WriteLine($"      -> {edgeml}: {compiled.Bytes.Length:N0} bytes, {compiled.Model.Graphs.Sum(g => g.Nodes.Length)} nodes, arena {compiled.Model.Plan.ArenaSize:N0} bytes ({sw.Elapsed.TotalMilliseconds:F0} ms)");

            o.WriteLine($"[2/3] run {edgeml} on a random image");
            using var session = InferenceSession.Open(edgeml);
            foreach (var note in InputFeeder.Fill(session, null, new Dictionary<string, string>(), new Dictionary<string, long> { ["batch"] = 1 })) o.WriteLine($"      {note}");
            session.Run();
            var probs = session.Output(0);
            o.WriteLine($"      {session.Outputs[0].Name}: {RunCommand.Describe(probs)}");

            o.WriteLine("[3/3] compare with ONNX Runtime on the same input");
            double maxDiff = RunCommand.CompareWithOrt(onnx, session, o);
            bool ok = maxDiff <= 1e-4;
            o.WriteLine(ok ? $"demo passed: EdgeML matches ONNX Runtime (max |diff| {maxDiff:G3})" : $"demo FAILED: max |diff| {maxDiff:G3} exceeds 1e-4");
            JsonOutput.Write(p.GetValue(json), new { model = onnx, edgeml, fileBytes = compiled.Bytes.Length, arenaBytes = compiled.Model.Plan.ArenaSize, maxAbsDiffVsOrt = maxDiff, passed = ok });
            return ok ? 0 : 1;
        });
        return cmd;
    }
}
