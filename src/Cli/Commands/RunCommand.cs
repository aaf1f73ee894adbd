using System.CommandLine;
using System.Diagnostics;
using EdgeML.Compiler;
using EdgeML.Compiler.Verification;
using EdgeML.Oracle;
using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml run MODEL --inputs DIR --outputs DIR`: MODEL is .onnx (compiled in memory) or .edgeml.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A .onnx or .edgeml model" };
        var inputs = CommonOptions.InputsDir();
        var input = CommonOptions.Input();
        var outputs = new Option<string?>("--outputs") { Description = "Folder to write one NAME.npy per output into" };
        var dims = CommonOptions.Dims();
        var json = CommonOptions.Json();
        var compare = new Option<string?>("--compare-ort") { Description = "Also run this ONNX model (or MODEL itself when it is .onnx, with --compare-ort=self) in ONNX Runtime and compare" };
        var cmd = new Command("run", "Run a model on inputs from .npy files (random where none are given)") { model, inputs, input, outputs, dims, json, compare };
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            string path = p.GetRequiredValue(model);
            var dimValues = CommonOptions.ParseDims(p.GetValue(dims));
            using var m = ModelCompiler.LoadAny(path, new CompileOptions { Dims = dimValues });
            using var session = new InferenceSession(m);
            foreach (var note in InputFeeder.Fill(session, p.GetValue(inputs), CommonOptions.ParseInputFiles(p.GetValue(input)), dimValues)) o.WriteLine($"note: {note}");
            var sw = Stopwatch.StartNew();
            session.Run();
            double ms = sw.Elapsed.TotalMilliseconds;
            string? outDir = p.GetValue(outputs);
            if (outDir != null) Directory.CreateDirectory(outDir);
            var report = new List<object>();
            for (int k = 0; k < session.Outputs.Count; k++)
            {
                var t = session.Output(k);
                o.WriteLine($"{session.Outputs[k].Name}: {Describe(t)}");
                if (outDir != null) NpyFile.Write(Path.Combine(outDir, NpyFile.FileNameFor(session.Outputs[k].Name)), t);
                report.Add(new { name = session.Outputs[k].Name, type = DataTypeInfo.Name(t.Type), shape = t.Shape.ToArray() });
            }
            o.WriteLine($"ran in {ms:F2} ms (first run, includes warm-up)");
            double? maxDiff = null;
            string? onnx = p.GetValue(compare);
            if (onnx != null)
            {
                if (onnx == "self") onnx = path;
                maxDiff = CompareWithOrt(onnx, session, o);
            }
            JsonOutput.Write(p.GetValue(json), new { model = path, milliseconds = ms, outputs = report, maxAbsDiffVsOrt = maxDiff });
            return 0;
        });
        return cmd;
    }

    /// <summary>Runs the same inputs in ONNX Runtime, prints the largest difference per output and
    /// returns the largest overall.</summary>
    public static double CompareWithOrt(string onnxPath, InferenceSession session, TextWriter o)
    {
        if (!onnxPath.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) throw new EdgeMLException($"--compare-ort needs an .onnx model, got {onnxPath}");
        using var ort = new OrtRunner(onnxPath);
        var outputs = ort.Run(InputFeeder.ByName(session));
        double worst = 0;
        for (int k = 0; k < outputs.Count && k < session.Outputs.Count; k++)
        {
            var r = TensorComparison.Compare(session.Output(k), outputs[k], 1e-3, 1e-4);
            worst = Math.Max(worst, double.IsNaN(r.MaxAbsoluteError) ? double.PositiveInfinity : r.MaxAbsoluteError);
            o.WriteLine($"vs ONNX Runtime: {session.Outputs[k].Name}: {(r.Equal ? "match" : "MISMATCH: " + r.Reason)}, max |diff| {r.MaxAbsoluteError:G3}");
        }
        return worst;
    }

    public static string Describe(Tensor t)
    {
        if (t.Kind != ValueKind.Tensor) return $"{t.Kind.ToString().ToLowerInvariant()} of {t.Items.Count} items";
        string head = $"{DataTypeInfo.Name(t.Type)}{Tensor.ShapeText(t.Shape)}";
        if (t.Type == DataType.String) return head + " [" + string.Join(", ", t.Strings.ToArray().Take(6)) + "]";
        var values = TensorComparison.ToDoubles(t);
        string sample = string.Join(", ", values.Take(6).Select(v => v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture)));
        return values.Length == 0 ? head : $"{head} [{sample}{(values.Length > 6 ? ", ..." : "")}] min {values.Min():G5} max {values.Max():G5}";
    }
}
