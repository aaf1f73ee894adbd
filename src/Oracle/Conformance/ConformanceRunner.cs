using System.Diagnostics;
using System.Text.RegularExpressions;
using EdgeML.Compiler;
using EdgeML.Compiler.Onnx;
using EdgeML.Compiler.Verification;
using EdgeML.Runtime;
using EdgeML.Runtime.Execution;
using EdgeML.Runtime.Tensors;

namespace EdgeML.Oracle.Conformance;

/// <summary>
/// Runs ONNX backend-test cases on EdgeML (compile through the .edgeml format, then run) and, for
/// comparison, on ONNX Runtime; compares outputs with the expected data (rtol 1e-3, atol 1e-7 as
/// the data's README says).
/// </summary>
public sealed partial class ConformanceRunner
{
    public double RelativeTolerance { get; init; } = 1e-3;
    public double AbsoluteTolerance { get; init; } = 1e-7;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public CaseResult RunEdgeML(ConformanceCase c) => Guard(c, () => RunEdgeMLCore(c));

    public CaseResult RunOrt(ConformanceCase c) => Guard(c, () => RunOrtCore(c));

    private CaseResult Guard(ConformanceCase c, Func<CaseResult> body)
    {
        var task = Task.Run(() =>
        {
            try
            {
                return body();
            }
            catch (EdgeMLException e)
            {
                return new CaseResult(c.Name, false, Categorize(e.Message), e.Message, 0);
            }
            catch (Exception e)
            {
                return new CaseResult(c.Name, false, "crash: " + e.GetType().Name, e.Message.Split('\n')[0], 0);
            }
        });
        if (!task.Wait(Timeout)) return new CaseResult(c.Name, false, "timeout", $"did not finish in {Timeout.TotalSeconds:F0} s", Timeout.TotalMilliseconds);
        return task.Result;
    }

    private CaseResult RunEdgeMLCore(ConformanceCase c)
    {
        var sw = Stopwatch.StartNew();
        using var model = ModelCompiler.LoadOnnx(c.ModelPath);
        using var session = new InferenceSession(model);
        foreach (var set in c.DataSets)
        {
            for (int k = 0; k < session.Inputs.Count; k++)
            {
                var file = Path.Combine(set, $"input_{k}.pb");
                if (!File.Exists(file)) throw new EdgeMLException($"missing {file}");
                OnnxValueReader.ReadFile(file, session.Inputs[k].Kind, session.Input(k));
            }
            session.Run();
            var mismatch = CompareOutputs(set, session.Outputs.Count, k => session.Output(k), k => session.Outputs[k].Kind);
            if (mismatch != null) return new CaseResult(c.Name, false, "wrong result", mismatch, sw.Elapsed.TotalMilliseconds);
        }
        return CaseResult.Pass(c.Name, sw.Elapsed.TotalMilliseconds);
    }

    private CaseResult RunOrtCore(ConformanceCase c)
    {
        var sw = Stopwatch.StartNew();
        using var ort = new OrtRunner(c.ModelPath, Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_BASIC);
        var ir = OnnxImporter.LoadFile(c.ModelPath);
        var kinds = ir.Graph.Inputs.ToDictionary(v => v.Name, v => v.Kind);
        var outKinds = ir.Graph.Outputs.Select(v => v.Kind).ToArray();
        foreach (var set in c.DataSets)
        {
            var inputs = new Dictionary<string, Tensor>();
            int k = 0;
            foreach (var v in ir.Graph.Inputs)
            {
                var t = new Tensor(v.Name);
                OnnxValueReader.ReadFile(Path.Combine(set, $"input_{k++}.pb"), kinds[v.Name], t);
                inputs[v.Name] = t;
            }
            var outputs = ort.Run(inputs);
            var mismatch = CompareOutputs(set, outputs.Count, i => outputs[i], i => i < outKinds.Length ? outKinds[i] : ValueKind.Tensor);
            if (mismatch != null) return new CaseResult(c.Name, false, "wrong result", mismatch, sw.Elapsed.TotalMilliseconds);
        }
        return CaseResult.Pass(c.Name, sw.Elapsed.TotalMilliseconds);
    }

    private string? CompareOutputs(string set, int count, Func<int, Tensor> actual, Func<int, ValueKind> kind)
    {
        for (int k = 0; k < count; k++)
        {
            var file = Path.Combine(set, $"output_{k}.pb");
            if (!File.Exists(file)) continue;
            var expected = new Tensor($"output_{k}");
            OnnxValueReader.ReadFile(file, kind(k), expected);
            var r = TensorComparison.Compare(actual(k), expected, RelativeTolerance, AbsoluteTolerance);
            if (!r.Equal) return $"output {k} ({Path.GetFileName(set)}): {r.Reason}";
        }
        return null;
    }

    /// <summary>Groups failures by what went wrong: the missing operator, or the kind of error.</summary>
    public static string Categorize(string message)
    {
        var m = NotImplemented().Match(message);
        if (m.Success) return $"not implemented: {m.Groups[1].Value}";
        if (message.Contains("unknown operator", StringComparison.Ordinal)) return "unknown operator";
        if (message.Contains("unsupported opset", StringComparison.Ordinal)) return "unsupported opset";
        if (message.Contains("ONNX Runtime", StringComparison.Ordinal)) return "onnx runtime error";
        m = NodeError().Match(message);
        if (m.Success) return $"error in {m.Groups[1].Value}";
        return "error";
    }

    [GeneratedRegex(@"\(([\w.]+), opset \d+\): operator is not implemented")]
    private static partial Regex NotImplemented();

    [GeneratedRegex(@"node '[^']*' \(([\w.]+), opset \d+\)")]
    private static partial Regex NodeError();
}
