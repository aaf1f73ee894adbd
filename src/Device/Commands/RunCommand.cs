using System.CommandLine;
using System.Diagnostics;
using EdgeML.Runtime.IO;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Device.Commands;

/// <summary>`edgeml-device run MODEL.edgeml [--inputs DIR] [--outputs DIR]`: one inference, outputs as .npy.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var arguments = new SessionArguments();
        var outputs = new Option<string?>("--outputs") { Description = "Folder to write one NAME.npy per output into" };
        var cmd = new Command("run", "Run a model once on inputs from .npy files (random where none are given)") { outputs };
        arguments.AddTo(cmd);
        cmd.SetAction(p =>
        {
            var o = p.InvocationConfiguration.Output;
            string path = arguments.ModelPath(p);
            var (m, session, loadMs) = arguments.Open(p);
            using var model = m;
            using var owned = session;
            var run = Stopwatch.StartNew();
            session.Run();
            double runMs = run.Elapsed.TotalMilliseconds;
            string? outDir = p.GetValue(outputs);
            if (outDir != null) Directory.CreateDirectory(outDir);
            var figures = new List<OutputFigures>();
            for (int k = 0; k < session.Outputs.Count; k++)
            {
                var t = session.Output(k);
                string name = session.Outputs[k].Name;
                o.WriteLine($"{name}: {Describe(t)}");
                if (outDir != null) NpyFile.Write(Path.Combine(outDir, NpyFile.FileNameFor(name)), t);
                figures.Add(new OutputFigures(name, DataTypeInfo.Name(t.Type), t.Kind == ValueKind.Tensor ? t.Shape.ToArray() : []));
            }
            o.WriteLine($"loaded in {loadMs:F2} ms, ran in {runMs:F2} ms (first run)");
            DeviceJson.Write(arguments.JsonPath(p), new RunFigures(path, loadMs, runMs, [.. figures]));
            return 0;
        });
        return cmd;
    }

    private static string Describe(Tensor t)
    {
        if (t.Kind != ValueKind.Tensor) return $"{t.Kind.ToString().ToLowerInvariant()} of {t.Items.Count} items";
        string head = $"{DataTypeInfo.Name(t.Type)}{Tensor.ShapeText(t.Shape)}";
        if (t.Type != DataType.Float) return head;
        var values = t.Span<float>();
        int shown = Math.Min(6, values.Length);
        var sample = string.Join(", ", values[..shown].ToArray().Select(v => v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture)));
        return values.Length == 0 ? head : $"{head} [{sample}{(values.Length > shown ? ", ..." : "")}]";
    }
}
