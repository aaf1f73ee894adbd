using EdgeML.Training.Data;

namespace EdgeML.Training.Pipeline;

/// <summary>
/// Compiles model.onnx to model.edgeml with EdgeML.Compiler. The feature baseline should travel inside it as a
/// "MonitoringBaseline" section; the compiler has no extra-section hook yet, so baseline.json sits beside it.
/// A model the compiler cannot take yet (e.g. ai.onnx.ml operators) is reported, not fatal: model.onnx stands.
/// </summary>
internal static class EdgeMLCompilation
{
    public const string BaselineSectionKind = "MonitoringBaseline";

    public static string TryCompile(string onnxPath, string edgemlPath, IReadOnlyList<FeatureBaseline> baseline)
    {
        _ = baseline; // goes into a MonitoringBaseline section once the compiler can write extra sections
        try
        {
            var temp = edgemlPath + ".tmp-" + Environment.ProcessId;
            var result = EdgeML.Compiler.ModelCompiler.CompileToFile(onnxPath, temp);
            File.Move(temp, edgemlPath, overwrite: true);
            return $"written ({result.Bytes.Length} bytes); feature baseline in baseline.json (no MonitoringBaseline section hook in the compiler yet)";
        }
        catch (Exception e) when (e is EdgeML.Runtime.EdgeMLException or NotSupportedException or InvalidOperationException)
        {
            File.Delete(edgemlPath + ".tmp-" + Environment.ProcessId);
            return "not written: " + e.Message.ReplaceLineEndings(" ");
        }
    }
}
