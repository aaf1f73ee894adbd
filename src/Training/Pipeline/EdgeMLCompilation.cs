using EdgeML.Compiler;
using EdgeML.Runtime.Format;

namespace EdgeML.Training.Pipeline;

/// <summary>What became of model.edgeml: written (with its size) or why not.</summary>
public sealed record EdgeMLBuild(bool Written, long Bytes, string Status);

/// <summary>
/// Compiles model.onnx to model.edgeml with EdgeML.Compiler, carrying the deployment metadata (task, classes,
/// thresholds, confidence policy) and the training feature baseline as the MonitoringBaseline section. A model
/// the compiler cannot take yet (an operator without a kernel) is reported, not fatal: model.onnx stands, and
/// metrics.json says why model.edgeml is missing.
/// </summary>
internal static class EdgeMLCompilation
{
    public static EdgeMLBuild TryCompile(string onnxPath, string edgemlPath, IReadOnlyDictionary<string, string> metadata, byte[] baselineSection)
    {
        var options = new CompileOptions
        {
            Metadata = new Dictionary<string, string>(metadata),
            ExtraSections = new Dictionary<uint, byte[]> { [(uint)SectionKind.MonitoringBaseline] = baselineSection },
        };
        try
        {
            var result = ModelCompiler.CompileToFile(onnxPath, edgemlPath, options);
            return new EdgeMLBuild(true, result.Bytes.Length, $"written ({result.Bytes.Length} bytes, feature baseline in section {SectionKind.MonitoringBaseline})");
        }
        catch (Runtime.EdgeMLException e)
        {
            File.Delete(edgemlPath); // a model.edgeml from an earlier run must not pass for this one's
            return new EdgeMLBuild(false, 0, "not written: " + e.Message.ReplaceLineEndings(" "));
        }
    }
}
