using System.CommandLine;
using System.Diagnostics;
using EdgeML.Compiler;

namespace EdgeML.Cli.Commands;

/// <summary>`edgeml compile MODEL.onnx -o OUT.edgeml`.</summary>
public static class CompileCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The ONNX model to compile" };
        var output = new Option<string>("--output", "-o") { Description = "The .edgeml file to write", Required = true };
        var dims = CommonOptions.Dims();
        var json = CommonOptions.Json();
        var cmd = new Command("compile", "Compile an ONNX model into a .edgeml file") { model, output, dims, json };
        cmd.SetAction(p =>
        {
            var sw = Stopwatch.StartNew();
            var options = new CompileOptions { Dims = CommonOptions.ParseDims(p.GetValue(dims)) };
            string path = p.GetRequiredValue(model);
            string outPath = p.GetRequiredValue(output);
            var result = ModelCompiler.CompileToFile(path, outPath, options);
            var m = result.Model;
            int nodes = m.Graphs.Sum(g => g.Nodes.Length);
            long weights = m.Values.Where(v => v.Constant != null).Sum(v => v.Constant!.ByteLength);
            var o = p.InvocationConfiguration.Output;
            foreach (var w in result.Warnings) o.WriteLine($"warning: {w}");
            o.WriteLine($"compiled {path} -> {outPath}: {nodes} nodes, {result.Bytes.Length:N0} bytes ({weights:N0} of weights), arena {m.Plan.ArenaSize:N0} bytes, {sw.Elapsed.TotalMilliseconds:F0} ms");
            JsonOutput.Write(p.GetValue(json), new
            {
                model = path,
                output = outPath,
                nodes,
                fileBytes = result.Bytes.Length,
                weightBytes = weights,
                arenaBytes = m.Plan.ArenaSize,
                plannedValues = m.Plan.PlannedCount,
                milliseconds = sw.Elapsed.TotalMilliseconds,
                passes = result.Log,
                warnings = result.Warnings,
            });
            return 0;
        });
        return cmd;
    }
}
